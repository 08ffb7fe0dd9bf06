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
import type { Group, User } from '../../model/directoryTypes';
import { directoryRolesOf } from '../../model/directoryRolesOf';

/** Graph's answer to /me with an app-only token [OBS]. */
const meNeedsUser = (): GraphHttpError => new GraphHttpError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');

/** /me is the signed-in user of a delegated token; a GDAP (foreign) user has no object in this tenant. */
function me(ctx: GraphContext): User {
  if (!ctx.caller.user) throw graphErrors.notFound(ctx.caller.objectId);
  return ctx.caller.user;
}

/** Graph's "limited information" form of a directory object: @odata.type and id kept, every other property null. */
function limitedUnless(readable: boolean, full: Record<string, unknown>): Record<string, unknown> {
  if (readable) return full;
  return Object.fromEntries(Object.entries(full).map(([k, v]) => [k, k === '@odata.type' || k === 'id' ? v : null]));
}

/** Groups containing `id`, and with `transitive` the groups containing those, once each. */
function groupsOf(ctx: GraphContext, id: string, transitive: boolean): Group[] {
  const found = new Map<string, Group>();
  const queue = [id];
  while (queue.length > 0) {
    const member = queue.shift() as string;
    for (const g of ctx.directory.groups.values()) {
      if (!g.members.includes(member) || found.has(g.id)) continue;
      found.set(g.id, g);
      if (transitive) queue.push(g.id);
    }
  }
  return [...found.values()];
}

/** /me/memberOf and /me/transitiveMemberOf: the same collection, direct or transitive. */
function membershipReply(ctx: GraphContext, transitive: boolean) {
  const user = me(ctx);
  const held = directoryRolesOf(ctx.directory, user);
  const roles = (transitive ? held.all : held.direct).filter((r) => r !== roleTemplateIds.user);
  const groups = groupsOf(ctx, user.id, transitive);
  // learn.microsoft.com/graph/api/user-list-memberof ("Important"): when the app may not read an object type in
  // the collection, those members come back "with limited information": only @odata.type and id, every other
  // property null. With User.Read alone that is every directory role and every group (learn.microsoft.com/answers
  // /a/1138585 shows the same). Reading directoryRole needs RoleManagement.Read.Directory or Directory.Read.All
  // (directoryrole-list); groups need GroupMember.Read.All or a Group/Directory read permission.
  const canRead = (...scopes: string[]) => ctx.caller.scopes.size === 0 || scopes.some((s) => ctx.caller.scopes.has(s.toLowerCase()));
  const readsRoles = canRead('RoleManagement.Read.Directory', 'RoleManagement.ReadWrite.Directory', 'Directory.Read.All', 'Directory.ReadWrite.All');
  const readsGroups = canRead('GroupMember.Read.All', 'Group.ReadBasic.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All');
  const items: Array<Record<string, unknown>> = [
    ...roles.map((r) => limitedUnless(readsRoles, serializeDirectoryRole(ctx.directory.id, r))),
    ...groups.map((g) => limitedUnless(readsGroups, { '@odata.type': '#microsoft.graph.group', ...serializeGroup(g, ctx.data, ctx.directory.defaultDomain) })),
  ];
  return listCollection(ctx, items, {
    contextFragment: 'directoryObjects',
    resourceName: 'DirectoryObject',
    typeName: 'directoryObject',
    filterable: { id: (o) => o.id, displayname: (o) => o.displayName },
    serialize: (o) => o,
  });
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
    handle: (ctx) => membershipReply(ctx, false),
  },
  {
    // learn.microsoft.com/graph/api/user-list-transitivememberof: groups, directory roles and administrative units the
    // user is a member of "through a direct or transitive membership"; a role held only through a role-assignable
    // group appears here, not in memberOf (learn.microsoft.com/entra/identity/role-based-access-control/groups-concept).
    method: 'GET',
    pattern: '/me/transitiveMemberOf',
    permissions: graphPermissions.meMemberOf,
    appOnlyError: meNeedsUser,
    handle: (ctx) => membershipReply(ctx, true),
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
