import type { TenantDirectory } from './TenantDirectory';
import type { Group, User } from './directoryTypes';

export interface DirectoryRolesOf {
  /** Roles assigned to the user directly. */
  direct: string[];
  /** Role-assignable groups the user is a member of that hold roles, with those roles. */
  viaGroups: Array<{ group: Group; roles: string[] }>;
  /** Every role the user holds, direct or through a group, once each. */
  all: string[];
}

/**
 * A member's directory roles as Entra evaluates them: assigned directly, or held through a role-assignable group
 * the user is a member of ("When people join the group, they're assigned the role indirectly",
 * learn.microsoft.com/entra/identity/role-based-access-control/groups-concept). Such groups take no nested groups
 * ("Group nesting isn't supported", same page), so only direct membership counts. The token's `wids` lists these
 * roles ("the tenant-wide roles assigned to this user, from the section of roles present in Microsoft Entra
 * built-in roles", access-token-claims-reference) and Graph enforces them, group-held or not.
 */
export function directoryRolesOf(directory: TenantDirectory, user: User): DirectoryRolesOf {
  const direct = [...user.sandbox.directoryRoleTemplateIds];
  const viaGroups: DirectoryRolesOf['viaGroups'] = [];
  for (const group of directory.groups.values()) {
    const roles = group.sandbox?.directoryRoleTemplateIds ?? [];
    if (group.isAssignableToRole !== true || roles.length === 0 || !group.members.includes(user.id)) continue;
    viaGroups.push({ group, roles: [...roles] });
  }
  return { direct, viaGroups, all: [...new Set([...direct, ...viaGroups.flatMap((g) => g.roles)])] };
}
