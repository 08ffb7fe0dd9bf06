import type { SandboxState } from '../../model/SandboxState';
import type { Application } from '../../model/directoryTypes';

/**
 * Entra projects an application onto its service principals: display name, app roles, exposed scopes, reply
 * URLs and names follow the application in every tenant where it is installed.
 */
export function syncServicePrincipals(state: SandboxState, app: Application): void {
  for (const directory of state.materializedDirectories()) {
    const sp = directory.findServicePrincipalByAppId(app.appId);
    if (!sp) continue;
    sp.appDisplayName = app.displayName;
    sp.signInAudience = app.signInAudience;
    sp.appRoles = app.appRoles;
    sp.oauth2PermissionScopes = app.api.oauth2PermissionScopes;
    sp.replyUrls = [...app.web.redirectUris, ...app.spa.redirectUris, ...app.publicClient.redirectUris];
    sp.servicePrincipalNames = [...new Set([app.appId, ...app.identifierUris])];
  }
}
