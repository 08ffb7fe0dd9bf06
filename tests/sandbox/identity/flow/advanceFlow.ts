import type { SandboxRuntime } from '../../SandboxRuntime';
import { htmlReply, type Reply } from '../../http/Reply';
import { resolveTenantAccess } from '../../model/resolveTenantAccess';
import { delegatedConsentRoles } from '../../model/wellKnownIds';
import type { AadstsError } from '../aadError';
import { aadsts } from '../aadsts';
import { conditionalAccessOutcome } from '../conditionalAccessOutcome';
import { accessDeniedError, findAccountUser, mfaRequired, userAssignmentMissing } from '../checkDelegatedAccess';
import type { Flow } from '../IdentityStore';
import { consentPage } from '../pages/consentPage';
import { deviceConfirmPage } from '../pages/deviceLoginPages';
import { mfaPage } from '../pages/mfaPage';
import { needAdminApprovalPage } from '../pages/needAdminApprovalPage';
import { signInPage } from '../pages/signInPage';
import { parseScopeRequest } from '../parseScopeRequest';
import { canConsentTo, missingItems, requestedDelegatedItems, type PermissionItem } from '../permissionItems';
import { sessionCookieHeader } from '../sessionCookie';
import { adminConsentItems } from './adminConsentItems';
import { completeAdminConsent, completeAuthorize, completeDevice } from './completeFlow';
import { deliverFlowError } from './deliverFlowError';

export function flowAction(flow: Flow): string {
  return `/${encodeURIComponent(flow.tenantSegment)}/login`;
}

/** The permissions the consent step is about for this flow, and whether the page must show at all. */
export function pendingConsent(rt: SandboxRuntime, flow: Flow, tenantId: string, userId: string):
  | { ok: true; items: PermissionItem[]; required: boolean }
  | { ok: false; error: AadstsError } {
  const app = rt.state.findApplication(flow.clientId);
  if (!app) return { ok: false, error: aadsts.applicationNotFound(flow.clientId, tenantId) };
  const directory = rt.state.directory(tenantId);
  if (flow.kind === 'adminconsent' && flow.adminConsent) {
    const result = adminConsentItems(directory, app, flow.adminConsent);
    return result.ok ? { ok: true, items: result.items, required: true } : result;
  }
  const scope = flow.authorize?.scope ?? (flow.deviceCode ? rt.identity.deviceCodes.get(flow.deviceCode)?.scope : undefined) ?? '';
  const parsed = parseScopeRequest(scope, directory, app);
  if (!parsed.ok) return parsed;
  const requested = requestedDelegatedItems(directory, app, parsed.value);
  const clientSp = directory.findServicePrincipalByAppId(app.appId);
  const missing = missingItems(directory, clientSp, requested, userId);
  const forced = flow.authorize?.prompt === 'consent';
  return { ok: true, items: missing.length > 0 ? missing : requested, required: missing.length > 0 || forced };
}

/**
 * Moves an interactive flow to its next page, in Entra's order: sign-in, tenant access (50020), assignment
 * (50105), MFA (50076), device confirmation, consent (65001 / 90094), then the flow's own completion.
 */
export function advanceFlow(rt: SandboxRuntime, flow: Flow): Reply {
  const session = rt.identity.sessions.get(flow.sessionId) ?? rt.identity.newSession();
  flow.sessionId = session.id;
  const headers = { 'set-cookie': sessionCookieHeader(session) };
  const app = rt.state.findApplication(flow.clientId);
  if (!app) return deliverFlowError(rt, flow, aadsts.applicationNotFound(flow.clientId, flow.tenantSegment), headers);
  const action = flowAction(flow);
  const prompt = flow.authorize?.prompt;

  if (!flow.account) {
    const notice = flow.notice;
    flow.notice = undefined;
    return htmlReply(200, signInPage({ action, flowId: flow.id, appName: app.displayName, username: flow.authorize?.loginHint, notice }), headers);
  }
  const user = findAccountUser(rt, flow.account);
  if (!user) return deliverFlowError(rt, flow, aadsts.loginRequired(), headers);
  const tenantId = flow.requestedTenantId ?? flow.account.homeTenantId;

  // A single-tenant app only admits users who can reach its home tenant (facts §10.2, AADSTS50020).
  if (app.signInAudience === 'AzureADMyOrg' && tenantId !== app.sandbox.homeTenantId) {
    return deliverFlowError(rt, flow, accessDeniedError(rt, user, flow.account.homeTenantId, app.sandbox.homeTenantId, app, false), headers);
  }
  const access = resolveTenantAccess(rt.state, { homeTenantId: flow.account.homeTenantId, user }, tenantId, rt.settings.clientTenants.gdapAccessStatuses);
  if (!access) return deliverFlowError(rt, flow, accessDeniedError(rt, user, flow.account.homeTenantId, tenantId, app, false), headers);

  const directory = rt.state.directory(tenantId);
  const clientSp = directory.findServicePrincipalByAppId(app.appId);
  if (flow.kind !== 'adminconsent' && userAssignmentMissing(rt, tenantId, clientSp, user)) {
    return deliverFlowError(rt, flow, aadsts.userNotAssigned(app.appId, app.displayName), headers);
  }

  const sessionAccount = session.accounts.find((a) => a.userId === user.id && a.homeTenantId === flow.account?.homeTenantId);
  const mfaDone = flow.mfaSatisfied || (sessionAccount?.mfa ?? false);
  if (conditionalAccessOutcome(rt, tenantId, user, access) === 'block') {
    return deliverFlowError(rt, flow, aadsts.blockedByConditionalAccess(false), headers);
  }
  // v1.0's `amr_values=mfa` asks Entra for MFA even where no policy requires it: Microsoft's Partner Center tools send
  // it so the token's amr shows MFA, which Partner Center checks (microsoft/secmgmt-insights-connector#23/#24;
  // learn.microsoft.com/powershell/partnercenter/test-partner-security-requirements). Every sandbox user has an MFA
  // method (its code in SANDBOX_READY), so every one can be asked.
  const mfaAsked = flow.authorize?.amrValues?.split(/[\s,]+/).includes('mfa') ?? false;
  if ((mfaRequired(rt, tenantId, user, access) || mfaAsked) && !mfaDone) {
    if (prompt === 'none') return deliverFlowError(rt, flow, aadsts.mfaRequired(app.appId), headers);
    const notice = flow.notice;
    flow.notice = undefined;
    return htmlReply(200, mfaPage({ action, flowId: flow.id, userPrincipalName: user.userPrincipalName, notice }), headers);
  }

  if (flow.kind === 'device' && !flow.deviceConfirmed) {
    return htmlReply(200, deviceConfirmPage({ action, flowId: flow.id, appName: app.displayName, userPrincipalName: user.userPrincipalName }), headers);
  }

  if (!flow.consentHandled) {
    const pending = pendingConsent(rt, flow, tenantId, user.id);
    if (!pending.ok) return deliverFlowError(rt, flow, pending.error, headers);
    if (pending.required) {
      if (prompt === 'none') return deliverFlowError(rt, flow, aadsts.consentRequired(app.appId, app.displayName, false), headers);
      if (!canConsentTo(pending.items, access.roles)) {
        return htmlReply(200, needAdminApprovalPage({ action, flowId: flow.id, appName: app.displayName, items: pending.items }), headers);
      }
      const adminCapable = access.roles.some((r) => delegatedConsentRoles.includes(r));
      const orgConsent =
        flow.kind === 'adminconsent' ? 'none' : pending.items.some((i) => i.adminOnly) ? 'forced' : adminCapable ? 'optional' : 'none';
      return htmlReply(
        200,
        consentPage({
          action,
          flowId: flow.id,
          appName: app.displayName,
          publisherDomain: app.publisherDomain,
          userPrincipalName: user.userPrincipalName,
          items: pending.items,
          adminView: adminCapable,
          organizationConsent: orgConsent,
          title: flow.kind === 'adminconsent' ? 'Permissions requested: accept for your organization' : undefined,
        }),
        headers,
      );
    }
  }

  const signIn = {
    tenantId,
    account: flow.account,
    authTimeS: sessionAccount?.authTimeS ?? rt.clock.nowSeconds(),
    amr: mfaDone ? ['pwd', 'mfa'] : ['pwd'],
  };
  if (flow.kind === 'authorize') return completeAuthorize(rt, flow, signIn, headers);
  if (flow.kind === 'device') return completeDevice(rt, flow, app, signIn, headers);
  return completeAdminConsent(rt, flow, tenantId, flow.grantedScopes ?? '', headers);
}
