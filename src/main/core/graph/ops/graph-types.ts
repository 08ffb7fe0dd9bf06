/** The slices of Graph entities the engine reads and writes (names as in the v1.0 schema). */
export interface GraphApplication {
  id: string;
  appId: string;
  displayName: string;
  uniqueName?: string | null;
  signInAudience: string;
  web?: { redirectUris: string[] };
  spa?: { redirectUris: string[] };
  publicClient?: { redirectUris: string[] };
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: 'Scope' | 'Role' }[] }[];
  groupMembershipClaims?: string | null;
  optionalClaims?: { idToken?: { name: string; source?: string | null; essential?: boolean; additionalProperties?: string[] }[] } | null;
  passwordCredentials: { keyId: string; displayName?: string | null; hint?: string | null; startDateTime: string; endDateTime: string }[];
}

export interface GraphServicePrincipal {
  id: string;
  appId: string;
  displayName?: string;
  appRoleAssignmentRequired?: boolean;
  /** false: nobody can sign in to the app in this tenant (Enterprise applications › Properties). */
  accountEnabled?: boolean;
  appRoles?: { id: string; value: string | null; isEnabled?: boolean; allowedMemberTypes?: string[] }[];
  oauth2PermissionScopes?: { id: string; value: string; isEnabled?: boolean }[];
}

export interface GraphDelegatedGrant {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  resourceId: string;
  scope: string;
}

export interface GraphAppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  resourceId: string;
}

export interface GraphPasswordCredential {
  keyId: string;
  hint: string;
  displayName: string | null;
  startDateTime: string;
  endDateTime: string;
  secretText: string | null;
}
