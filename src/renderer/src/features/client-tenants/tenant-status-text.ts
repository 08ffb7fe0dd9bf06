import type { ConsentStrategy, TenantSourceKind, TenantStatusKind } from '../../../../shared/domain/client-tenants';

export { statusExplanation, statusLabels } from '../../../../shared/domain/tenant-status-text';

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
