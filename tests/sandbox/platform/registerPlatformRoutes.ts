import { Agent } from 'undici';
import type { Mount } from '../http/Mount';
import type { SandboxRuntime } from '../SandboxRuntime';
import { createPlatformErrorFormatter } from './createPlatformErrorFormatter';
import { createPlatformThrottleKey } from './createPlatformThrottleKey';
import { loadPlatformApiValidator } from './loadPlatformApiValidator';
import { platformApiDocPath } from './platformApiDocPath';
import { PlatformBackend } from './PlatformBackend';
import { platformBackends } from './platformBackends';
import { getRequirementsRoute } from './routes/getRequirementsRoute';
import { getSsoConfigurationRoute } from './routes/getSsoConfigurationRoute';
import { listTenantsRoute } from './routes/listTenantsRoute';
import { putSsoConfigurationRoute } from './routes/putSsoConfigurationRoute';
import { putTenantRoute } from './routes/putTenantRoute';
import { putTenantsBatchRoute } from './routes/putTenantsBatchRoute';
import { testSsoConfigurationRoute } from './routes/testSsoConfigurationRoute';
import { seedPlatformOrganisations } from './seedPlatformOrganisations';

export interface PlatformRouteOptions {
  /** Where `platform-<port>.sqlite` goes: the sandbox data folder. */
  dataDir: string;
  /** The sandbox CA (PEM): the backend calls the identity endpoints over HTTPS and must trust it. */
  caPem: string;
  /** The OpenAPI document to serve and check against; default docs/platform-api.yaml. */
  docPath?: string;
}

/**
 * Registers the reference platform backend (docs/platform-api.yaml) on the platform mount (`/platform` prefix).
 * It also gives the mount the API's own error format (problem+json) and a throttling key per organisation, so
 * what the mount's fault middleware injects (latency, 5xx, 429) is what a client of this API would see.
 */
export function registerPlatformRoutes(mount: Mount, rt: SandboxRuntime, options: PlatformRouteOptions): PlatformBackend {
  const validator = loadPlatformApiValidator(options.docPath ?? platformApiDocPath);
  // Short keep-alive: the backend's connections to the sandbox's own server should not outlive a quiet spell.
  const dispatcher = new Agent({ connect: { ca: options.caPem }, keepAliveTimeout: 1_000 });
  const backend = new PlatformBackend(rt, seedPlatformOrganisations(rt.plan), validator, dispatcher, options.dataDir);

  mount.errors = createPlatformErrorFormatter();
  mount.throttleKey = createPlatformThrottleKey(backend);
  const router = mount.router;
  router.get('/v1/onboarding/requirements', getRequirementsRoute(backend));
  router.get('/v1/sso-configuration', getSsoConfigurationRoute(backend));
  router.add('PUT', '/v1/sso-configuration', putSsoConfigurationRoute(backend));
  router.post('/v1/sso-configuration/test', testSsoConfigurationRoute(backend));
  router.get('/v1/tenants', listTenantsRoute(backend));
  // Before the templated path, so "batch" is never read as a tenant ID.
  router.post('/v1/tenants/batch', putTenantsBatchRoute(backend));
  router.add('PUT', '/v1/tenants/:tenantId', putTenantRoute(backend));
  platformBackends.set(rt, backend);
  return backend;
}
