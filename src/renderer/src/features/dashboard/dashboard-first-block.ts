import type { DashboardFilter, DashboardRow, DashboardSort } from '../../../../shared/domain/dashboard';
import { getApi } from '../../app/api';
import { earlyFirstBlock } from '../../components/early-first-block';
import { BLOCK_SIZE } from '../../components/use-block-rows';

export type DashboardQuery = { sort: DashboardSort; filter: DashboardFilter };

/** What the dashboard shows when it opens: every tenant, by name. */
export const OPENING_QUERY: DashboardQuery = { sort: 'name', filter: {} };

const firstBlock = earlyFirstBlock<DashboardQuery, DashboardRow>(
  (q, offset, limit) => getApi().call('dashboard.list', { filter: q.filter, sort: q.sort, offset, limit }),
  // An early answer older than this is not used: the page reads again.
  { blockSize: BLOCK_SIZE, freshMs: 2_000 },
);

/** Called as the admin clicks Dashboard: the opening view's first rows are read while the page mounts. */
export const prefetchDashboardFirstBlock = (): void => firstBlock.prefetch(OPENING_QUERY);

/** Reads one block of the dashboard's list (the prefetched first block, once, if it matches). */
export const fetchDashboardBlock = (q: DashboardQuery, offset: number, limit: number) => firstBlock.fetch(q, offset, limit);
