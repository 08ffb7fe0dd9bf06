import type { TenantStatusKind } from '../../../shared/domain/client-tenants';
import { platformSummaries, type PlatformId } from '../../../shared/domain/platforms';

/** Status names for files the dashboard writes (the same words the Client tenants page shows). */
export const statusLabels: Record<TenantStatusKind, string> = {
  notStarted: 'Not started',
  consented: 'Consented',
  partiallyConsented: 'Partially consented',
  accessNeeded: 'Access needed',
  failed: 'Failed',
  tenantNotFound: 'Tenant not found',
  excluded: 'Excluded',
};

export function platformName(id: PlatformId): string {
  return platformSummaries.find((p) => p.id === id)?.name ?? id;
}
