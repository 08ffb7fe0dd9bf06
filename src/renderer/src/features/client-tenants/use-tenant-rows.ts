import type { ClientTenant, TenantFilter } from '../../../../shared/domain/client-tenants';
import { getApi } from '../../app/api';
import { useBlockRows, type FetchBlock } from '../../components/use-block-rows';

export type TenantSort = { by: 'name' | 'domain' | 'tenantId' | 'status' | 'strategy' | 'asOf'; direction: 'asc' | 'desc' };

type TenantQuery = { workspaceId: string; sort: TenantSort; filter: TenantFilter };

const fetchTenants: FetchBlock<TenantQuery, ClientTenant> = (q, offset, limit) =>
  getApi().call('tenants.list', { workspaceId: q.workspaceId, offset, limit, sort: q.sort, filter: q.filter });

/** A workspace's client tenants, sorted and filtered in the store, as the Client tenants table reads them. */
export function useTenantRows(workspaceId: string, sort: TenantSort, filter: TenantFilter, version: number, enabled: boolean) {
  return useBlockRows({ workspaceId, sort, filter }, fetchTenants, version, enabled);
}
