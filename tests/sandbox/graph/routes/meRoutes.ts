import { graphPermissions } from '../auth/graphPermissions';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { graphErrors } from '../http/graphErrors';
import { GraphHttpError } from '../http/GraphHttpError';
import { graphJson } from '../http/graphReplies';
import { applySelect, parseSelect } from '../odata/applySelect';
import { entityReply } from '../odata/entityReply';
import { listCollection } from '../odata/listCollection';
import { odataContext } from '../odata/odataContext';
import { serializeDirectoryRole } from '../serialize/serializeDirectoryRole';
import { serializeGroup } from '../serialize/serializeGroup';
import { serializeOrganization } from '../serialize/serializeOrganization';
import { serializeUser } from '../serialize/serializeUser';
import { roleTemplateIds } from '../../model/wellKnownIds';
import type { User } from '../../model/directoryTypes';

/** Graph's answer to /me with an app-only token [OBS]. */
const meNeedsUser = (): GraphHttpError => new GraphHttpError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');

/** /me is the signed-in user of a delegated token; a GDAP (foreign) user has no object in this tenant. */
function me(ctx: GraphContext): User {
  if (!ctx.caller.user) throw graphErrors.notFound(ctx.caller.objectId);
  return ctx.caller.user;
}

export const meRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/me',
    permissions: graphPermissions.me,
    appOnlyError: meNeedsUser,
    handle: (ctx) => entityReply(ctx, 200, 'users', 'user', serializeUser(me(ctx))),
  },
  {
    // Directory roles (as directoryRole with roleTemplateId) and groups the user is a direct member of.
    method: 'GET',
    pattern: '/me/memberOf',
    permissions: graphPermissions.meMemberOf,
    appOnlyError: meNeedsUser,
    handle: (ctx) => {
      const user = me(ctx);
      const roles = user.sandbox.directoryRoleTemplateIds.filter((r) => r !== roleTemplateIds.user);
      const groups = [...ctx.directory.groups.values()].filter((g) => g.members.includes(user.id));
      const items: Array<Record<string, unknown>> = [
        ...roles.map((r) => serializeDirectoryRole(ctx.directory.id, r)),
        ...groups.map((g) => ({ '@odata.type': '#microsoft.graph.group', ...serializeGroup(g, ctx.data, ctx.directory.defaultDomain) })),
      ];
      return listCollection(ctx, items, {
        contextFragment: 'directoryObjects',
        resourceName: 'DirectoryObject',
        typeName: 'directoryObject',
        filterable: { id: (o) => o.id, displayname: (o) => o.displayName },
        serialize: (o) => o,
      });
    },
  },
  {
    method: 'GET',
    pattern: '/organization',
    permissions: graphPermissions.organization,
    handle: (ctx) => {
      const select = parseSelect(ctx.req.query('$select'));
      return graphJson(ctx.req, 200, {
        '@odata.context': odataContext(ctx.rt.urls.graph, 'organization', { select }),
        value: [applySelect(serializeOrganization(ctx.directory.organization), select, 'organization')],
      });
    },
  },
  {
    method: 'GET',
    pattern: '/organization/:id',
    permissions: graphPermissions.organization,
    handle: (ctx) => {
      if ((ctx.params.id ?? '').toLowerCase() !== ctx.directory.id) throw graphErrors.notFound(ctx.params.id ?? '');
      return entityReply(ctx, 200, 'organization', 'organization', serializeOrganization(ctx.directory.organization));
    },
  },
];
