/**
 * The wire shapes of docs/platform-api.yaml as TypeScript, for the reference backend's own code. The document is
 * the contract: every body the backend sends is validated against it, so a drift here shows up as a failed test.
 */

export type SignInAudience = 'AzureADMyOrg' | 'AzureADMultipleOrgs';
export type FieldSource =
  | 'clientId'
  | 'clientSecret'
  | 'tenantId'
  | 'partnerCenterClientId'
  | 'partnerCenterClientSecret'
  | 'origin'
  | 'enabled'
  | 'authMode';
export type AuthMode = 'hybrid' | 'entra-only' | 'local-only';
export type ConsentStatus = 'granted' | 'pending' | 'failed' | 'unknown';

export interface RequirementField {
  key: string;
  label: string;
  secret: boolean;
  required: boolean;
  source: FieldSource;
}

export interface Requirements {
  platform: { name: string; website?: string };
  app: {
    displayName: string;
    signInAudience: SignInAudience;
    redirectUris: { web: string[]; spa: string[] };
    permissions: { delegated: string[]; application: string[] };
    groupMembershipClaims: 'SecurityGroup' | null;
    idTokenOptionalClaims: string[];
    assignmentRequired: boolean;
    secretMaxLifetimeMonths: number;
  };
  fields: RequirementField[];
}

export interface SecretStatus {
  set: boolean;
  hint: string | null;
  expiresAt: string | null;
}

export interface SsoConfiguration {
  tenantId: string;
  clientId: string;
  clientSecret: SecretStatus;
  partnerCenter: { clientId: string; clientSecret: SecretStatus } | null;
  origin: string | null;
  enabled: boolean;
  authMode: AuthMode | null;
  updatedAt: string;
  version: number;
}

export interface SsoConfigurationInput {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  clientSecretExpiresAt?: string;
  partnerCenter?: { clientId: string; clientSecret?: string; clientSecretExpiresAt?: string } | null;
  origin?: string | null;
  enabled: boolean;
  authMode?: AuthMode | null;
}

export interface TestCheck {
  name: 'discovery' | 'clientCredentials';
  ok: boolean;
  message: string;
}

export interface TestResult {
  ok: boolean;
  checks: TestCheck[];
  testedAt: string;
}

export interface TenantInput {
  enabled: boolean;
  consentStatus: ConsentStatus;
  displayName?: string;
  domain?: string;
}

export interface TenantRecord {
  tenantId: string;
  enabled: boolean;
  consentStatus: ConsentStatus;
  displayName: string | null;
  domain: string | null;
  updatedAt: string;
}

export interface TenantBatchItemResult {
  index: number;
  tenantId: string | null;
  status: 200 | 422 | 500;
  tenant: TenantRecord | null;
  error: { code: 'validation_failed' | 'internal_error'; detail: string; errors: Array<{ path: string; message: string }> } | null;
}
