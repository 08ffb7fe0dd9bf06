import type { AadstsError } from '../aadError';
import { aadsts } from '../aadsts';
import { checkDelegatedAccess } from '../checkDelegatedAccess';
import { issueUserTokens, type TokenResponse } from '../issueTokens';
import { parseScopeRequest } from '../parseScopeRequest';
import { authenticateClient } from './authenticateClient';
import type { GrantContext } from './GrantContext';

type GrantResult = { ok: true; body: TokenResponse } | { ok: false; error: AadstsError };

/**
 * grant_type=password, the resource owner password credentials grant
 * (learn.microsoft.com/entra/identity-platform/v2-oauth-ropc): a tenant or /organizations authority only; a
 * public client needs "Allow public client flows" (isFallbackPublicClient; otherwise 7000218, as
 * AzureAD/microsoft-authentication-library-for-python#96 and Azure-Samples/active-directory-dotnetcore-console-up-v2#4
 * show) and must not send a secret (700025); a confidential client sends its secret. Unknown user 50034, wrong
 * password 50126 (reference-error-codes). "If users need to use multi-factor authentication (MFA) to log in to
 * the application, they will be blocked instead": a password is never MFA, so Conditional Access or per-user
 * MFA answers 50076 interaction_required (checkDelegatedAccess), as do 50020, 50105 and 65001 there.
 */
export async function passwordGrant({ rt, req, form, app, authority }: GrantContext): Promise<GrantResult> {
  if (authority.kind === 'common' || authority.kind === 'consumers') return { ok: false, error: aadsts.ropcNeedsTenant() };
  const posted = form.get('client_secret') !== null || (req.header('authorization') ?? '').toLowerCase().startsWith('basic ');
  if (posted && app.isFallbackPublicClient === true) return { ok: false, error: aadsts.publicClientWithSecret() };
  if (!posted && app.isFallbackPublicClient !== true) return { ok: false, error: aadsts.publicClientFlowsDisabled() };
  const client = authenticateClient(rt, req, form, app, posted ? 'required' : 'optional');
  if (!client.ok) return client;
  const username = (form.get('username') ?? '').trim();
  if (!username) return { ok: false, error: aadsts.missingParameter('username') };
  const password = form.get('password');
  if (password === null) return { ok: false, error: aadsts.missingParameter('password') };

  const home = rt.state.resolveTenant(username.split('@')[1] ?? '');
  const user = home ? rt.state.directory(home.id).findUserByUpn(username) : undefined;
  const tenantName = authority.kind === 'tenant' ? authority.seed.displayName : (home?.displayName ?? 'organizations');
  if (!home || !user || !user.accountEnabled) return { ok: false, error: aadsts.userNotFound(tenantName) };
  if (user.sandbox.password !== password) return { ok: false, error: aadsts.badPassword() };

  const tenantId = authority.kind === 'tenant' ? authority.seed.id : home.id;
  const parsed = parseScopeRequest(form.get('scope') ?? 'openid profile offline_access', rt.state.directory(tenantId), app);
  if (!parsed.ok) return parsed;
  const account = { homeTenantId: home.id, userId: user.id };
  const amr = ['pwd'];
  const access = checkDelegatedAccess(rt, { tenantId, client: app, account, request: parsed.value, amr });
  if (!access.ok) return access;
  const body = await issueUserTokens(rt, {
    tenantId,
    client: app,
    account,
    granted: access.value,
    request: parsed.value,
    nonce: undefined,
    authTimeS: rt.clock.nowSeconds(),
    amr,
    confidential: client.confidential,
  });
  return { ok: true, body };
}
