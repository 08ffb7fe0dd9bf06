import type { ServicePrincipal } from '../../model/directoryTypes';
import { isGuid } from '../../util/isGuid';

/**
 * provisioningInfo.json has a few deployments without a usable id ('' for AgentIdentityBlueprint.* and
 * AppRegistration.Create, a 9-digit first group for LifecyclePolicies-AgentId.Read.All). Graph's service
 * principal cannot expose those, so they are left out here (the conformance test caught them).
 */
function withGuidIds<T extends { id: string }>(items: readonly T[]): T[] {
  return items.filter((item) => isGuid(item.id));
}

/** servicePrincipal in Graph's v1.0 shape (facts §4.1); only properties the v1.0 schema defines. */
export function serializeServicePrincipal(sp: ServicePrincipal): Record<string, unknown> {
  return {
    id: sp.id,
    deletedDateTime: sp.deletedDateTime,
    accountEnabled: sp.accountEnabled,
    alternativeNames: [],
    appDisplayName: sp.appDisplayName,
    appDescription: null,
    appId: sp.appId,
    applicationTemplateId: null,
    appOwnerOrganizationId: sp.appOwnerOrganizationId,
    appRoleAssignmentRequired: sp.appRoleAssignmentRequired,
    description: null,
    disabledByMicrosoftStatus: null,
    displayName: sp.displayName,
    homepage: null,
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    notificationEmailAddresses: [],
    preferredSingleSignOnMode: null,
    preferredTokenSigningKeyThumbprint: null,
    replyUrls: sp.replyUrls,
    servicePrincipalNames: sp.servicePrincipalNames,
    servicePrincipalType: sp.servicePrincipalType,
    signInAudience: sp.signInAudience,
    tags: sp.tags,
    tokenEncryptionKeyId: null,
    samlSingleSignOnSettings: null,
    addIns: [],
    appRoles: withGuidIds(sp.appRoles),
    info: { logoUrl: null, marketingUrl: null, privacyStatementUrl: null, supportUrl: null, termsOfServiceUrl: null },
    keyCredentials: [],
    oauth2PermissionScopes: withGuidIds(sp.oauth2PermissionScopes),
    passwordCredentials: [],
    resourceSpecificApplicationPermissions: [],
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
  };
}
