import type { DashboardFilter, DashboardRow, DashboardSort } from '../../../../shared/domain/dashboard';
import { useBlockRows, type FetchBlock } from '../../components/use-block-rows';
import { fetchDashboardBlock, type DashboardQuery } from './dashboard-first-block';

const fetchRows: FetchBlock<DashboardQuery, DashboardRow> = (q, offset, limit) => fetchDashboardBlock(q, offset, limit);

/** Every workspace's client tenants, filtered and sorted in the store, as the dashboard's table reads them. */
export function useDashboardRows(sort: DashboardSort, filter: DashboardFilter, version: number) {
  return useBlockRows({ sort, filter }, fetchRows, version);
}
