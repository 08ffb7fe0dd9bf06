import { tokenClaims } from '../auth/token-claims';
import type { HttpClient } from './http-client';
import { HttpFailure } from './http-client';

export type AppTokenResult = { ok: true; roles: string[] } | { ok: false; aadsts: number | undefined; message: string };

/**
 * A client-credentials token for the app in the client tenant (POST /{tenant}/oauth2/v2.0/token,
 * scope {graph}/.default, facts §3): Entra puts the application permissions granted in that tenant in
 * the `roles` claim, so it is the tenant's own answer to "did consent work". AADSTS700016 means the
 * app has no service principal there (no consent); 7000215/7000222 a wrong or expired secret.
 */
export async function appTokenRoles(
  http: HttpClient,
  o: { authorityHost: string; graphResource: string; tenantId: string; clientId: string; secret: string; signal?: AbortSignal },
): Promise<AppTokenResult> {
  try {
    const { body } = await http.json<{ access_token: string }>(`${o.authorityHost}/${o.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      form: { grant_type: 'client_credentials', client_id: o.clientId, client_secret: o.secret, scope: `${o.graphResource}/.default` },
      ...(o.signal ? { signal: o.signal } : {}),
    });
    const roles = tokenClaims(body.access_token)['roles'];
    return { ok: true, roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [] };
  } catch (error) {
    if (error instanceof HttpFailure && error.status >= 400 && error.status < 500) return { ok: false, aadsts: error.aadsts, message: error.detail };
    throw error;
  }
}
