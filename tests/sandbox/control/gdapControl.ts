import type { SandboxState } from '../model/SandboxState';
import type { DelegatedAdminRelationship, DelegatedAdminRelationshipStatus } from '../model/directoryTypes';
import { DirectoryError } from '../model/DirectoryError';
import { roleDisplayNames } from '../model/wellKnownIds';
import { isGuid } from '../util/isGuid';

/** Role template ids from ids or display names ("Application Administrator"), for control API callers. */
export function roleIdsOf(roles: readonly string[]): string[] {
  return roles.map((role) => {
    if (isGuid(role)) return role.toLowerCase();
    const found = Object.entries(roleDisplayNames).find(([, name]) => name.toLowerCase() === role.toLowerCase());
    if (!found) throw new DirectoryError(`Unknown directory role ${role}; use a role template id or one of: ${Object.values(roleDisplayNames).join(', ')}`);
    return found[0];
  });
}

function durationDays(duration: string): number {
  const match = /^P(\d+)D$/i.exec(duration);
  return match ? Number(match[1]) : 730;
}

/**
 * What the customer or Microsoft does to a relationship, applied the way Graph reports it afterwards: moving to
 * `active` stamps activatedDateTime and endDateTime = activatedDateTime + duration (when they are not set yet) and
 * activates pending access assignments; `terminated`/`expired` stamp endDateTime with now and delete the
 * assignments (https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship).
 */
export function applyGdapChange(
  state: SandboxState,
  rel: DelegatedAdminRelationship,
  change: { status?: DelegatedAdminRelationshipStatus; endDateTime?: string | null; roles?: string[] },
): DelegatedAdminRelationship {
  const nowMs = state.clock.now();
  const now = new Date(nowMs).toISOString();
  if (change.roles !== undefined) {
    const unifiedRoles = roleIdsOf(change.roles).map((roleDefinitionId) => ({ roleDefinitionId }));
    rel.accessDetails = { unifiedRoles };
    for (const a of rel.accessAssignments) {
      a.accessDetails = { unifiedRoles: unifiedRoles.map((r) => ({ ...r })) };
      a.lastModifiedDateTime = now;
    }
  }
  if (change.status !== undefined && change.status !== rel.status) {
    rel.status = change.status;
    if (change.status === 'active') {
      rel.activatedDateTime ??= now;
      if (rel.endDateTime === null || Date.parse(rel.endDateTime) <= nowMs) {
        rel.endDateTime = new Date(Date.parse(rel.activatedDateTime) + durationDays(rel.duration) * 86_400_000).toISOString();
        if (Date.parse(rel.endDateTime) <= nowMs) rel.endDateTime = new Date(nowMs + durationDays(rel.duration) * 86_400_000).toISOString();
      }
      for (const a of rel.accessAssignments) if (a.status === 'pending') a.status = 'active';
    }
    if (change.status === 'terminated' || change.status === 'expired') {
      rel.endDateTime = now;
      for (const a of rel.accessAssignments) a.status = 'deleted';
    }
  }
  if (change.endDateTime !== undefined) rel.endDateTime = change.endDateTime;
  rel.lastModifiedDateTime = now;
  return rel;
}

/** A new access assignment on the relationship: the given security group (default: the partner's GDAP group). */
export function addAccessAssignment(
  state: SandboxState,
  rel: DelegatedAdminRelationship,
  input: { groupId: string; roles?: string[]; status?: 'active' | 'pending' },
): DelegatedAdminRelationship['accessAssignments'][number] {
  const now = state.clock.nowIso();
  const roles = input.roles ? roleIdsOf(input.roles) : rel.accessDetails.unifiedRoles.map((r) => r.roleDefinitionId);
  const assignment = {
    id: state.random.uuid(),
    status: input.status ?? 'active',
    createdDateTime: now,
    lastModifiedDateTime: now,
    accessContainer: { accessContainerId: input.groupId.toLowerCase(), accessContainerType: 'securityGroup' as const },
    accessDetails: { unifiedRoles: roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
  };
  rel.accessAssignments.push(assignment);
  rel.lastModifiedDateTime = now;
  return assignment;
}
