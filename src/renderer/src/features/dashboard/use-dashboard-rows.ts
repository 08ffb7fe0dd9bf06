import type { DashboardFilter, DashboardRow, DashboardSort } from '../../../../shared/domain/dashboard';
import { getApi } from '../../app/api';
import { useBlockRows, type FetchBlock } from '../../components/use-block-rows';

type DashboardQuery = { sort: DashboardSort; filter: DashboardFilter };

const fetchRows: FetchBlock<DashboardQuery, DashboardRow> = (q, offset, limit) => getApi().call('dashboard.list', { filter: q.filter, sort: q.sort, offset, limit });

/** Every workspace's client tenants, filtered and sorted in the store, as the dashboard's table reads them. */
export function useDashboardRows(sort: DashboardSort, filter: DashboardFilter, version: number) {
  return useBlockRows({ sort, filter }, fetchRows, version);
}
