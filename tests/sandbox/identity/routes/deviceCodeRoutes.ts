import { randomInt } from 'node:crypto';
import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Handler } from '../../http/Router';
import { htmlReply, jsonReply } from '../../http/Reply';
import { randomToken } from '../../util/randomToken';
import { aadErrorReply } from '../aadError';
import { aadsts } from '../aadsts';
import { parseScopeRequest } from '../parseScopeRequest';
import { deviceCodeEntryPage } from '../pages/deviceLoginPages';
import { resolveAuthoritySegment } from '../resolveAuthoritySegment';
import { beginFlow, newFlow } from './startFlow';

function userCode(): string {
  // Entra's user codes: 9 characters, upper-case letters and digits without look-alikes.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 9 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** POST /{tenant}/oauth2/v2.0/devicecode (the device_authorization_endpoint of facts §11.1). */
export function deviceCodeRoute(rt: SandboxRuntime): Handler {
  return async (req) => {
    const form = await req.form();
    const ctx = { nowMs: rt.clock.now(), authority: rt.urls.authority, correlationId: req.header('client-request-id') };
    const segment = req.params.tenant ?? '';
    const authority = resolveAuthoritySegment(rt.state, segment);
    if (authority.kind === 'unknown') return aadErrorReply(aadsts.invalidTenant(segment, true), ctx);
    const clientId = (form.get('client_id') ?? '').toLowerCase();
    if (!clientId) return aadErrorReply(aadsts.missingParameter('client_id'), ctx);
    const app = rt.state.findApplication(clientId);
    if (!app || authority.kind === 'consumers') return aadErrorReply(aadsts.applicationNotFound(clientId, segment), ctx);
    const scope = form.get('scope');
    if (!scope) return aadErrorReply(aadsts.missingParameter('scope'), ctx);
    if (authority.kind === 'tenant') {
      const parsed = parseScopeRequest(scope, rt.state.directory(authority.seed.id), app);
      if (!parsed.ok) return aadErrorReply(parsed.error, ctx);
    }
    const code = userCode();
    const deviceCode = `DAQABAAEAAA${randomToken(96)}`;
    const now = rt.clock.now();
    rt.identity.deviceCodes.set(deviceCode, {
      deviceCode,
      userCode: code,
      clientId,
      tenantSegment: segment,
      requestedTenantId: authority.kind === 'tenant' ? authority.seed.id : null,
      scope,
      issuedAtMs: now,
      expiresAtMs: now + rt.settings.deviceCode.expiresInSeconds * 1000,
      intervalSeconds: rt.settings.deviceCode.intervalSeconds,
      lastPollAtMs: null,
      status: 'pending',
    });
    rt.identity.deviceCodesByUserCode.set(code, deviceCode);
    return jsonReply(200, {
      user_code: code,
      device_code: deviceCode,
      verification_uri: rt.urls.deviceLogin,
      expires_in: rt.settings.deviceCode.expiresInSeconds,
      interval: rt.settings.deviceCode.intervalSeconds,
      message: `To sign in, use a web browser to open the page ${rt.urls.deviceLogin} and enter the code ${code} to authenticate.`,
    });
  };
}

/** GET /devicelogin: the code entry page (Entra's microsoft.com/devicelogin). */
export function deviceLoginPageRoute(): Handler {
  return () => htmlReply(200, deviceCodeEntryPage({ action: '/devicelogin', notice: undefined }));
}

/** POST /devicelogin: look the code up, then continue with the usual sign-in pages. */
export function deviceLoginPostRoute(rt: SandboxRuntime): Handler {
  return async (req) => {
    const form = await req.form();
    const entered = (form.get('otc') ?? '').replace(/[\s-]/g, '').toUpperCase();
    const record = rt.identity.deviceCodes.get(rt.identity.deviceCodesByUserCode.get(entered) ?? '');
    if (!record || record.status !== 'pending' || rt.clock.now() > record.expiresAtMs) {
      const notice = `That code didn't work. Check the code and try again. (AADSTS${aadsts.badVerificationCode().code})`;
      return htmlReply(200, deviceCodeEntryPage({ action: '/devicelogin', notice }));
    }
    const flow = newFlow(rt, req, {
      kind: 'device',
      tenantSegment: record.tenantSegment,
      requestedTenantId: record.requestedTenantId,
      clientId: record.clientId,
      deviceCode: record.deviceCode,
    });
    return beginFlow(rt, flow, 'select_account', undefined);
  };
}
