import type { GraphContext } from '../GraphContext';
import { tenantAllows } from '../GraphSettings';
import { graphErrors } from '../http/graphErrors';
import { applicationCreatorRoles, applicationManagerRoles } from './directoryRoleIds';
import { hasDefaultUserPermissions, holdsAnyRole } from './requireDirectoryRole';
import { roleTemplateIds } from '../../model/wellKnownIds';

/**
 * Creating app registrations (facts §1.1 + Entra user settings): admins and Application Developers always;
 * other members only while "Users can register applications" is on; GDAP users only through their roles.
 */
export function requireCanCreateApplication(ctx: GraphContext): void {
  if (holdsAnyRole(ctx.caller, applicationCreatorRoles)) return;
  if (hasDefaultUserPermissions(ctx.caller) && tenantAllows(ctx.settings, ctx.caller.tenantId, 'usersCanRegisterApplications')) return;
  throw graphErrors.insufficientPrivileges();
}

/**
 * Updating/deleting an app registration or service principal: Application.ReadWrite.All (app-only) or an app
 * admin role (delegated) covers every object; otherwise only owned ones (Application.ReadWrite.OwnedBy, or a
 * user who owns it).
 */
export function requireCanManageObject(ctx: GraphContext, objectId: string): void {
  const { caller } = ctx;
  if (caller.kind === 'application') {
    if (caller.roles.has('application.readwrite.all') || caller.roles.has('directory.readwrite.all')) return;
  } else if (holdsAnyRole(caller, applicationManagerRoles)) {
    return;
  }
  if (ctx.data.owners.get(objectId)?.has(caller.objectId)) return;
  throw graphErrors.insufficientPrivileges();
}

/**
 * Entra makes the creator an owner, except Application/Cloud Application Administrators ("not added as owners",
 * permissions-reference.md); an app-only creator's service principal becomes the owner (OwnedBy semantics).
 */
export function recordCreatorAsOwner(ctx: GraphContext, objectId: string): void {
  const { caller } = ctx;
  if (caller.kind === 'delegated') {
    const adminNotOwner = [roleTemplateIds.applicationAdministrator, roleTemplateIds.cloudApplicationAdministrator];
    if (!caller.user || caller.directoryRoles.some((r) => adminNotOwner.includes(r as (typeof adminNotOwner)[number]))) return;
  }
  const owners = ctx.data.owners.get(objectId) ?? new Set<string>();
  owners.add(caller.objectId);
  ctx.data.owners.set(objectId, owners);
}
