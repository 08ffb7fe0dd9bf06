import type { AadstsError } from '../aadError';
import { aadsts } from '../aadsts';
import { checkDelegatedAccess } from '../checkDelegatedAccess';
import { issueUserTokens, type TokenResponse } from '../issueTokens';
import { parseScopeRequest } from '../parseScopeRequest';
import type { GrantContext } from './GrantContext';

type GrantResult = { ok: true; body: TokenResponse } | { ok: false; error: AadstsError };

/** Polls faster than the interval by more than this are "too fast" (timer jitter is not). */
const pollToleranceMs = 500;

/** grant_type=urn:ietf:params:oauth:grant-type:device_code (RFC 8628 §3.4-3.5). */
export async function deviceCodeGrant({ rt, form, app }: GrantContext): Promise<GrantResult> {
  const deviceCode = form.get('device_code');
  if (!deviceCode) return { ok: false, error: aadsts.missingParameter('device_code') };
  const record = rt.identity.deviceCodes.get(deviceCode);
  if (!record || record.clientId !== app.appId) return { ok: false, error: aadsts.invalidGrant('device code') };
  // Device code is a public-client flow: "Allow public client flows" (isFallbackPublicClient) must be on.
  if (app.isFallbackPublicClient !== true) return { ok: false, error: aadsts.publicClientFlowsDisabled() };
  const now = rt.clock.now();
  if (now > record.expiresAtMs) return { ok: false, error: aadsts.deviceCodeExpired() };
  if (record.status === 'declined') return { ok: false, error: aadsts.deviceCodeDeclined() };
  if (record.status === 'redeemed') return { ok: false, error: aadsts.codeAlreadyRedeemed() };
  if (record.status === 'pending' || !record.approval) {
    const last = record.lastPollAtMs;
    record.lastPollAtMs = now;
    if (last !== null && now - last < record.intervalSeconds * 1000 - pollToleranceMs) return { ok: false, error: aadsts.slowDown() };
    return { ok: false, error: aadsts.authorizationPending() };
  }
  record.status = 'redeemed';
  const { account, tenantId, authTimeS, amr } = record.approval;
  const parsed = parseScopeRequest(record.scope, rt.state.directory(tenantId), app);
  if (!parsed.ok) return parsed;
  const access = checkDelegatedAccess(rt, { tenantId, client: app, account, request: parsed.value, amr });
  if (!access.ok) return access;
  const body = await issueUserTokens(rt, { tenantId, client: app, account, granted: access.value, request: parsed.value, nonce: undefined, authTimeS, amr, confidential: false });
  return { ok: true, body };
}
