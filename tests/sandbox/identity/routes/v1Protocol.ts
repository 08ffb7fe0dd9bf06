import { oidcScopes } from '../../model/wellKnownIds';
import type { TokenResponse } from '../issueTokens';

/**
 * The v1.0 protocol names the API by `resource=` instead of scopes (learn.microsoft.com/entra/identity-platform/
 * v1-oauth2-auth-code-flow, v1-oauth2-client-creds-grant-flow): a v1 request is answered like a v2 request for
 * `{resource}/.default` — "the static list of permissions configured on the app registration" — plus the OIDC
 * scopes for user flows, because v1 always returns an id_token and a refresh token to a user sign-in.
 */
export function v1Scope(resource: string, grantType: string | null, given: string | null): string {
  const items = [`${resource.replace(/\/+$/, '')}/.default`];
  if (grantType !== 'client_credentials') {
    const oidc = new Set(['openid', 'profile', 'offline_access']);
    for (const s of (given ?? '').split(/\s+/)) if (oidcScopes.includes(s.toLowerCase())) oidc.add(s.toLowerCase());
    items.push(...oidc);
  }
  return items.join(' ');
}

/**
 * v1 token response (v1-oauth2-auth-code-flow "Successful response"): numbers as strings, `expires_on` and
 * `not_before` as epoch seconds, `resource` echoed, and `scope` as the granted permission names without the
 * resource prefix.
 */
export function v1TokenResponse(body: TokenResponse, resource: string, nowS: number): Record<string, unknown> {
  const prefix = `${resource.replace(/\/+$/, '')}/`;
  const scope = (body.scope ?? '')
    .split(' ')
    .filter((s) => s && !oidcScopes.includes(s.toLowerCase()) && !s.endsWith('/.default'))
    .map((s) => (s.toLowerCase().startsWith(prefix.toLowerCase()) ? s.slice(prefix.length) : s))
    .join(' ');
  const out: Record<string, unknown> = {
    token_type: body.token_type,
    scope,
    expires_in: String(body.expires_in),
    ext_expires_in: String(body.ext_expires_in),
    expires_on: String(nowS + body.expires_in),
    not_before: String(nowS),
    resource,
    access_token: body.access_token,
  };
  if (body.refresh_token) out.refresh_token = body.refresh_token;
  if (body.id_token) out.id_token = body.id_token;
  return out;
}
