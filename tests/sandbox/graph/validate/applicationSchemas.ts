import { z } from 'zod';

const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);
const audience = z.enum(['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount']);
const redirectUris = z.array(z.string());

const permissionScope = z.object({
  id: guid,
  value: z.string().min(1),
  type: z.enum(['User', 'Admin']),
  adminConsentDisplayName: z.string(),
  adminConsentDescription: z.string(),
  userConsentDisplayName: z.string().nullable().default(null),
  userConsentDescription: z.string().nullable().default(null),
  isEnabled: z.boolean().default(true),
});

const appRole = z.object({
  id: guid,
  value: z.string().min(1).nullable().transform((v) => v ?? ''),
  displayName: z.string(),
  description: z.string(),
  allowedMemberTypes: z.array(z.enum(['User', 'Application'])).min(1),
  isEnabled: z.boolean().default(true),
  origin: z.literal('Application').optional(),
});

const optionalClaim = z.object({
  name: z.string(),
  source: z.string().nullable().default(null),
  essential: z.boolean().default(false),
  additionalProperties: z.array(z.string()).default([]),
});

/**
 * Writable application properties and their JSON types (v1.0 application resource, facts §1.2). A value that
 * does not fit is Graph's "Invalid value specified for property 'x' of resource 'Application'." (facts §2).
 */
export const applicationPropertySchemas = {
  displayName: z.string().min(1).max(256),
  description: z.string().max(1024).nullable(),
  signInAudience: audience,
  uniqueName: z.string().min(1).max(256).nullable(),
  identifierUris: z.array(z.string()),
  isFallbackPublicClient: z.boolean().nullable(),
  groupMembershipClaims: z.string().nullable(),
  tags: z.array(z.string()),
  web: z
    .object({
      redirectUris: redirectUris.optional(),
      homePageUrl: z.string().nullable().optional(),
      logoutUrl: z.string().max(255).nullable().optional(),
      implicitGrantSettings: z
        .object({ enableIdTokenIssuance: z.boolean().nullable().optional(), enableAccessTokenIssuance: z.boolean().nullable().optional() })
        .strict()
        .nullable()
        .optional(),
      redirectUriSettings: z.array(z.object({ uri: z.string(), index: z.number().int().nullable().optional() })).optional(),
    })
    .strict(),
  spa: z.object({ redirectUris: redirectUris.optional() }).strict(),
  publicClient: z.object({ redirectUris: redirectUris.optional() }).strict(),
  api: z
    .object({
      requestedAccessTokenVersion: z.union([z.literal(1), z.literal(2)]).nullable().optional(),
      oauth2PermissionScopes: z.array(permissionScope).optional(),
      acceptMappedClaims: z.boolean().nullable().optional(),
      knownClientApplications: z.array(guid).optional(),
      preAuthorizedApplications: z.array(z.object({ appId: guid, delegatedPermissionIds: z.array(guid) })).optional(),
    })
    .strict(),
  appRoles: z.array(appRole),
  requiredResourceAccess: z.array(
    z.object({
      resourceAppId: guid,
      resourceAccess: z.array(z.object({ id: guid, type: z.enum(['Scope', 'Role']) }).strict()),
    }),
  ),
  optionalClaims: z
    .object({ idToken: z.array(optionalClaim).optional(), accessToken: z.array(optionalClaim).optional(), saml2Token: z.array(optionalClaim).optional() })
    .nullable(),
  info: z
    .object({
      logoUrl: z.string().nullable().optional(),
      marketingUrl: z.string().nullable().optional(),
      privacyStatementUrl: z.string().nullable().optional(),
      supportUrl: z.string().nullable().optional(),
      termsOfServiceUrl: z.string().nullable().optional(),
    })
    .strict()
    .nullable(),
  notes: z.string().nullable(),
  serviceManagementReference: z.string().nullable(),
  parentalControlSettings: z
    .object({ countriesBlockedForMinors: z.array(z.string()).optional(), legalAgeGroupRule: z.string().optional() })
    .nullable(),
  isDeviceOnlyAuthSupported: z.boolean().nullable(),
  defaultRedirectUri: z.string().nullable(),
  tokenEncryptionKeyId: guid.nullable(),
} as const;

export type ApplicationPropertyName = keyof typeof applicationPropertySchemas;

/** Properties Graph computes; sending them is an error rather than silently ignored. */
export const readOnlyApplicationProperties = new Set([
  'id',
  'appId',
  'createdDateTime',
  'deletedDateTime',
  'publisherDomain',
  'passwordCredentials',
  'keyCredentials',
  'applicationTemplateId',
  'disabledByMicrosoftStatus',
  'verifiedPublisher',
  'certification',
  'addIns',
  'samlMetadataUrl',
]);

/** The subset that goes to Graph-side extras because the model has no field for it. */
export const extraApplicationProperties: readonly ApplicationPropertyName[] = [
  'optionalClaims',
  'info',
  'notes',
  'serviceManagementReference',
  'parentalControlSettings',
  'isDeviceOnlyAuthSupported',
  'defaultRedirectUri',
  'tokenEncryptionKeyId',
];
