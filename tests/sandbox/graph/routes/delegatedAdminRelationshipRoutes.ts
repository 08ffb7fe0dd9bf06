import { createHash } from 'node:crypto';
import type { DelegatedAdminRelationship } from '../../model/directoryTypes';
import { graphPermissions } from '../auth/graphPermissions';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { graphErrors } from '../http/graphErrors';
import { entityReply } from '../odata/entityReply';
import { listCollection } from '../odata/listCollection';

/**
 * GET /tenantRelationships/delegatedAdminRelationships[/{id}]: every relationship the caller's (partner)
 * tenant has, in any status, with the customer, the roles asked for and the end date.
 * https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships (v1.0):
 * DelegatedAdminRelationship.Read.All (delegated and application); $select, $filter, $top (≤300 in the doc;
 * the shared collection helper allows the directory's 999), $skipToken paging.
 * https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship for the properties.
 */
function relationships(ctx: GraphContext): DelegatedAdminRelationship[] {
  return [...ctx.rt.state.gdapRelationships.values()].filter((rel) => rel.partnerTenantId === ctx.directory.id);
}

function serialize(rel: DelegatedAdminRelationship): Record<string, unknown> {
  const etag = createHash('sha256').update(`${rel.id}|${rel.status}|${rel.endDateTime ?? ''}`).digest('base64').slice(0, 24);
  return {
    '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
    '@odata.etag': `W/"${etag}"`,
    id: rel.id,
    displayName: rel.displayName,
    duration: rel.duration,
    status: rel.status,
    autoExtendDuration: rel.autoExtendDuration,
    createdDateTime: rel.createdDateTime,
    lastModifiedDateTime: rel.activatedDateTime ?? rel.createdDateTime,
    activatedDateTime: rel.activatedDateTime,
    endDateTime: rel.endDateTime,
    accessDetails: { unifiedRoles: rel.accessDetails.unifiedRoles.map((r) => ({ roleDefinitionId: r.roleDefinitionId })) },
    customer: { tenantId: rel.customer.tenantId, displayName: rel.customer.displayName },
  };
}

export const delegatedAdminRelationshipRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/tenantRelationships/delegatedAdminRelationships',
    permissions: graphPermissions.delegatedAdminCustomers,
    handle: (ctx) =>
      listCollection(ctx, relationships(ctx), {
        contextFragment: 'tenantRelationships/delegatedAdminRelationships',
        resourceName: 'DelegatedAdminRelationship',
        typeName: 'delegatedAdminRelationship',
        filterable: { id: (r) => r.id, status: (r) => r.status, displayname: (r) => r.displayName },
        serialize,
      }),
  },
  {
    method: 'GET',
    pattern: '/tenantRelationships/delegatedAdminRelationships/:id',
    permissions: graphPermissions.delegatedAdminCustomers,
    handle: (ctx) => {
      const rel = relationships(ctx).find((r) => r.id === ctx.params.id);
      if (!rel) throw graphErrors.notFound(ctx.params.id ?? '');
      return entityReply(ctx, 200, 'tenantRelationships/delegatedAdminRelationships', 'delegatedAdminRelationship', serialize(rel));
    },
  },
];
