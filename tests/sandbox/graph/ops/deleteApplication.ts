import type { SandboxState } from '../../model/SandboxState';
import type { Application } from '../../model/directoryTypes';
import type { GraphTenantData } from '../GraphStore';

/**
 * DELETE /applications/{id}: the application goes (Entra keeps it 30 days in deleted items; the sandbox has no
 * restore), and with it the home tenant's service principal, as Entra does.
 */
export function deleteApplication(state: SandboxState, data: GraphTenantData, app: Application): void {
  const directory = state.directory(app.sandbox.homeTenantId);
  directory.applications.delete(app.id);
  data.applicationExtras.delete(app.id);
  data.owners.delete(app.id);
  const sp = directory.findServicePrincipalByAppId(app.appId);
  if (sp) {
    directory.servicePrincipals.delete(sp.id);
    for (const [id, grant] of directory.oauth2PermissionGrants) if (grant.clientId === sp.id) directory.oauth2PermissionGrants.delete(id);
    for (const [id, a] of directory.appRoleAssignments) if (a.principalId === sp.id || a.resourceId === sp.id) directory.appRoleAssignments.delete(id);
  }
}
