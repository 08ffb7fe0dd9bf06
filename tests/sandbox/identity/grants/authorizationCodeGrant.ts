import { createHash } from 'node:crypto';
import type { AadstsError } from '../aadError';
import { aadsts } from '../aadsts';
import { checkDelegatedAccess } from '../checkDelegatedAccess';
import { issueUserTokens, type TokenResponse } from '../issueTokens';
import { parseScopeRequest } from '../parseScopeRequest';
import { findRedirectPlatform } from '../redirectUriMatches';
import { authenticateClient } from './authenticateClient';
import type { GrantContext } from './GrantContext';

type GrantResult = { ok: true; body: TokenResponse } | { ok: false; error: AadstsError };

/** grant_type=authorization_code with PKCE (RFC 7636), single-use codes (54005). */
export async function authorizationCodeGrant({ rt, req, form, app }: GrantContext): Promise<GrantResult> {
  const code = form.get('code');
  if (!code) return { ok: false, error: aadsts.missingParameter('code') };
  const record = rt.identity.codes.get(code);
  if (!record || record.clientId !== app.appId) return { ok: false, error: aadsts.invalidGrant('authorization code') };
  if (record.redeemed) return { ok: false, error: aadsts.codeAlreadyRedeemed() };
  if (rt.clock.now() > record.expiresAtMs) return { ok: false, error: aadsts.codeExpired() };
  const redirectUri = form.get('redirect_uri') ?? '';
  if (redirectUri !== record.redirectUri) return { ok: false, error: aadsts.redirectUriDiffersFromCode() };

  const platform = findRedirectPlatform(app, redirectUri);
  if (platform === 'spa' && !req.header('origin')) return { ok: false, error: aadsts.spaRequiresCors() };
  const client = authenticateClient(rt, req, form, app, platform === 'web' ? 'required' : 'optional');
  if (!client.ok) return client;

  if (record.codeChallenge) {
    const verifier = form.get('code_verifier') ?? '';
    const computed = record.codeChallengeMethod === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
    if (!verifier || computed !== record.codeChallenge) return { ok: false, error: aadsts.pkceMismatch() };
  }
  // A code is spent by its first redemption attempt that gets this far, successful or not.
  record.redeemed = true;

  const parsed = parseScopeRequest(form.get('scope') ?? record.scope, rt.state.directory(record.tenantId), app);
  if (!parsed.ok) return parsed;
  const access = checkDelegatedAccess(rt, { tenantId: record.tenantId, client: app, account: record.account, request: parsed.value, amr: record.amr });
  if (!access.ok) return access;
  const body = await issueUserTokens(rt, {
    tenantId: record.tenantId,
    client: app,
    account: record.account,
    granted: access.value,
    request: parsed.value,
    nonce: record.nonce,
    authTimeS: record.authTimeS,
    amr: record.amr,
    confidential: client.confidential,
  });
  return { ok: true, body };
}
