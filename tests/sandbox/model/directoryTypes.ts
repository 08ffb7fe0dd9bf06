/**
 * The directory model. Entity and property names follow Microsoft Graph v1.0 (application, servicePrincipal,
 * oAuth2PermissionGrant, appRoleAssignment, user, group, delegatedAdminRelationship) so the Graph emulation can
 * serialise them nearly as-is. Sandbox-only fields are grouped under `sandbox` and never leave through Graph.
 */

export type SignInAudience =
  | 'AzureADMyOrg'
  | 'AzureADMultipleOrgs'
  | 'AzureADandPersonalMicrosoftAccount'
  | 'PersonalMicrosoftAccount';

export type TenantKind =
  | 'microsoft'
  | 'partner'
  | 'gdapFull'
  | 'gdapMissingRoles'
  | 'gdapExpired'
  | 'gdapPending'
  | 'noGdap'
  | 'mfaRequired'
  | 'unresolvableDomain'
  // GDAP states beyond the first seven (Graph's delegatedAdminRelationshipStatus), see scenario/buildScenarioPlan.ts.
  | 'gdapCreated'
  | 'gdapApproved'
  | 'gdapActivating'
  | 'gdapExpiring'
  | 'gdapTerminationRequested'
  | 'gdapTerminating'
  | 'gdapTerminated'
  | 'gdapNoAccessAssignment'
  | 'gdapMultiple'
  // Conditional Access aimed at service provider (GDAP) users only.
  | 'caBlocksServiceProviders'
  | 'caMfaForServiceProviders'
  // A customer whose tenant no longer exists (deleted); Partner Center still lists the customer.
  | 'deletedTenant';

export interface VerifiedDomain {
  name: string;
  isDefault: boolean;
  isInitial: boolean;
  type: 'Managed';
  capabilities: string;
}

/**
 * What the client tenant's Conditional Access policies amount to, per kind of user: `requireMfa` for every sign-in,
 * and `serviceProviderUsers` for partner technicians signing in through GDAP (a policy whose users condition
 * includes guestOrExternalUserTypes `serviceProvider`, https://learn.microsoft.com/graph/api/resources/conditionalaccessguestsorexternalusers):
 * `block` gives AADSTS53003, `requireMfa` AADSTS50076 unless the sign-in did MFA.
 */
export interface SandboxConditionalAccess {
  requireMfa: boolean;
  serviceProviderUsers?: 'none' | 'block' | 'requireMfa';
}

export interface Organization {
  id: string;
  displayName: string;
  tenantType: 'AAD';
  createdDateTime: string;
  verifiedDomains: VerifiedDomain[];
  countryLetterCode: string;
}

export interface User {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  createdDateTime: string;
  sandbox: {
    /** Plain text on purpose: scenario passwords are printed on start. Redacted in state dumps. */
    password: string;
    /** Directory role template IDs held in the home tenant. */
    directoryRoleTemplateIds: string[];
    /** One-time code the sandbox MFA page accepts for this user. */
    mfaCode: string;
    /** Per-user MFA enforcement, on top of the tenant's Conditional Access. */
    requireMfa: boolean;
  };
}

export interface Group {
  id: string;
  displayName: string;
  securityEnabled: boolean;
  mailEnabled: boolean;
  createdDateTime: string;
  /** Member object ids (users). */
  members: string[];
  /**
   * A role-assignable group (Graph's `isAssignableToRole`, set only when the group is created): Microsoft Entra roles
   * can be assigned to it, and its members hold them (learn.microsoft.com/entra/identity/role-based-access-control/
   * groups-concept). Absent or false: no role assignment to the group counts.
   */
  isAssignableToRole?: boolean;
  sandbox?: {
    /** Directory role template IDs assigned to the group (unifiedRoleAssignment with the group as principal). */
    directoryRoleTemplateIds: string[];
  };
}

export interface PermissionScope {
  id: string;
  value: string;
  type: 'User' | 'Admin';
  adminConsentDisplayName: string;
  adminConsentDescription: string;
  userConsentDisplayName: string | null;
  userConsentDescription: string | null;
  isEnabled: boolean;
}

export interface AppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: Array<'Application' | 'User'>;
  isEnabled: boolean;
  origin?: 'Application';
}

export interface ResourceAccess {
  id: string;
  type: 'Scope' | 'Role';
}

export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: ResourceAccess[];
}

export interface PasswordCredential {
  keyId: string;
  displayName: string | null;
  hint: string;
  startDateTime: string;
  endDateTime: string;
  customKeyIdentifier: null;
  /** Always null once stored, as in Graph (facts §3.1). */
  secretText: null;
  sandbox: {
    /** sha256 of the secret; the value itself is only returned once, by addPassword. */
    secretHash: string;
    /** Sandbox time the secret was added; drives the secret replication delay. */
    createdAtMs: number;
  };
}

export interface Application {
  id: string;
  appId: string;
  displayName: string;
  description: string | null;
  signInAudience: SignInAudience;
  uniqueName: string | null;
  createdDateTime: string;
  deletedDateTime: null;
  publisherDomain: string;
  identifierUris: string[];
  isFallbackPublicClient: boolean | null;
  groupMembershipClaims: string | null;
  tags: string[];
  web: {
    redirectUris: string[];
    homePageUrl: string | null;
    logoutUrl: string | null;
    implicitGrantSettings: { enableIdTokenIssuance: boolean; enableAccessTokenIssuance: boolean };
  };
  spa: { redirectUris: string[] };
  publicClient: { redirectUris: string[] };
  api: {
    requestedAccessTokenVersion: 1 | 2 | null;
    oauth2PermissionScopes: PermissionScope[];
  };
  appRoles: AppRole[];
  requiredResourceAccess: RequiredResourceAccess[];
  passwordCredentials: PasswordCredential[];
  sandbox: {
    /** Tenant that holds the application object. */
    homeTenantId: string;
    /** Sandbox time of creation; drives the application replication delay (facts §4.2). */
    createdAtMs: number;
  };
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appDisplayName: string;
  appOwnerOrganizationId: string;
  appRoleAssignmentRequired: boolean;
  accountEnabled: boolean;
  servicePrincipalNames: string[];
  servicePrincipalType: 'Application';
  signInAudience: SignInAudience;
  appRoles: readonly AppRole[];
  oauth2PermissionScopes: readonly PermissionScope[];
  replyUrls: string[];
  tags: string[];
  createdDateTime: string;
  deletedDateTime: null;
}

export interface OAuth2PermissionGrant {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  resourceId: string;
  /** Space-separated (facts §5.1). */
  scope: string;
}

export interface AppRoleAssignment {
  id: string;
  appRoleId: string;
  createdDateTime: string;
  deletedDateTime: null;
  principalDisplayName: string;
  principalId: string;
  principalType: 'User' | 'Group' | 'ServicePrincipal';
  resourceDisplayName: string;
  resourceId: string;
}

/** Audit trail of consents given through the sandbox's sign-in pages, admin consent endpoint or control API. */
export interface ConsentRecord {
  id: string;
  tenantId: string;
  clientAppId: string;
  kind: 'user' | 'admin';
  via: 'authorize' | 'deviceCode' | 'adminconsent' | 'partnerCenter' | 'control';
  principalId: string | null;
  consentedBy: string | null;
  delegated: Array<{ resourceAppId: string; scopes: string[] }>;
  appRoles: Array<{ resourceAppId: string; appRoleId: string; value: string }>;
  createdDateTime: string;
}

/** Graph v1.0 delegatedAdminRelationshipStatus (resources/delegatedadminrelationship.md), without unknownFutureValue. */
export const delegatedAdminRelationshipStatuses = [
  'created',
  'approvalPending',
  'approved',
  'activating',
  'active',
  'expiring',
  'expired',
  'terminationRequested',
  'terminating',
  'terminated',
] as const;
export type DelegatedAdminRelationshipStatus = (typeof delegatedAdminRelationshipStatuses)[number];

/** Graph v1.0 delegatedAdminAccessAssignmentStatus (resources/delegatedadminaccessassignment.md). */
export type DelegatedAdminAccessAssignmentStatus = 'pending' | 'active' | 'deleting' | 'deleted' | 'error';

export interface DelegatedAdminAccessAssignment {
  id: string;
  status: DelegatedAdminAccessAssignmentStatus;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  accessContainer: { accessContainerId: string; accessContainerType: 'securityGroup' };
  accessDetails: { unifiedRoles: Array<{ roleDefinitionId: string }> };
}

/** Graph `delegatedAdminRelationship` (tenantRelationships), plus its access assignments. */
export interface DelegatedAdminRelationship {
  id: string;
  displayName: string;
  status: DelegatedAdminRelationshipStatus;
  duration: string;
  createdDateTime: string;
  lastModifiedDateTime?: string;
  activatedDateTime: string | null;
  endDateTime: string | null;
  autoExtendDuration: string;
  customer: { tenantId: string; displayName: string };
  partnerTenantId: string;
  accessDetails: { unifiedRoles: Array<{ roleDefinitionId: string }> };
  accessAssignments: DelegatedAdminAccessAssignment[];
}

/** What the scenario knows about a tenant before it is materialised (cheap; 5000 of them are fine). */
export interface TenantSeed {
  id: string;
  displayName: string;
  kind: TenantKind;
  initialDomain: string;
  /** False for the "domain that does not resolve" case: discovery by this domain answers AADSTS90002. */
  domainResolvable: boolean;
  conditionalAccess: SandboxConditionalAccess;
  /** Index used to derive deterministic per-tenant ids. */
  ordinal: number;
  /**
   * Set when the tenant was deleted (scenario kind deletedTenant, or the control API mid-run): it no longer resolves,
   * so discovery and the token endpoint answer AADSTS90002 and Graph refuses its tokens.
   */
  deletedDateTime?: string;
}
