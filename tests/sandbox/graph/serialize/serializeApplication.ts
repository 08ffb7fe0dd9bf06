import type { Application } from '../../model/directoryTypes';
import { serializePasswordCredential } from './serializePasswordCredential';

const nullInfo = { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null };

/**
 * The application object in Graph's v1.0 shape (facts §1.1 example, plus spa/uniqueName). Properties the model
 * has no field for come from the Graph-side extras (set by POST/PATCH) or take Graph's defaults.
 */
export function serializeApplication(app: Application, extras: Record<string, unknown> = {}): Record<string, unknown> {
  const apiExtras = (extras.api ?? {}) as Record<string, unknown>;
  return {
    id: app.id,
    deletedDateTime: app.deletedDateTime,
    appId: app.appId,
    applicationTemplateId: null,
    disabledByMicrosoftStatus: null,
    createdDateTime: app.createdDateTime,
    defaultRedirectUri: extras.defaultRedirectUri ?? null,
    description: app.description,
    displayName: app.displayName,
    groupMembershipClaims: app.groupMembershipClaims,
    identifierUris: app.identifierUris,
    isDeviceOnlyAuthSupported: extras.isDeviceOnlyAuthSupported ?? null,
    isFallbackPublicClient: app.isFallbackPublicClient,
    notes: extras.notes ?? null,
    publisherDomain: app.publisherDomain,
    serviceManagementReference: extras.serviceManagementReference ?? null,
    signInAudience: app.signInAudience,
    tags: app.tags,
    tokenEncryptionKeyId: extras.tokenEncryptionKeyId ?? null,
    uniqueName: app.uniqueName,
    samlMetadataUrl: null,
    certification: null,
    optionalClaims: extras.optionalClaims ?? null,
    addIns: [],
    api: {
      acceptMappedClaims: apiExtras.acceptMappedClaims ?? null,
      knownClientApplications: apiExtras.knownClientApplications ?? [],
      requestedAccessTokenVersion: app.api.requestedAccessTokenVersion,
      oauth2PermissionScopes: app.api.oauth2PermissionScopes,
      preAuthorizedApplications: apiExtras.preAuthorizedApplications ?? [],
    },
    appRoles: app.appRoles,
    info: { ...nullInfo, ...((extras.info as Record<string, unknown> | undefined) ?? {}) },
    keyCredentials: [],
    parentalControlSettings: extras.parentalControlSettings ?? { countriesBlockedForMinors: [], legalAgeGroupRule: 'Allow' },
    passwordCredentials: app.passwordCredentials.map((c) => serializePasswordCredential(c)),
    publicClient: { redirectUris: app.publicClient.redirectUris },
    requiredResourceAccess: app.requiredResourceAccess,
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    web: {
      homePageUrl: app.web.homePageUrl,
      logoutUrl: app.web.logoutUrl,
      redirectUris: app.web.redirectUris,
      implicitGrantSettings: app.web.implicitGrantSettings,
      redirectUriSettings: app.web.redirectUris.map((uri) => ({ uri, index: null })),
    },
    spa: { redirectUris: app.spa.redirectUris },
  };
}
