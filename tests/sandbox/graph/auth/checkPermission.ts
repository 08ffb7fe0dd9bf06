import type { GraphCaller } from './GraphCaller';
import type { PermissionRequirement } from './PermissionRequirement';

/** Whether the token's `scp` (delegated) or `roles` (app-only) satisfy the endpoint's requirement. */
export function hasPermission(caller: GraphCaller, requirement: PermissionRequirement): boolean {
  const held = caller.kind === 'delegated' ? caller.scopes : caller.roles;
  const alternatives = caller.kind === 'delegated' ? requirement.delegated : requirement.application;
  return alternatives.some((all) => all.every((p) => held.has(p.toLowerCase())));
}
