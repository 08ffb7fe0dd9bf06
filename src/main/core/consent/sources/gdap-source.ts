import type { GdapRelationship, GdapRelationshipStatus } from '../../../../shared/domain/client-tenants';
import { gdapRelationshipStatusSchema } from '../../../../shared/domain/client-tenants';
import type { HttpClient } from '../http-client';
import { roleName } from '../gdap-roles';
import type { FoundTenant } from '../client-tenant-repository';

interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

interface DelegatedAdminCustomer {
  id: string;
  tenantId: string;
  displayName: string;
}

interface DelegatedAdminRelationship {
  id: string;
  displayName: string;
  status: string;
  endDateTime: string | null;
  customer: { tenantId: string; displayName: string } | null;
  accessDetails: { unifiedRoles: { roleDefinitionId: string }[] } | null;
}

/** Every page of a Graph collection, following @odata.nextLink (learn.microsoft.com/graph/paging). */
export async function readAllGraphPages<T>(http: HttpClient, firstUrl: string, token: () => Promise<string>, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const page: { body: GraphPage<T> } = await http.json<GraphPage<T>>(url, { headers: { Authorization: `Bearer ${await token()}` }, ...(signal ? { signal } : {}) });
    items.push(...page.body.value);
    url = page.body['@odata.nextLink'];
  }
  return items;
}

function statusOf(value: string): GdapRelationshipStatus {
  const parsed = gdapRelationshipStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : 'unknownFutureValue';
}

/**
 * GDAP customers and their relationships (facts §7.1): GET /tenantRelationships/delegatedAdminCustomers
 * and /delegatedAdminRelationships, both paged. A customer appears once with every relationship it
 * has (several are normal: one per role set, or an expired one beside its successor).
 */
export async function readGdapTenants(http: HttpClient, graphBaseUrl: string, token: () => Promise<string>): Promise<FoundTenant[]> {
  // The largest page both lists allow ($top up to 300, facts §7.1): every consent run reads them afresh, on the partner
  // tenant's own Graph budget, before it starts.
  const [customers, relationships] = await Promise.all([
    readAllGraphPages<DelegatedAdminCustomer>(http, `${graphBaseUrl}/tenantRelationships/delegatedAdminCustomers?$top=300`, token),
    readAllGraphPages<DelegatedAdminRelationship>(http, `${graphBaseUrl}/tenantRelationships/delegatedAdminRelationships?$top=300`, token),
  ]);
  const byTenant = new Map<string, { name: string | null; relationships: GdapRelationship[] }>();
  for (const c of customers) byTenant.set(c.tenantId.toLowerCase(), { name: c.displayName, relationships: [] });
  for (const r of relationships) {
    const tenantId = r.customer?.tenantId?.toLowerCase();
    if (!tenantId) continue;
    const entry = byTenant.get(tenantId) ?? { name: r.customer?.displayName ?? null, relationships: [] };
    entry.relationships.push({
      id: r.id,
      displayName: r.displayName,
      status: statusOf(r.status),
      roles: (r.accessDetails?.unifiedRoles ?? []).map((role) => ({ roleDefinitionId: role.roleDefinitionId, name: roleName(role.roleDefinitionId) })),
      endDateTime: r.endDateTime ?? null,
    });
    byTenant.set(tenantId, entry);
  }
  return [...byTenant.entries()].map(([tenantId, e]) => ({
    tenantId,
    name: e.name,
    source: 'gdap' as const,
    detail: e.relationships.map((r) => `${r.displayName} (${r.status})`).join(', ') || 'GDAP customer',
    gdapRelationships: e.relationships,
  }));
}
