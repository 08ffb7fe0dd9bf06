import type { AppRoleAssignment } from '../../model/directoryTypes';

/** appRoleAssignment in Graph's v1.0 shape (facts §5.2). */
export function serializeAppRoleAssignment(a: AppRoleAssignment): Record<string, unknown> {
  return {
    id: a.id,
    deletedDateTime: a.deletedDateTime,
    appRoleId: a.appRoleId,
    createdDateTime: a.createdDateTime,
    principalDisplayName: a.principalDisplayName,
    principalId: a.principalId,
    principalType: a.principalType,
    resourceDisplayName: a.resourceDisplayName,
    resourceId: a.resourceId,
  };
}
