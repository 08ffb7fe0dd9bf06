import { createHash } from 'node:crypto';
import type { DelegatedAdminAccessAssignment, DelegatedAdminRelationship } from '../../model/directoryTypes';
import { effectiveRelationshipStatus } from '../../model/effectiveRelationshipStatus';
import { graphPermissions } from '../auth/graphPermissions';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { graphErrors } from '../http/graphErrors';
import { GraphHttpError } from '../http/GraphHttpError';
import { entityReply } from '../odata/entityReply';
import { listCollection } from '../odata/listCollection';

/*
 * GDAP as the partner sees it through Graph v1.0 (https://learn.microsoft.com/graph/api/tenantrelationship-list-delegatedadminrelationships,
 * delegatedadminrelationship-list-accessassignments): the partner tenant's relationships with every status, each
 * with an @odata.etag, and their access assignments (security group + roles). Both lists support $filter, $top
 * (up to 300 per the docs) and $skipToken paging through @odata.nextLink.
 */

const maxTop = 300;

function etag(parts: string): string {
  return `W/"${Buffer.from(`"${createHash('sha256').update(parts).digest('hex').slice(0, 32)}"`).toString('base64')}"`;
}

function checkTop(ctx: GraphContext): void {
  const top = ctx.req.query('$top') ?? ctx.req.query('top');
  if (top !== undefined && Number(top) > maxTop) {
    // [UNVERIFIED] wording; the docs only say "$top supports up to 300 objects".
    throw new GraphHttpError(400, 'BadRequest', `The value of $top must be between 1 and ${maxTop}.`);
  }
}

function partnerRelationships(ctx: GraphContext): DelegatedAdminRelationship[] {
  return [...ctx.rt.state.gdapRelationships.values()].filter((r) => r.partnerTenantId === ctx.directory.id);
}

function findRelationship(ctx: GraphContext): DelegatedAdminRelationship {
  const id = ctx.params.id ?? '';
  const rel = ctx.rt.state.gdapRelationships.get(id.toLowerCase());
  if (!rel || rel.partnerTenantId !== ctx.directory.id) throw graphErrors.notFound(id);
  return rel;
}

function serializeRelationship(ctx: GraphContext, rel: DelegatedAdminRelationship): Record<string, unknown> {
  const status = effectiveRelationshipStatus(rel, ctx.rt.clock.now());
  return {
    '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
    '@odata.etag': etag(`${rel.id}|${status}|${rel.lastModifiedDateTime ?? rel.createdDateTime}|${rel.accessDetails.unifiedRoles.length}`),
    id: rel.id,
    displayName: rel.displayName,
    duration: rel.duration,
    customer: { ...rel.customer },
    accessDetails: { unifiedRoles: rel.accessDetails.unifiedRoles.map((r) => ({ ...r })) },
    status,
    autoExtendDuration: rel.autoExtendDuration,
    createdDateTime: rel.createdDateTime,
    lastModifiedDateTime: rel.lastModifiedDateTime ?? rel.createdDateTime,
    activatedDateTime: rel.activatedDateTime,
    endDateTime: rel.endDateTime,
  };
}

function serializeAssignment(a: DelegatedAdminAccessAssignment): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment',
    '@odata.etag': etag(`${a.id}|${a.status}|${a.accessDetails.unifiedRoles.map((r) => r.roleDefinitionId).join(',')}`),
    id: a.id,
    status: a.status,
    createdDateTime: a.createdDateTime ?? null,
    lastModifiedDateTime: a.lastModifiedDateTime ?? a.createdDateTime ?? null,
    accessContainer: { ...a.accessContainer },
    accessDetails: { unifiedRoles: a.accessDetails.unifiedRoles.map((r) => ({ ...r })) },
  };
}

export const delegatedAdminRelationshipRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/tenantRelationships/delegatedAdminRelationships',
    permissions: graphPermissions.delegatedAdminRelationships,
    handle: (ctx) => {
      checkTop(ctx);
      const now = ctx.rt.clock.now();
      return listCollection(ctx, partnerRelationships(ctx), {
        contextFragment: 'tenantRelationships/delegatedAdminRelationships',
        resourceName: 'DelegatedAdminRelationship',
        typeName: 'delegatedAdminRelationship',
        filterable: {
          id: (r) => r.id,
          displayname: (r) => r.displayName,
          status: (r) => effectiveRelationshipStatus(r, now),
          'customer/tenantid': (r) => r.customer.tenantId,
          'customer/displayname': (r) => r.customer.displayName,
        },
        serialize: (r) => serializeRelationship(ctx, r),
      });
    },
  },
  {
    method: 'GET',
    pattern: '/tenantRelationships/delegatedAdminRelationships/:id',
    permissions: graphPermissions.delegatedAdminRelationships,
    handle: (ctx) =>
      entityReply(ctx, 200, 'tenantRelationships/delegatedAdminRelationships', 'delegatedAdminRelationship', serializeRelationship(ctx, findRelationship(ctx))),
  },
  {
    method: 'GET',
    pattern: '/tenantRelationships/delegatedAdminRelationships/:id/accessAssignments',
    permissions: graphPermissions.delegatedAdminAccessAssignments,
    handle: (ctx) => {
      checkTop(ctx);
      const rel = findRelationship(ctx);
      return listCollection(ctx, rel.accessAssignments, {
        contextFragment: `tenantRelationships/delegatedAdminRelationships('${rel.id}')/accessAssignments`,
        resourceName: 'DelegatedAdminAccessAssignment',
        typeName: 'delegatedAdminAccessAssignment',
        filterable: { id: (a) => a.id, status: (a) => a.status, 'accesscontainer/accesscontainerid': (a) => a.accessContainer.accessContainerId },
        serialize: serializeAssignment,
      });
    },
  },
  {
    method: 'GET',
    pattern: '/tenantRelationships/delegatedAdminRelationships/:id/accessAssignments/:assignmentId',
    permissions: graphPermissions.delegatedAdminAccessAssignments,
    handle: (ctx) => {
      const rel = findRelationship(ctx);
      const assignment = rel.accessAssignments.find((a) => a.id === (ctx.params.assignmentId ?? '').toLowerCase());
      if (!assignment) throw graphErrors.notFound(ctx.params.assignmentId ?? '');
      return entityReply(ctx, 200, `tenantRelationships/delegatedAdminRelationships('${rel.id}')/accessAssignments`, 'delegatedAdminAccessAssignment', serializeAssignment(assignment));
    },
  },
];
