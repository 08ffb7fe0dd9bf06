import type { SandboxRuntime } from '../../SandboxRuntime';

/**
 * facts §8.1: the partner user must be in Admin Agents or a GDAP security group. The scenario's "GDAP Admin
 * Agents" group plays both parts (SandboxInfo's `gdapAgent` reads the same membership); any other partner group
 * that a GDAP access assignment names counts too, so groups wired up through the control API work.
 */
export function isAdminAgent(rt: SandboxRuntime, partnerTenantId: string, userId: string): boolean {
  const partner = rt.state.directory(partnerTenantId);
  const groupIds = new Set<string>([rt.plan.gdapGroup.id]);
  for (const rel of rt.state.gdapRelationships.values()) {
    if (rel.partnerTenantId !== partnerTenantId) continue;
    for (const assignment of rel.accessAssignments) groupIds.add(assignment.accessContainer.accessContainerId);
  }
  for (const id of groupIds) {
    const group = partner.groups.get(id);
    if (group?.securityEnabled && group.members.includes(userId)) return true;
  }
  return false;
}
