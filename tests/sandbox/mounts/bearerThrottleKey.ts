import { decodeJwt } from 'jose';
import type { SandboxRequest } from '../http/SandboxRequest';

/**
 * Throttling key for APIs called with a bearer token (Graph, Partner Center): tenant + client app from the token
 * (facts §9.2 "app+tenant pair"). The token is only read here, not validated; the API routes validate it.
 */
export async function bearerThrottleKey(req: SandboxRequest): Promise<string | null> {
  // A $batch is charged per inner request (facts §9.3: "each request is throttled individually"), not as a whole.
  if (/\/\$batch$/i.test(req.path)) return null;
  const auth = req.header('authorization') ?? '';
  if (!auth.toLowerCase().startsWith('bearer ')) return null;
  try {
    const claims = decodeJwt(auth.slice(7).trim());
    const tid = typeof claims.tid === 'string' ? claims.tid : '';
    const app = typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : '';
    return tid && app ? `${tid}|${app}` : null;
  } catch {
    return null;
  }
}
