import type { AadstsError } from '../aadError';
import { aadsts } from '../aadsts';
import { checkDelegatedAccess } from '../checkDelegatedAccess';
import { issueUserTokens, type TokenResponse } from '../issueTokens';
import { parseScopeRequest } from '../parseScopeRequest';
import { authenticateClient } from './authenticateClient';
import type { GrantContext } from './GrantContext';

type GrantResult = { ok: true; body: TokenResponse } | { ok: false; error: AadstsError };

/**
 * grant_type=refresh_token. Refresh tokens are not tied to a tenant: redeeming one at a customer tenant's
 * authority is how a partner admin gets tokens there through GDAP, and where Conditional Access (50076), a
 * missing relationship (50020) or missing consent (65001) surface. Every redemption returns a new refresh token;
 * the old one stays valid until it is inactive for the configured maximum (700082), as in Entra.
 */
export async function refreshTokenGrant({ rt, req, form, app, authority }: GrantContext): Promise<GrantResult> {
  const token = form.get('refresh_token');
  if (!token) return { ok: false, error: aadsts.missingParameter('refresh_token') };
  const record = rt.identity.refreshTokens.get(token);
  if (!record || record.revoked || record.clientId !== app.appId) return { ok: false, error: aadsts.invalidGrant('refresh token') };
  const now = rt.clock.now();
  const maxInactiveMs = rt.settings.tokens.refreshTokenMaxInactiveSeconds * 1000;
  if (now - record.lastUsedAtMs > maxInactiveMs) {
    return { ok: false, error: aadsts.refreshTokenInactive(new Date(record.issuedAtMs).toISOString(), Math.round(maxInactiveMs / 86_400_000)) };
  }
  // A web-only registration is a confidential client: its refresh tokens need the secret too.
  const confidentialOnly = app.web.redirectUris.length > 0 && app.publicClient.redirectUris.length === 0 && app.isFallbackPublicClient !== true;
  const client = authenticateClient(rt, req, form, app, confidentialOnly ? 'required' : 'optional');
  if (!client.ok) return client;

  const tenantId = authority.kind === 'tenant' ? authority.seed.id : record.account.homeTenantId;
  const parsed = parseScopeRequest(form.get('scope') ?? 'openid profile offline_access', rt.state.directory(tenantId), app);
  if (!parsed.ok) return parsed;
  const access = checkDelegatedAccess(rt, { tenantId, client: app, account: record.account, request: parsed.value, amr: record.amr });
  if (!access.ok) return access;
  record.lastUsedAtMs = now;
  const body = await issueUserTokens(rt, {
    tenantId,
    client: app,
    account: record.account,
    granted: access.value,
    request: { ...parsed.value, oidc: [...new Set([...parsed.value.oidc, 'offline_access'])] },
    nonce: undefined,
    authTimeS: record.authTimeS,
    amr: record.amr,
    confidential: client.confidential,
  });
  return { ok: true, body };
}
