import type { SandboxRuntime } from '../../SandboxRuntime';
import { resolveTenantAccess } from '../../model/resolveTenantAccess';
import type { User } from '../../model/directoryTypes';
import { pcErrors } from '../http/pcErrors';
import type { PartnerCenterFailure } from '../http/PartnerCenterFailure';
import type { PartnerCenterCaller } from '../auth/PartnerCenterCaller';
import { isAdminAgent } from './isAdminAgent';

/** Why there is no usable GDAP access, in the relationship's own terms (for the 403 description). */
function gdapRefusalDetail(rt: SandboxRuntime, partnerTenantId: string, customerId: string): string {
  const rels = [...rt.state.gdapRelationships.values()].filter(
    (r) => r.partnerTenantId === partnerTenantId && r.customer.tenantId === customerId,
  );
  if (rels.length === 0) return 'there is no GDAP relationship.';
  const now = rt.state.clock.now();
  const statuses = rels.map((r) => (r.endDateTime && Date.parse(r.endDateTime) <= now ? 'expired' : r.status));
  if (statuses.some((s) => s === 'active' || s === 'expiring')) return "the user is not in a security group the relationship's access assignments name.";
  return `the GDAP relationship is ${[...new Set(statuses)].join(', ')}.`;
}

/**
 * facts §8.1 requirements for consenting in a customer: App+User token, the user an admin agent of the partner,
 * and GDAP access to that customer (active relationship, access assignment to a group the user is in) that
 * includes Global Administrator, Application Administrator or Cloud Application Administrator. The GDAP rules are
 * the model's (resolveTenantAccess), so Partner Center and sign-in agree on who reaches the tenant.
 */
export function checkConsentAuthority(
  rt: SandboxRuntime,
  caller: PartnerCenterCaller,
  customerId: string,
  consentRoles: readonly string[],
): { ok: true; user: User } | { ok: false; error: PartnerCenterFailure } {
  if (caller.kind !== 'delegated' || !caller.userId) return { ok: false, error: pcErrors.appPlusUserRequired() };
  if (!caller.scopes.has('user_impersonation')) return { ok: false, error: pcErrors.missingUserImpersonation() };
  const user = rt.state.directory(caller.tenantId).users.get(caller.userId);
  if (!user || !user.accountEnabled || !isAdminAgent(rt, caller.tenantId, user.id)) return { ok: false, error: pcErrors.notAdminAgent() };
  const access = resolveTenantAccess(rt.state, { homeTenantId: caller.tenantId, user }, customerId, rt.settings.clientTenants.gdapAccessStatuses);
  if (!access || access.kind !== 'gdap') {
    return { ok: false, error: pcErrors.noGdapAccess(caller.tenantId, customerId, gdapRefusalDetail(rt, caller.tenantId, customerId)) };
  }
  if (!access.roles.some((r) => consentRoles.includes(r))) return { ok: false, error: pcErrors.missingGdapRoles(customerId) };
  return { ok: true, user };
}
