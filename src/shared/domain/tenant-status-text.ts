import type { TenantStatus, TenantStatusKind } from './client-tenants';

/**
 * Status names in the words MSP admins know from Lighthouse and GDAP: one list for the Client tenants page,
 * the dashboard, and the CSV and HTML files the dashboard writes.
 */
export const statusLabels: Record<TenantStatusKind, string> = {
  notStarted: 'Not started',
  consented: 'Consented',
  partiallyConsented: 'Partially consented',
  accessNeeded: 'Access needed',
  failed: 'Failed',
  tenantNotFound: 'Tenant not found',
  excluded: 'Excluded',
};

/** The one-line reason and the fix shown beside a status, from what was read from the tenant; null: never read. */
export function statusExplanation(status: TenantStatus | null): { reason: string; fix: string } {
  if (!status) return { reason: 'Not read from the tenant yet.', fix: 'Verify or run consent for this tenant.' };
  switch (status.kind) {
    case 'partiallyConsented':
      return {
        reason: `Missing: ${status.missing.map((p) => `${p.resourceName} ${p.value} (${p.type})`).join(', ')}.`,
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
