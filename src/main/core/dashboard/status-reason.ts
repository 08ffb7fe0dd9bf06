import type { TenantStatus } from '../../../shared/domain/client-tenants';

/**
 * The reason and fix an admin reads beside a tenant's status, from what was read from the tenant. The same
 * words go to the dashboard, its CSV and its HTML report (the Client tenants page says the same in the renderer).
 */
export function statusReason(status: TenantStatus | null): { reason: string; fix: string } {
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
