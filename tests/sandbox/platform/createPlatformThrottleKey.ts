import type { SandboxRequest } from '../http/SandboxRequest';
import type { PlatformBackend } from './PlatformBackend';
import { platformBearerToken } from './platformBearerToken';

/**
 * The platform's 429 bucket is per organisation (its token), not per Entra tenant + app as for Microsoft's APIs:
 * platform tokens are not JWTs. Unknown tokens are not throttled; they get their 401.
 */
export function createPlatformThrottleKey(backend: PlatformBackend): (req: SandboxRequest) => Promise<string | null> {
  return (req) => {
    const token = platformBearerToken(req);
    const org = token ? backend.organisationForToken(token) : null;
    return Promise.resolve(org ? org.id : null);
  };
}
