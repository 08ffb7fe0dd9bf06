import type { SandboxRuntime } from '../SandboxRuntime';
import { resolveTenantAccess, type TenantAccess } from '../model/resolveTenantAccess';
import type { Application, ServicePrincipal, User } from '../model/directoryTypes';
import { defaultAccessAppRoleId } from '../model/wellKnownIds';
import type { AadstsError } from './aadError';
import { aadsts } from './aadsts';
import { conditionalAccessOutcome } from './conditionalAccessOutcome';
import type { AccountRef } from './IdentityStore';
import type { ScopeRequest } from './parseScopeRequest';
import { missingItems, requestedDelegatedItems } from './permissionItems';

export function findAccountUser(rt: SandboxRuntime, account: AccountRef): User | undefined {
  return rt.state.directory(account.homeTenantId).users.get(account.userId);
}

/** Conditional Access "require MFA" for the tenant or for service provider users, or per-user MFA. */
export function mfaRequired(rt: SandboxRuntime, tenantId: string, user: User, access: TenantAccess | null = null): boolean {
  return conditionalAccessOutcome(rt, tenantId, user, access) === 'requireMfa';
}

export function userAssignmentMissing(rt: SandboxRuntime, tenantId: string, clientSp: ServicePrincipal | undefined, user: User): boolean {
  if (!clientSp?.appRoleAssignmentRequired) return false;
  const assigned = rt.state.directory(tenantId).assignmentsOf(user.id, clientSp.id);
  return !assigned.some((a) => a.appRoleId === defaultAccessAppRoleId || clientSp.appRoles.some((r) => r.id === a.appRoleId));
}

export function accessDeniedError(rt: SandboxRuntime, user: User, homeTenantId: string, tenantId: string, app: Application, atTokenEndpoint: boolean): AadstsError {
  const tenantName = rt.state.tenantSeed(tenantId)?.displayName ?? tenantId;
  return aadsts.userNotInTenant(user.userPrincipalName, `${rt.urls.authority}/${homeTenantId}/`, tenantName, app.appId, app.displayName, atTokenEndpoint);
}

export interface DelegatedAccess {
  user: User;
  access: TenantAccess;
  clientSp: ServicePrincipal;
}

/**
 * Every check a non-interactive delegated token request (code, refresh token, device code) goes through, in
 * Entra's order: the user must reach the tenant (50020), not be blocked by Conditional Access (53003), pass MFA if
 * required (50076), be assigned when the app requires it (50105), and the client must hold consent for what it
 * asks (65001).
 */
export function checkDelegatedAccess(
  rt: SandboxRuntime,
  input: { tenantId: string; client: Application; account: AccountRef; request: ScopeRequest; amr: readonly string[] },
): { ok: true; value: DelegatedAccess } | { ok: false; error: AadstsError } {
  const user = findAccountUser(rt, input.account);
  if (!user || !user.accountEnabled) return { ok: false, error: aadsts.invalidGrant('grant') };
  const access = resolveTenantAccess(rt.state, { homeTenantId: input.account.homeTenantId, user }, input.tenantId, rt.settings.clientTenants.gdapAccessStatuses);
  if (!access) return { ok: false, error: accessDeniedError(rt, user, input.account.homeTenantId, input.tenantId, input.client, true) };
  const ca = conditionalAccessOutcome(rt, input.tenantId, user, access);
  if (ca === 'block') return { ok: false, error: aadsts.blockedByConditionalAccess(true) };
  if (ca === 'requireMfa' && !input.amr.includes('mfa')) {
    return { ok: false, error: aadsts.mfaRequired(input.request.resource.appId) };
  }
  const directory = rt.state.directory(input.tenantId);
  const clientSp = directory.findServicePrincipalByAppId(input.client.appId);
  if (!clientSp) return { ok: false, error: aadsts.consentRequired(input.client.appId, input.client.displayName, true) };
  if (userAssignmentMissing(rt, input.tenantId, clientSp, user)) {
    return { ok: false, error: aadsts.userNotAssigned(input.client.appId, input.client.displayName, true) };
  }
  const missing = missingItems(directory, clientSp, requestedDelegatedItems(directory, input.client, input.request), user.id);
  if (missing.length > 0) return { ok: false, error: aadsts.consentRequired(input.client.appId, input.client.displayName, true) };
  return { ok: true, value: { user, access, clientSp } };
}
