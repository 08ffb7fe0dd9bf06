import type { Database } from 'better-sqlite3';
import type { DashboardExport, DashboardFilter, DashboardSort } from '../../../shared/domain/dashboard';
import { dashboardCsv } from './dashboard-csv';
import { DashboardReadModel } from './dashboard-read-model';
import { dashboardReport } from './dashboard-report';

/** The status dashboard and its two exports, all over one read model. */
export class DashboardService {
  readonly model: DashboardReadModel;

  constructor(
    db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.model = new DashboardReadModel(db, now);
  }

  exportCsv(filter: DashboardFilter, sort: DashboardSort): DashboardExport {
    return dashboardCsv(this.model, filter, sort, this.now());
  }

  exportReport(filter: DashboardFilter): DashboardExport {
    return dashboardReport(this.model, filter, this.now());
  }
}
