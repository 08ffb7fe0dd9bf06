import type { ThrottleSettings } from '../settings/SandboxSettings';
import { roleTemplateIds } from '../model/wellKnownIds';

/**
 * Partner Center-only switches. They live beside SandboxSettings (not in it), like GraphSettings, because this
 * phase may not edit that file; `faults.partnerCenter` (latency, 5xx, tenant+app buckets) still comes from there.
 */
export interface PartnerCenterSettings {
  /** facts §7.3 [OBS]: Partner Center JSON may start with a UTF-8 BOM; clients must cope, so it is on by default. */
  utf8Bom: boolean;
  /** facts §8.1: 50 requests per second per applicationId on applicationconsents; null turns the bucket off. */
  applicationConsentThrottle: ThrottleSettings | null;
  /** facts §8.1: GDAP roles of which the partner user needs one in the customer tenant to consent. */
  consentRoles: string[];
  /**
   * facts §8.1 lists 200/201/400/401/403/404/500 and names "Permission entry already exists." [OBS] without a
   * status; 409 is what the console expects. [UNVERIFIED] status, so switchable.
   */
  duplicateConsentStatus: 409 | 400;
  /** facts §8.2: "200/201 per doc table (treat 2xx as success)". [UNVERIFIED] which one; 204 is the default. */
  deleteConsentStatus: 200 | 204;
  /** Page size when `size` is missing or 0. [UNVERIFIED]: Microsoft documents no default; its samples ask for 40. */
  defaultPageSize: number;
  /**
   * facts §7.3's sample has totalCount equal to the items in the answer. [UNVERIFIED] whether it counts the page
   * or every customer, so switchable; 'page' is the default.
   */
  totalCount: 'page' | 'all';
  /** Token validation clock skew; Entra-protected APIs allow 5 minutes. */
  /**
   * Since 1 April 2026 Partner Center refuses App+User calls whose token shows no multi-factor authentication (`amr`
   * without "mfa"): 401 with error code 900421 (learn.microsoft.com/partner-center/security/partner-security-
   * requirements-mandating-mfa, "Beginning April 1, 2026 all App+User usage of Partner Center APIs will enforce the
   * usage of MFA"; the 401 + 900421 answer as Microsoft's announcements give it, quoted by cloudcockpit.com and
   * tagydes.com). App-only calls are not affected. [UNVERIFIED] the description text. 'off' = before that date.
   */
  appUserMfa: 'enforced' | 'off';
  clockSkewSeconds: number;
}

export function defaultPartnerCenterSettings(): PartnerCenterSettings {
  return {
    utf8Bom: true,
    applicationConsentThrottle: { capacity: 50, refillPerSecond: 50 },
    consentRoles: [
      roleTemplateIds.globalAdministrator,
      roleTemplateIds.applicationAdministrator,
      roleTemplateIds.cloudApplicationAdministrator,
    ],
    duplicateConsentStatus: 409,
    deleteConsentStatus: 204,
    defaultPageSize: 100,
    totalCount: 'page',
    appUserMfa: 'enforced',
    clockSkewSeconds: 300,
  };
}
