import type { HandlerSlice } from '../../../shared/contract/handler-types';
import type { DashboardService } from './dashboard-service';

/** The status dashboard across all workspaces (issue 11 §2). */
export function dashboardHandlers(
  service: DashboardService,
): HandlerSlice<'dashboard.summary' | 'dashboard.list' | 'dashboard.attention' | 'dashboard.exportCsv' | 'dashboard.exportReport'> {
  return {
    'dashboard.summary': (i) => service.model.summary(i.filter),
    'dashboard.list': (i) => service.model.list(i),
    'dashboard.attention': (i) => service.model.attention(i),
    'dashboard.exportCsv': (i) => service.exportCsv(i.filter, i.sort),
    'dashboard.exportReport': (i) => service.exportReport(i.filter),
  };
}
