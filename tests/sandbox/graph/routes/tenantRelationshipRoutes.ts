import { createHash } from 'node:crypto';
import { graphPermissions } from '../auth/graphPermissions';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { graphErrors } from '../http/graphErrors';
import { graphJson } from '../http/graphReplies';
import { parseKey } from '../http/normalizeGraphPath';
import { entityReply } from '../odata/entityReply';
import { listCollection } from '../odata/listCollection';
import { odataContext } from '../odata/odataContext';
import { isGuid } from '../../util/isGuid';
import { effectiveRelationshipStatus } from '../../model/effectiveRelationshipStatus';

interface CustomerRow {
  id: string;
  tenantId: string;
  displayName: string;
}

/**
 * facts §7.1: one delegatedAdminCustomer per customer tenant with which the caller's (partner) tenant has
 * delegated admin relationships in the configured statuses.
 */
function customers(ctx: GraphContext): CustomerRow[] {
  const rows = new Map<string, CustomerRow>();
  for (const rel of ctx.rt.state.gdapRelationships.values()) {
    if (rel.partnerTenantId !== ctx.directory.id) continue;
    if (!ctx.settings.delegatedAdminCustomerStatuses.includes(effectiveRelationshipStatus(rel, ctx.rt.clock.now()))) continue;
    rows.set(rel.customer.tenantId, { id: rel.customer.tenantId, tenantId: rel.customer.tenantId, displayName: rel.customer.displayName });
  }
  return [...rows.values()];
}

function serializeCustomer(row: CustomerRow): Record<string, unknown> {
  const etag = createHash('sha256').update(`${row.id}|${row.displayName}`).digest('base64').slice(0, 24);
  return { '@odata.type': '#microsoft.graph.delegatedAdminCustomer', '@odata.etag': `W/"${etag}"`, id: row.id, tenantId: row.tenantId, displayName: row.displayName };
}

export const tenantRelationshipRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/tenantRelationships/delegatedAdminCustomers',
    permissions: graphPermissions.delegatedAdminCustomers,
    handle: (ctx) =>
      listCollection(ctx, customers(ctx), {
        contextFragment: 'tenantRelationships/delegatedAdminCustomers',
        resourceName: 'DelegatedAdminCustomer',
        typeName: 'delegatedAdminCustomer',
        filterable: { id: (c) => c.id, tenantid: (c) => c.tenantId, displayname: (c) => c.displayName },
        serialize: serializeCustomer,
      }),
  },
  {
    method: 'GET',
    pattern: '/tenantRelationships/delegatedAdminCustomers/:id',
    permissions: graphPermissions.delegatedAdminCustomers,
    handle: (ctx) => {
      const row = customers(ctx).find((c) => c.id === (ctx.params.id ?? '').toLowerCase());
      if (!row) throw graphErrors.notFound(ctx.params.id ?? '');
      return entityReply(ctx, 200, 'tenantRelationships/delegatedAdminCustomers', 'delegatedAdminCustomer', serializeCustomer(row));
    },
  },
  {
    // facts §7.4: tenantInformation for any resolvable domain; an unknown one is 404 [UNVERIFIED code].
    method: 'GET',
    pattern: '/tenantRelationships/findTenantInformationByDomainName/:arg',
    permissions: graphPermissions.findTenantInformation,
    handle: (ctx) => {
      const arg = parseKey(ctx.params.arg ?? '');
      if (arg.name !== 'domainname' || arg.value === '') throw graphErrors.badRequest("The parameter 'domainName' is required.");
      // A tenant id is not a domain name; only verified domains resolve here.
      const seed = isGuid(arg.value) ? undefined : ctx.rt.state.resolveTenant(arg.value);
      if (!seed || !seed.domainResolvable) throw graphErrors.notFound(arg.value);
      const defaultDomainName = ctx.rt.state.isMaterialized(seed.id) ? ctx.rt.state.directory(seed.id).defaultDomain : seed.initialDomain;
      return graphJson(ctx.req, 200, {
        '@odata.context': odataContext(ctx.rt.urls.graph, 'microsoft.graph.tenantInformation'),
        tenantId: seed.id,
        federationBrandName: null,
        displayName: seed.displayName,
        defaultDomainName,
      });
    },
  },
];
