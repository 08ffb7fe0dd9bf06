import { tokenClaims } from './token-claims';

/**
 * The built-in directory roles implied for every account, not assigned by anyone: they say nothing
 * about what the admin may do (User, Guest User, Restricted Guest User).
 */
const implicitRoles = new Set(['b79fbf4d-3ef9-4689-8143-76b194e85509', '10dae51f-b6af-4016-8d66-8c2a99b929b3', '2af84b1e-32c8-42b7-82bc-daa82404023b']);

/**
 * The directory role template IDs in an Entra access token's `wids` claim ("the tenant-wide roles
 * assigned to this user", access token claims reference, learn.microsoft.com/entra/identity-platform/
 * access-token-claims-reference), or undefined when the token carries no readable claim.
 *
 * Why the token and not Graph: with sign-in's User.Read, GET /me/memberOf returns directory roles
 * "with limited information" (only @odata.type and id, every other property null: learn.microsoft.com/
 * graph/api/user-list-memberof), and roles held through a role-assignable group are not direct
 * memberships at all. Reading them through Graph needs RoleManagement.Read.Directory or
 * Directory.Read.All, both admin-consent permissions: a Conditional Access or Groups Administrator
 * could not even finish sign-in (AADSTS90094). `wids` costs no permission, lists roles held through
 * groups and activated PIM roles, and is what Entra itself evaluates. Microsoft may make tokens for its
 * APIs opaque one day, so a token we cannot read is "unknown", never "no roles"; Graph still enforces
 * every call, so this only shapes what preflight promises.
 */
export function rolesFromAccessToken(accessToken: string): string[] | undefined {
  const wids = tokenClaims(accessToken)['wids'];
  if (!Array.isArray(wids)) return undefined;
  return wids.filter((w): w is string => typeof w === 'string').map((w) => w.toLowerCase()).filter((w) => !implicitRoles.has(w));
}
