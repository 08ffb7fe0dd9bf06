import { z } from 'zod';

/**
 * The Platform Onboarding API as the console uses it (docs/platform-api.yaml is the contract; these
 * schemas check what a platform actually answers, so a broken answer is a clear error, not a crash).
 */
export const requirementsSchema = z.object({
  platform: z.object({ name: z.string(), website: z.string().optional() }),
  app: z.object({
    displayName: z.string(),
    signInAudience: z.enum(['AzureADMyOrg', 'AzureADMultipleOrgs']),
    redirectUris: z.object({ web: z.array(z.string()), spa: z.array(z.string()) }),
    permissions: z.object({ delegated: z.array(z.string()), application: z.array(z.string()) }),
    groupMembershipClaims: z.literal('SecurityGroup').nullable(),
    idTokenOptionalClaims: z.array(z.string()),
    assignmentRequired: z.boolean(),
    secretMaxLifetimeMonths: z.number().int().min(1).max(24),
  }),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      secret: z.boolean(),
      required: z.boolean(),
      source: z.enum(['clientId', 'clientSecret', 'tenantId', 'partnerCenterClientId', 'partnerCenterClientSecret', 'origin', 'enabled', 'authMode']),
    }),
  ),
});
export type PlatformRequirements = z.infer<typeof requirementsSchema>;

const secretStateSchema = z.object({ set: z.boolean(), hint: z.string().nullable(), expiresAt: z.string().nullable() });

export const ssoConfigurationSchema = z.object({
  tenantId: z.string(),
  clientId: z.string(),
  clientSecret: secretStateSchema,
  partnerCenter: z.object({ clientId: z.string(), clientSecret: secretStateSchema }).nullable(),
  origin: z.string().nullable(),
  enabled: z.boolean(),
  authMode: z.enum(['hybrid', 'entra-only', 'local-only']).nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type SsoConfiguration = z.infer<typeof ssoConfigurationSchema>;

/** What the console sends; secrets are write-only (omitted = the platform keeps the one it has). */
export interface SsoConfigurationInput {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  clientSecretExpiresAt?: string;
  partnerCenter?: { clientId: string; clientSecret?: string; clientSecretExpiresAt?: string } | null;
  origin?: string | null;
  enabled: boolean;
  authMode?: 'hybrid' | 'entra-only' | 'local-only' | null;
}

export const testResultSchema = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })),
  testedAt: z.string(),
});
export type PlatformTestResult = z.infer<typeof testResultSchema>;

export const problemSchema = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  code: z.string().optional(),
  status: z.number().optional(),
});

export const platformConsentStatusSchema = z.enum(['granted', 'pending', 'failed', 'unknown']);
export type PlatformConsentStatus = z.infer<typeof platformConsentStatusSchema>;

export const platformTenantSchema = z.object({
  tenantId: z.string(),
  enabled: z.boolean(),
  consentStatus: platformConsentStatusSchema,
  displayName: z.string().nullable(),
  domain: z.string().nullable(),
  updatedAt: z.string(),
});
export type PlatformTenant = z.infer<typeof platformTenantSchema>;

export const platformTenantPageSchema = z.object({ value: z.array(platformTenantSchema), nextCursor: z.string().min(1).nullable() });

/** One tenant's record as PUT /v1/tenants/{tenantId} and the batch take it. */
export interface PlatformTenantInput {
  enabled: boolean;
  consentStatus: PlatformConsentStatus;
  displayName?: string;
  domain?: string;
}

const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });

export const platformTenantBatchResultSchema = z.object({
  results: z.array(
    z.object({
      index: z.number().int().min(0),
      tenantId: z.string().nullable(),
      status: z.number().int(),
      tenant: platformTenantSchema.nullable(),
      error: z.object({ code: z.string(), detail: z.string(), errors: z.array(fieldErrorSchema) }).nullable(),
    }),
  ),
});
export type PlatformTenantBatchResult = z.infer<typeof platformTenantBatchResultSchema>['results'][number];
