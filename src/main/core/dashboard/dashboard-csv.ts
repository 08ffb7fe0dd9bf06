import type { DashboardExport, DashboardFilter, DashboardSort } from '../../../shared/domain/dashboard';
import { csvField } from '../consent/admin-consent-links';
import type { DashboardReadModel } from './dashboard-read-model';
import { platformName } from '../../../shared/domain/platforms';
import { statusLabels } from '../../../shared/domain/tenant-status-text';

/** The dashboard's filtered rows as CSV (RFC 4180, formula-safe), in the order the table shows them. */
export function dashboardCsv(model: DashboardReadModel, filter: DashboardFilter, sort: DashboardSort, now: Date): DashboardExport {
  const lines = [['Workspace', 'Platform', 'Name', 'Domain', 'Tenant ID', 'Status', 'Reason', 'Status read at'].join(',')];
  let count = 0;
  for (const r of model.allRows(filter, sort)) {
    lines.push(
      [r.workspaceName, platformName(r.platformId), r.name ?? '', r.domain ?? '', r.tenantId, statusLabels[r.status], r.reason, r.asOf ?? '']
        .map(csvField)
        .join(','),
    );
    count++;
  }
  return {
    fileName: `client-tenant-status-${now.toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv',
    content: `${lines.join('\r\n')}\r\n`,
    count,
  };
}
