import type { SandboxRuntime } from '../../SandboxRuntime';
import type { SandboxRequest } from '../../http/SandboxRequest';
import type { Reply } from '../../http/Reply';
import { aadsts } from '../aadsts';
import { findAccountUser } from '../checkDelegatedAccess';
import type { Flow } from '../IdentityStore';
import { accountPickerPage } from '../pages/accountPickerPage';
import { htmlReply } from '../../http/Reply';
import { randomToken } from '../../util/randomToken';
import { getOrCreateSession, sessionCookieHeader } from '../sessionCookie';
import { advanceFlow, flowAction } from '../flow/advanceFlow';
import { deliverFlowError } from '../flow/deliverFlowError';

export function newFlow(rt: SandboxRuntime, req: SandboxRequest, init: Omit<Flow, 'id' | 'createdAtMs' | 'sessionId' | 'mfaSatisfied' | 'consentHandled' | 'deviceConfirmed'>): Flow {
  const session = getOrCreateSession(rt, req);
  const flow: Flow = {
    ...init,
    id: randomToken(24),
    createdAtMs: rt.clock.now(),
    sessionId: session.id,
    mfaSatisfied: false,
    consentHandled: false,
    deviceConfirmed: false,
  };
  rt.identity.flows.set(flow.id, flow);
  return flow;
}

/**
 * First page of a flow: single sign-on from the session cookie, the account picker, or the sign-in form,
 * following `prompt` and `login_hint` (prompt=login forces the form; select_account forces the picker;
 * none never shows UI and fails with 50058 or 16000 instead).
 */
export function beginFlow(rt: SandboxRuntime, flow: Flow, prompt: string | undefined, loginHint: string | undefined): Reply {
  const session = rt.identity.sessions.get(flow.sessionId);
  const accounts = (session?.accounts ?? []).filter((a) => findAccountUser(rt, a));
  const headers = session ? { 'set-cookie': sessionCookieHeader(session) } : undefined;
  if (prompt === 'login' || accounts.length === 0) {
    if (prompt === 'none') return deliverFlowError(rt, flow, aadsts.loginRequired(), headers);
    return advanceFlow(rt, flow);
  }
  const hinted = loginHint
    ? accounts.find((a) => findAccountUser(rt, a)?.userPrincipalName.toLowerCase() === loginHint.toLowerCase())
    : undefined;
  if (prompt !== 'select_account') {
    if (hinted) {
      flow.account = { homeTenantId: hinted.homeTenantId, userId: hinted.userId };
      return advanceFlow(rt, flow);
    }
    if (loginHint) {
      if (prompt === 'none') return deliverFlowError(rt, flow, aadsts.loginRequired(), headers);
      return advanceFlow(rt, flow);
    }
    if (accounts.length === 1 && accounts[0]) {
      flow.account = { homeTenantId: accounts[0].homeTenantId, userId: accounts[0].userId };
      return advanceFlow(rt, flow);
    }
    if (prompt === 'none') return deliverFlowError(rt, flow, aadsts.multipleAccounts(), headers);
  }
  return htmlReply(
    200,
    accountPickerPage({
      action: flowAction(flow),
      flowId: flow.id,
      accounts: accounts.map((a) => {
        const user = findAccountUser(rt, a);
        return { key: `${a.homeTenantId}:${a.userId}`, userPrincipalName: user?.userPrincipalName ?? '', displayName: user?.displayName ?? '' };
      }),
    }),
    headers,
  );
}
