import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Handler } from '../../http/Router';
import { htmlReply, type Reply } from '../../http/Reply';
import { delegatedConsentRoles } from '../../model/wellKnownIds';
import { resolveTenantAccess } from '../../model/resolveTenantAccess';
import { aadsts } from '../aadsts';
import { findAccountUser } from '../checkDelegatedAccess';
import { advanceFlow, pendingConsent } from '../flow/advanceFlow';
import { deliverFlowError, errorPageReply } from '../flow/deliverFlowError';
import { respondToRedirect } from '../flow/respondToRedirect';
import { grantConsent } from '../grantConsent';
import type { Flow } from '../IdentityStore';
import { deviceResultPage } from '../pages/deviceLoginPages';
import type { PermissionItem } from '../permissionItems';
import { sessionCookieHeader } from '../sessionCookie';

function signIn(rt: SandboxRuntime, flow: Flow, username: string, password: string): Reply {
  const domain = username.split('@')[1] ?? '';
  const seed = rt.state.resolveTenant(domain);
  const user = seed ? rt.state.directory(seed.id).findUserByUpn(username) : undefined;
  if (!seed || !user || !user.accountEnabled) {
    flow.notice = `This username may be incorrect. Make sure you typed it correctly. (AADSTS${aadsts.userNotFound(seed?.displayName ?? domain).code})`;
    return advanceFlow(rt, flow);
  }
  if (user.sandbox.password !== password) {
    flow.notice = `Your account or password is incorrect. If you don’t remember your password, reset it now. (AADSTS${aadsts.badPassword().code})`;
    if (flow.authorize) flow.authorize.loginHint = username;
    return advanceFlow(rt, flow);
  }
  const session = rt.identity.sessions.get(flow.sessionId) ?? rt.identity.newSession();
  flow.sessionId = session.id;
  session.accounts = session.accounts.filter((a) => a.userId !== user.id);
  session.accounts.push({ homeTenantId: seed.id, userId: user.id, authTimeS: rt.clock.nowSeconds(), mfa: false });
  flow.account = { homeTenantId: seed.id, userId: user.id };
  flow.mfaSatisfied = false;
  return advanceFlow(rt, flow);
}

function resourceIdentifier(item: PermissionItem): string {
  return item.resource.servicePrincipalNames.find((n) => n.startsWith('https://') || n.startsWith('api://')) ?? item.resource.appId;
}

function accept(rt: SandboxRuntime, flow: Flow, forOrganization: boolean): Reply {
  if (!flow.account) return advanceFlow(rt, flow);
  const user = findAccountUser(rt, flow.account);
  const app = rt.state.findApplication(flow.clientId);
  if (!user || !app) return advanceFlow(rt, flow);
  const tenantId = flow.requestedTenantId ?? flow.account.homeTenantId;
  const access = resolveTenantAccess(rt.state, { homeTenantId: flow.account.homeTenantId, user }, tenantId, rt.settings.clientTenants.gdapAccessStatuses);
  const pending = pendingConsent(rt, flow, tenantId, user.id);
  if (!access || !pending.ok) return advanceFlow(rt, flow);
  const adminCapable = access.roles.some((r) => delegatedConsentRoles.includes(r));
  const tenantWide = flow.kind === 'adminconsent' || pending.items.some((i) => i.adminOnly) || (forOrganization && adminCapable);
  grantConsent(rt.state, {
    tenantId,
    app,
    items: pending.items,
    consentType: tenantWide ? 'AllPrincipals' : 'Principal',
    user,
    via: flow.kind === 'adminconsent' ? 'adminconsent' : flow.kind === 'device' ? 'deviceCode' : 'authorize',
  });
  flow.consentHandled = true;
  flow.grantedScopes = pending.items.map((i) => `${resourceIdentifier(i)}/${i.value}`).join(' ');
  return advanceFlow(rt, flow);
}

function decline(rt: SandboxRuntime, flow: Flow, headers: Record<string, string>): Reply {
  if (flow.kind === 'adminconsent' && flow.adminConsent?.version === 1) {
    // facts §6.1: the v1 endpoint reports a cancel without an AADSTS code.
    rt.identity.flows.delete(flow.id);
    return respondToRedirect(flow.adminConsent.redirectUri, 'query', {
      error: 'permission_denied',
      error_description: 'The admin canceled the request',
      state: flow.adminConsent.state,
    }, headers);
  }
  if (flow.kind === 'adminconsent') return deliverFlowError(rt, flow, aadsts.adminDeclinedConsent(), headers);
  if (flow.kind === 'device') {
    const record = flow.deviceCode ? rt.identity.deviceCodes.get(flow.deviceCode) : undefined;
    if (record && record.status === 'pending') record.status = 'declined';
    rt.identity.flows.delete(flow.id);
    const app = rt.state.findApplication(flow.clientId);
    return htmlReply(200, deviceResultPage({ appName: app?.displayName ?? flow.clientId, approved: false }), headers);
  }
  return deliverFlowError(rt, flow, aadsts.userDeclinedConsent(), headers);
}

/** POST /{tenant}/login: every form of the sign-in pages posts here with `flow` and `action`. */
export function loginPostRoute(rt: SandboxRuntime): Handler {
  return async (req) => {
    const form = await req.form();
    const flow = rt.identity.flows.get(form.get('flow') ?? '');
    if (!flow) return errorPageReply(rt, aadsts.invalidGrant('sign-in session (it expired or was already used)'));
    const session = rt.identity.sessions.get(flow.sessionId);
    const headers: Record<string, string> = session ? { 'set-cookie': sessionCookieHeader(session) } : {};
    const app = rt.state.findApplication(flow.clientId);
    switch (form.get('action')) {
      case 'signin':
        return signIn(rt, flow, (form.get('loginfmt') ?? '').trim(), form.get('passwd') ?? '');
      case 'pick': {
        const [homeTenantId, userId] = (form.get('account') ?? '').split(':');
        const known = session?.accounts.find((a) => a.homeTenantId === homeTenantId && a.userId === userId);
        if (known) flow.account = { homeTenantId: known.homeTenantId, userId: known.userId };
        return advanceFlow(rt, flow);
      }
      case 'other':
        flow.account = undefined;
        return advanceFlow(rt, flow);
      case 'mfa': {
        const user = flow.account ? findAccountUser(rt, flow.account) : undefined;
        if (user && (form.get('otc') ?? '').trim() === user.sandbox.mfaCode) {
          flow.mfaSatisfied = true;
          const entry = session?.accounts.find((a) => a.userId === user.id);
          if (entry) entry.mfa = true;
        } else {
          flow.notice = 'You didn’t enter the expected verification code. Please try again.';
        }
        return advanceFlow(rt, flow);
      }
      case 'confirm':
        flow.deviceConfirmed = true;
        return advanceFlow(rt, flow);
      case 'decline':
      case 'cancel':
        return decline(rt, flow, headers);
      case 'accept':
        return accept(rt, flow, form.get('consentForOrg') === 'true');
      case 'back':
        return deliverFlowError(
          rt,
          flow,
          flow.kind === 'adminconsent'
            ? aadsts.adminConsentRequired(app?.displayName ?? flow.clientId)
            : aadsts.consentRequired(flow.clientId, app?.displayName ?? flow.clientId, false),
          headers,
        );
      default:
        return advanceFlow(rt, flow);
    }
  };
}
