import type { ThrottleSettings } from '../settings/SandboxSettings';
import type { DelegatedAdminRelationshipStatus } from '../model/directoryTypes';
import { delegatedConsentRoles } from '../model/wellKnownIds';

/**
 * Graph-only switches. They live beside SandboxSettings (not in it) because this phase may not edit that file;
 * replication delays (`replication.*`) and `faults.graph` come from SandboxSettings.
 */
export interface GraphSettings {
  /** Entra's "Users can register applications" (default Yes). Per-tenant overrides below. */
  usersCanRegisterApplications: boolean;
  /** Entra's "Users can create security groups in Azure portals, API or PowerShell" (default Yes). */
  usersCanCreateSecurityGroups: boolean;
  /** Per-tenant overrides of the two user settings above, keyed by tenant id. */
  tenantOverrides: Record<string, { usersCanRegisterApplications?: boolean; usersCanCreateSecurityGroups?: boolean }>;
  /**
   * facts §5.1: a duplicate oauth2PermissionGrant is 400 "Permission entry already exists." [OBS]; one mock
   * answers 409 Request_MultipleObjectsWithSameKeyValue. Uncertain, so switchable.
   */
  duplicateGrantStatus: 400 | 409;
  /**
   * Roles that may write tenant-wide delegated grants (oauth2PermissionGrants, and app role assignments for
   * non-Graph resources). Microsoft's grant-admin-consent doc: Application/Cloud Application Administrator can
   * consent to anything except Microsoft Graph app roles, so by default the same list as identity's consent page.
   */
  tenantWideConsentRoles: string[];
  /** facts §12.1 lists Policy.ReadWrite.ConditionalAccess + Policy.Read.All + Application.Read.All for writes. */
  conditionalAccessWriteRequires: 'allDocumented' | 'policyReadWriteOnly';
  /** facts §9.2: conditional access is limited to 1 request per second per tenant, answered without Retry-After. */
  conditionalAccessThrottle: ThrottleSettings | null;
  /**
   * facts §7.1 says the customer object exists "while ≥1 delegated admin relationship exists"; whether pending,
   * expired or terminated relationships still list the customer is [UNVERIFIED]. Default: only relationships
   * that grant access.
   */
  delegatedAdminCustomerStatuses: DelegatedAdminRelationshipStatus[];
  /** Token validation clock skew; Entra-protected APIs allow 5 minutes. */
  clockSkewSeconds: number;
  /** facts §3.3: MSA audiences may hold at most this many client secrets. */
  msaAudienceMaxPasswords: number;
  /** Default page size of directory collections when no $top is given. */
  defaultPageSize: number;
}

export function defaultGraphSettings(): GraphSettings {
  return {
    usersCanRegisterApplications: true,
    usersCanCreateSecurityGroups: true,
    tenantOverrides: {},
    duplicateGrantStatus: 400,
    tenantWideConsentRoles: [...delegatedConsentRoles],
    conditionalAccessWriteRequires: 'allDocumented',
    conditionalAccessThrottle: { capacity: 1, refillPerSecond: 1 },
    delegatedAdminCustomerStatuses: ['active', 'expiring'],
    clockSkewSeconds: 300,
    msaAudienceMaxPasswords: 2,
    defaultPageSize: 100,
  };
}

export function tenantAllows(settings: GraphSettings, tenantId: string, key: 'usersCanRegisterApplications' | 'usersCanCreateSecurityGroups'): boolean {
  return settings.tenantOverrides[tenantId]?.[key] ?? settings[key];
}
