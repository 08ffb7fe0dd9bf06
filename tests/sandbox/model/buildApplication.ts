import type { Application, RequiredResourceAccess, SignInAudience, AppRole, PermissionScope } from './directoryTypes';

export interface ApplicationInput {
  displayName: string;
  signInAudience?: SignInAudience;
  uniqueName?: string | null;
  description?: string | null;
  identifierUris?: string[];
  isFallbackPublicClient?: boolean | null;
  web?: { redirectUris?: string[]; homePageUrl?: string | null; logoutUrl?: string | null };
  spa?: { redirectUris?: string[] };
  publicClient?: { redirectUris?: string[] };
  requiredResourceAccess?: RequiredResourceAccess[];
  appRoles?: AppRole[];
  api?: { requestedAccessTokenVersion?: 1 | 2 | null; oauth2PermissionScopes?: PermissionScope[] };
  groupMembershipClaims?: string | null;
  tags?: string[];
}

/**
 * An application object as Graph returns it after POST /applications (facts §1.1). signInAudience defaults to
 * AzureADMyOrg, as current docs say (facts §1.2).
 */
export function buildApplication(
  input: ApplicationInput,
  ids: { id: string; appId: string },
  home: { tenantId: string; publisherDomain: string; createdAtMs: number },
): Application {
  return {
    id: ids.id,
    appId: ids.appId,
    displayName: input.displayName,
    description: input.description ?? null,
    signInAudience: input.signInAudience ?? 'AzureADMyOrg',
    uniqueName: input.uniqueName ?? null,
    createdDateTime: new Date(home.createdAtMs).toISOString(),
    deletedDateTime: null,
    publisherDomain: home.publisherDomain,
    identifierUris: input.identifierUris ?? [],
    isFallbackPublicClient: input.isFallbackPublicClient ?? null,
    groupMembershipClaims: input.groupMembershipClaims ?? null,
    tags: input.tags ?? [],
    web: {
      redirectUris: input.web?.redirectUris ?? [],
      homePageUrl: input.web?.homePageUrl ?? null,
      logoutUrl: input.web?.logoutUrl ?? null,
      implicitGrantSettings: { enableIdTokenIssuance: false, enableAccessTokenIssuance: false },
    },
    spa: { redirectUris: input.spa?.redirectUris ?? [] },
    publicClient: { redirectUris: input.publicClient?.redirectUris ?? [] },
    api: {
      requestedAccessTokenVersion: input.api?.requestedAccessTokenVersion ?? null,
      oauth2PermissionScopes: input.api?.oauth2PermissionScopes ?? [],
    },
    appRoles: input.appRoles ?? [],
    requiredResourceAccess: input.requiredResourceAccess ?? [],
    passwordCredentials: [],
    sandbox: { homeTenantId: home.tenantId, createdAtMs: home.createdAtMs },
  };
}
