import { roleTemplateIds } from '../../model/wellKnownIds';
import { graphErrors } from '../http/graphErrors';
import type { GraphCaller } from './GraphCaller';

/**
 * Delegated calls are limited by what the signed-in user may do in the directory, on top of the token's
 * scopes. App-only calls are not (their app permissions are the whole story).
 */
export function holdsAnyRole(caller: GraphCaller, roles: readonly string[]): boolean {
  return caller.kind === 'application' || caller.directoryRoles.some((r) => roles.includes(r));
}

/** Members carry the implicit User role; GDAP users do not, so default user permissions never apply to them. */
export function hasDefaultUserPermissions(caller: GraphCaller): boolean {
  return caller.kind === 'delegated' && caller.directoryRoles.includes(roleTemplateIds.user);
}

/** 403 Authorization_RequestDenied unless the caller holds one of `roles` (facts §9.1). */
export function requireDirectoryRole(caller: GraphCaller, roles: readonly string[]): void {
  if (!holdsAnyRole(caller, roles)) throw graphErrors.insufficientPrivileges();
}
