import { buildServicePrincipal } from './buildServicePrincipal';
import type { SandboxState } from './SandboxState';
import type { Application, ServicePrincipal } from './directoryTypes';

/** Returns the app's service principal in `tenantId`, creating it as consent or POST /servicePrincipals would. */
export function ensureServicePrincipal(state: SandboxState, tenantId: string, app: Application): ServicePrincipal {
  const directory = state.directory(tenantId);
  const existing = directory.findServicePrincipalByAppId(app.appId);
  if (existing) return existing;
  const sp = buildServicePrincipal(app, state.random.uuid(), state.clock.nowIso());
  directory.servicePrincipals.set(sp.id, sp);
  return sp;
}
