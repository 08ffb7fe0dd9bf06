import { buildApplication } from './buildApplication';
import type { Application } from './directoryTypes';
import type { GraphPermissionCatalog } from './graphPermissionCatalog';
import {
  graphAppId,
  graphCommandLineToolsAppId,
  graphResourceUri,
  microsoftServicesTenantId,
  partnerCenterAppId,
  partnerCenterResourceUri,
  partnerCenterUserImpersonationScopeId,
} from './wellKnownIds';

export interface FirstPartyApplication {
  application: Application;
  /** Names beyond appId/identifierUris that resolve to the service principal (scope prefixes). */
  extraServicePrincipalNames: string[];
}

/** Microsoft's own applications every tenant has a service principal for (facts §5.3; data/README.md). */
export function firstPartyApplications(
  catalog: GraphPermissionCatalog,
  objectIds: { graph: string; partnerCenter: string; commandLineTools: string },
  createdAtMs: number,
): FirstPartyApplication[] {
  const home = { tenantId: microsoftServicesTenantId, publisherDomain: 'microsoft.com', createdAtMs };

  const graph = buildApplication(
    { displayName: 'Microsoft Graph', signInAudience: 'AzureADMultipleOrgs', identifierUris: [graphResourceUri] },
    { id: objectIds.graph, appId: graphAppId },
    home,
  );
  // Shared frozen arrays: the service principals in every tenant point at the same catalogue.
  graph.api.oauth2PermissionScopes = catalog.scopes as Application['api']['oauth2PermissionScopes'];
  graph.appRoles = catalog.appRoles as Application['appRoles'];

  const partnerCenter = buildApplication(
    {
      displayName: 'Microsoft Partner Center',
      signInAudience: 'AzureADMultipleOrgs',
      identifierUris: [partnerCenterResourceUri],
      api: {
        requestedAccessTokenVersion: 1,
        oauth2PermissionScopes: [
          {
            id: partnerCenterUserImpersonationScopeId,
            value: 'user_impersonation',
            type: 'User',
            adminConsentDisplayName: 'Access Partner Center',
            adminConsentDescription: 'Allows the app to access the Partner Center API as the signed-in user.',
            userConsentDisplayName: 'Access Partner Center',
            userConsentDescription: 'Allows the app to access the Partner Center API on your behalf.',
            isEnabled: true,
          },
        ],
      },
    },
    { id: objectIds.partnerCenter, appId: partnerCenterAppId },
    home,
  );

  // The console signs in with this public client. Only http://localhost is registered; any loopback port
  // matches it (facts §2).
  const commandLineTools = buildApplication(
    {
      displayName: 'Microsoft Graph Command Line Tools',
      signInAudience: 'AzureADMultipleOrgs',
      isFallbackPublicClient: true,
      publicClient: { redirectUris: ['http://localhost'] },
    },
    { id: objectIds.commandLineTools, appId: graphCommandLineToolsAppId },
    home,
  );

  return [
    { application: graph, extraServicePrincipalNames: [`${graphResourceUri}/`, 'https://canary.graph.microsoft.com'] },
    { application: partnerCenter, extraServicePrincipalNames: [] },
    { application: commandLineTools, extraServicePrincipalNames: [] },
  ];
}
