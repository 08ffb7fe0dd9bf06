import type { Organization } from '../../model/directoryTypes';

/** organization with verifiedDomains (facts §7.5 neighbourhood; v1.0 schema property names). */
export function serializeOrganization(org: Organization): Record<string, unknown> {
  return {
    id: org.id,
    deletedDateTime: null,
    businessPhones: [],
    city: null,
    country: null,
    countryLetterCode: org.countryLetterCode,
    createdDateTime: org.createdDateTime,
    defaultUsageLocation: null,
    displayName: org.displayName,
    marketingNotificationEmails: [],
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    postalCode: null,
    preferredLanguage: 'en',
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
    state: null,
    street: null,
    technicalNotificationMails: [],
    tenantType: org.tenantType,
    assignedPlans: [],
    privacyProfile: null,
    provisionedPlans: [],
    verifiedDomains: org.verifiedDomains.map((d) => ({
      capabilities: d.capabilities,
      isDefault: d.isDefault,
      isInitial: d.isInitial,
      name: d.name,
      type: d.type,
    })),
  };
}
