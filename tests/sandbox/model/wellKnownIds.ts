/** Identifiers that are the same in every Microsoft tenant (facts §5.3, data/README.md). */

export const graphAppId = '00000003-0000-0000-c000-000000000000';
export const partnerCenterAppId = 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd';
export const partnerCenterUserImpersonationScopeId = '1cebfa2a-fb4d-419e-b5f9-839b4383e05a';
export const graphCommandLineToolsAppId = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

/** The tenant that owns Microsoft's first-party applications ("Microsoft Services"); their appOwnerOrganizationId. */
export const microsoftServicesTenantId = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

export const graphResourceUri = 'https://graph.microsoft.com';
export const partnerCenterResourceUri = 'https://api.partnercenter.microsoft.com';

/** Directory role template IDs; these appear in tokens as `wids` and in GDAP unifiedRoles. */
export const roleTemplateIds = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  /** Every member user carries this implicit "User" role in `wids`. */
  user: 'b79fbf4d-3ef9-4689-8143-76b194e85509',
} as const;

export const roleDisplayNames: Readonly<Record<string, string>> = {
  [roleTemplateIds.globalAdministrator]: 'Global Administrator',
  [roleTemplateIds.applicationAdministrator]: 'Application Administrator',
  [roleTemplateIds.cloudApplicationAdministrator]: 'Cloud Application Administrator',
  [roleTemplateIds.privilegedRoleAdministrator]: 'Privileged Role Administrator',
  [roleTemplateIds.user]: 'User',
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b': 'Directory Readers',
};

/** Roles that may grant tenant-wide consent to delegated permissions. */
export const delegatedConsentRoles: readonly string[] = [
  roleTemplateIds.globalAdministrator,
  roleTemplateIds.privilegedRoleAdministrator,
  roleTemplateIds.applicationAdministrator,
  roleTemplateIds.cloudApplicationAdministrator,
];

/**
 * Roles that may grant Microsoft Graph application permissions (app roles). Application and Cloud Application
 * Administrators cannot: Entra reserves Graph app-role consent for Global and Privileged Role Administrators.
 */
export const graphAppRoleConsentRoles: readonly string[] = [
  roleTemplateIds.globalAdministrator,
  roleTemplateIds.privilegedRoleAdministrator,
];

/** The OpenID Connect scopes that live on the Graph service principal (data/README.md). */
export const oidcScopeIds: Readonly<Record<string, string>> = {
  openid: '37f7f235-527c-4136-accd-4a02d197296e',
  profile: '14dad69e-099b-42c9-810b-d002981feec1',
  email: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0',
  offline_access: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
};

export const oidcScopes: readonly string[] = Object.keys(oidcScopeIds);

/** appRoleId meaning "assigned to the app without a specific role" (facts §12.2). */
export const defaultAccessAppRoleId = '00000000-0000-0000-0000-000000000000';

/** Directory Readers: the "GDAP with the wrong roles" case grants only this. */
export const directoryReadersRoleTemplateId = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
