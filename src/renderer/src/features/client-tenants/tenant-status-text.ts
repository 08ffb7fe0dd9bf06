import type { ConsentStrategy, TenantSourceKind, TenantStatus, TenantStatusKind } from '../../../../shared/domain/client-tenants';

/** Status names in the words MSP admins know from Lighthouse and GDAP. */
export const statusLabels: Record<TenantStatusKind, string> = {
  notStarted: 'Not started',
  consented: 'Consented',
  partiallyConsented: 'Partially consented',
  accessNeeded: 'Access needed',
  failed: 'Failed',
  tenantNotFound: 'Tenant not found',
  excluded: 'Excluded',
};

export const statusColors: Record<TenantStatusKind, 'success' | 'warning' | 'danger' | 'informative' | 'subtle'> = {
  notStarted: 'informative',
  consented: 'success',
  partiallyConsented: 'warning',
  accessNeeded: 'warning',
  failed: 'danger',
  tenantNotFound: 'danger',
  excluded: 'subtle',
};

export const strategyLabels: Record<ConsentStrategy, string> = {
  gdapDirect: 'GDAP direct',
  cpv: 'Partner Center (CPV)',
  adminConsentLink: 'Admin consent link',
};

export const sourceLabels: Record<TenantSourceKind, string> = {
  gdap: 'GDAP',
  partnerCenter: 'Partner Center',
  csv: 'CSV',
  manual: 'Added by domain',
};

/** The one-line reason and the fix shown beside a status; empty for statuses that need no explanation. */
export function statusExplanation(status: TenantStatus): { reason: string; fix: string } {
  switch (status.kind) {
    case 'partiallyConsented':
      return {
        reason: `Missing: ${status.missing.map((p) => `${p.resourceName} ${p.value} (${p.type})`).join(', ')}`,
        fix: 'Run consent again for this tenant to grant what is missing.',
      };
    case 'accessNeeded':
      return {
        reason: status.missingRoles?.length ? `${status.message} Missing GDAP roles: ${status.missingRoles.join(', ')}.` : status.message,
        fix: status.fix,
      };
    case 'failed':
      return { reason: status.cause.message, fix: status.cause.fix };
    case 'tenantNotFound':
      return { reason: status.message, fix: 'Check the domain or tenant ID, or exclude the tenant.' };
    case 'notStarted':
      return { reason: status.asOf ? '' : 'Not read from the tenant yet.', fix: '' };
    default:
      return { reason: '', fix: '' };
  }
}
