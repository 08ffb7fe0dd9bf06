import { defaultClientTenantSettings } from '../settings/ClientTenantSettings';
import type { SandboxState } from './SandboxState';
import type { DelegatedAdminRelationshipStatus, User } from './directoryTypes';
import { roleTemplateIds } from './wellKnownIds';
import { directoryRolesOf } from './directoryRolesOf';

export type TenantAccess =
  | { kind: 'member'; tenantId: string; roles: string[] }
  | { kind: 'gdap'; tenantId: string; roles: string[]; relationshipIds: string[] };

export interface SignedInUser {
  homeTenantId: string;
  user: User;
}

/**
 * Can this user sign in to `targetTenantId`, and with which directory roles? Members get their own roles plus the
 * implicit User role. A partner user gets in through an active GDAP relationship whose access assignment names a
 * security group the user is in; the roles are those the assignments grant (anchors §6 vocabulary). No access is
 * what Entra reports as AADSTS50020. Which relationship statuses count is a setting
 * (`clientTenants.gdapAccessStatuses`); an `activating` relationship ("the system starts provisioning") or an
 * access assignment that is not `active` gives nothing yet. A deleted tenant admits nobody.
 */
export function resolveTenantAccess(
  state: SandboxState,
  who: SignedInUser,
  targetTenantId: string,
  accessStatuses: readonly DelegatedAdminRelationshipStatus[] = defaultClientTenantSettings().gdapAccessStatuses,
): TenantAccess | null {
  const target = targetTenantId.toLowerCase();
  if (state.tenantSeed(target)?.deletedDateTime) return null;
  if (who.homeTenantId === target) {
    // Roles assigned directly and held through role-assignable groups alike (they all reach `wids`).
    return { kind: 'member', tenantId: target, roles: [...directoryRolesOf(state.directory(target), who.user).all, roleTemplateIds.user] };
  }
  const now = state.clock.now();
  const home = state.directory(who.homeTenantId);
  const roles = new Set<string>();
  const relationshipIds: string[] = [];
  for (const rel of state.gdapRelationships.values()) {
    if (rel.partnerTenantId !== who.homeTenantId || rel.customer.tenantId !== target) continue;
    if (!accessStatuses.includes(rel.status)) continue;
    if (rel.endDateTime && Date.parse(rel.endDateTime) <= now) continue;
    let matched = false;
    for (const assignment of rel.accessAssignments) {
      if (assignment.status !== 'active') continue;
      const group = home.groups.get(assignment.accessContainer.accessContainerId);
      if (!group?.members.includes(who.user.id)) continue;
      matched = true;
      for (const r of assignment.accessDetails.unifiedRoles) roles.add(r.roleDefinitionId);
    }
    if (matched) relationshipIds.push(rel.id);
  }
  if (relationshipIds.length === 0) return null;
  return { kind: 'gdap', tenantId: target, roles: [...roles], relationshipIds };
}
