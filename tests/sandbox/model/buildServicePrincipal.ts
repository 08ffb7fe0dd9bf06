import type { Application, ServicePrincipal } from './directoryTypes';

/** The service principal Entra creates for `app` in a tenant (facts §4.1: POST /servicePrincipals {appId}). */
export function buildServicePrincipal(
  app: Application,
  id: string,
  createdDateTime: string,
  extraServicePrincipalNames: readonly string[] = [],
): ServicePrincipal {
  return {
    id,
    appId: app.appId,
    displayName: app.displayName,
    appDisplayName: app.displayName,
    appOwnerOrganizationId: app.sandbox.homeTenantId,
    appRoleAssignmentRequired: false,
    accountEnabled: true,
    servicePrincipalNames: [...new Set([app.appId, ...app.identifierUris, ...extraServicePrincipalNames])],
    servicePrincipalType: 'Application',
    signInAudience: app.signInAudience,
    // Shared, not copied: the Graph catalogue is ~1,400 entries and 5,000 tenants reference it.
    appRoles: app.appRoles,
    oauth2PermissionScopes: app.api.oauth2PermissionScopes,
    replyUrls: [...app.web.redirectUris, ...app.spa.redirectUris, ...app.publicClient.redirectUris],
    tags: [],
    createdDateTime,
    deletedDateTime: null,
  };
}
