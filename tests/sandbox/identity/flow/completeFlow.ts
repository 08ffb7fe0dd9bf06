import type { SandboxRuntime } from '../../SandboxRuntime';
import { htmlReply, type Reply } from '../../http/Reply';
import type { Application } from '../../model/directoryTypes';
import { randomToken } from '../../util/randomToken';
import type { AccountRef, Flow } from '../IdentityStore';
import { deviceResultPage } from '../pages/deviceLoginPages';
import { clientInfo } from '../tokenClaims';
import { respondToRedirect } from './respondToRedirect';

export interface CompletedSignIn {
  tenantId: string;
  account: AccountRef;
  authTimeS: number;
  amr: string[];
}

/** /authorize success: a single-use code, returned with state and client_info (facts §13). */
export function completeAuthorize(rt: SandboxRuntime, flow: Flow, signIn: CompletedSignIn, headers: Record<string, string>): Reply {
  const params = flow.authorize;
  if (!params) throw new Error('authorize flow without parameters');
  const code = `1.${randomToken(64)}`;
  rt.identity.codes.set(code, {
    code,
    clientId: params.clientId,
    redirectUri: params.redirectUri,
    tenantId: signIn.tenantId,
    account: signIn.account,
    scope: params.scope,
    nonce: params.nonce,
    codeChallenge: params.codeChallenge,
    codeChallengeMethod: params.codeChallengeMethod,
    authTimeS: signIn.authTimeS,
    amr: signIn.amr,
    expiresAtMs: rt.clock.now() + rt.settings.tokens.authorizationCodeLifetimeSeconds * 1000,
    redeemed: false,
  });
  rt.identity.flows.delete(flow.id);
  return respondToRedirect(
    params.redirectUri,
    params.responseMode,
    {
      code,
      client_info: clientInfo(signIn.account.userId, signIn.account.homeTenantId),
      state: params.state,
      session_state: flow.sessionId.slice(0, 36),
    },
    headers,
  );
}

/** Device login success: the polling client gets its tokens on the next poll. */
export function completeDevice(rt: SandboxRuntime, flow: Flow, app: Application, signIn: CompletedSignIn, headers: Record<string, string>): Reply {
  const record = flow.deviceCode ? rt.identity.deviceCodes.get(flow.deviceCode) : undefined;
  if (record && record.status === 'pending') {
    record.status = 'approved';
    record.approval = { account: signIn.account, tenantId: signIn.tenantId, authTimeS: signIn.authTimeS, amr: signIn.amr };
  }
  rt.identity.flows.delete(flow.id);
  return htmlReply(200, deviceResultPage({ appName: app.displayName, approved: true }), headers);
}

/** Admin consent success redirect (facts §6.1 v1, §6.2 v2). */
export function completeAdminConsent(rt: SandboxRuntime, flow: Flow, tenantId: string, grantedScopes: string, headers: Record<string, string>): Reply {
  const params = flow.adminConsent;
  if (!params) throw new Error('admin consent flow without parameters');
  rt.identity.flows.delete(flow.id);
  const fields =
    params.version === 2
      ? { admin_consent: 'True', tenant: tenantId, scope: grantedScopes, state: params.state }
      : { tenant: tenantId, state: params.state, admin_consent: 'True' };
  return respondToRedirect(params.redirectUri, 'query', fields, headers);
}
