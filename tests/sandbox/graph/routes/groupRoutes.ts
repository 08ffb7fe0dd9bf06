import type { Group } from '../../model/directoryTypes';
import { groupManagerRoles } from '../auth/directoryRoleIds';
import { graphPermissions } from '../auth/graphPermissions';
import { hasDefaultUserPermissions, holdsAnyRole } from '../auth/requireDirectoryRole';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { tenantAllows } from '../GraphSettings';
import { graphErrors } from '../http/graphErrors';
import { graphNoContent } from '../http/graphReplies';
import { readJsonBody } from '../http/readJsonBody';
import { entityReply } from '../odata/entityReply';
import { listCollection } from '../odata/listCollection';
import { serializeGroup } from '../serialize/serializeGroup';
import { serializeUser } from '../serialize/serializeUser';

const createKeys = new Set(['displayName', 'description', 'mailEnabled', 'mailNickname', 'securityEnabled', 'groupTypes', 'isAssignableToRole', 'members@odata.bind', 'owners@odata.bind']);

function findGroupOr404(ctx: GraphContext): Group {
  const id = (ctx.params.id ?? '').toLowerCase();
  const group = ctx.directory.groups.get(id);
  if (!group) throw graphErrors.notFound(ctx.params.id ?? '');
  return group;
}

/** `https://graph.microsoft.com/v1.0/directoryObjects/{id}` (or users/{id}) -> a user id of this tenant. */
function boundUserId(ctx: GraphContext, ref: unknown): string {
  const match = typeof ref === 'string' ? /\/(?:directoryObjects|users)\/([0-9a-fA-F-]{36})$/.exec(ref) : null;
  const id = match?.[1]?.toLowerCase();
  if (!id || !ctx.directory.users.has(id)) throw graphErrors.badRequest('Invalid object identifier in reference.', '@odata.id');
  return id;
}

function requireCanManageGroups(ctx: GraphContext): void {
  if (holdsAnyRole(ctx.caller, groupManagerRoles)) return;
  if (hasDefaultUserPermissions(ctx.caller) && tenantAllows(ctx.settings, ctx.caller.tenantId, 'usersCanCreateSecurityGroups')) return;
  throw graphErrors.insufficientPrivileges();
}

/**
 * POST /groups: security groups (mailEnabled false, securityEnabled true) and Microsoft 365 groups
 * (groupTypes ["Unified"]); displayName, mailEnabled, mailNickname and securityEnabled are required.
 */
async function createGroup(ctx: GraphContext) {
  requireCanManageGroups(ctx);
  const body = await readJsonBody(ctx.req);
  for (const key of Object.keys(body)) if (!key.startsWith('@odata.') && !createKeys.has(key)) throw graphErrors.unknownProperty(key, 'group');
  if (typeof body.displayName !== 'string' || body.displayName === '') throw graphErrors.missingProperty('displayName', 'Group');
  if (typeof body.mailNickname !== 'string' || body.mailNickname === '') throw graphErrors.missingProperty('mailNickname', 'Group');
  if (typeof body.mailEnabled !== 'boolean') throw graphErrors.missingProperty('mailEnabled', 'Group');
  if (typeof body.securityEnabled !== 'boolean') throw graphErrors.missingProperty('securityEnabled', 'Group');
  const groupTypes = Array.isArray(body.groupTypes) ? body.groupTypes.filter((t): t is string => typeof t === 'string') : [];
  const unified = groupTypes.includes('Unified');
  // Mail-enabled security groups and distribution lists cannot be created through Graph.
  if (body.mailEnabled && !unified) throw graphErrors.badRequest('Only security groups and Microsoft 365 groups can be created through Microsoft Graph.');
  const members = Array.isArray(body['members@odata.bind']) ? (body['members@odata.bind'] as unknown[]).map((r) => boundUserId(ctx, r)) : [];
  const group: Group = {
    id: ctx.rt.state.random.uuid(),
    displayName: body.displayName,
    securityEnabled: body.securityEnabled,
    mailEnabled: body.mailEnabled,
    createdDateTime: ctx.rt.clock.nowIso(),
    members: [...new Set(members)],
  };
  ctx.directory.groups.set(group.id, group);
  ctx.data.groupExtras.set(group.id, {
    mailNickname: body.mailNickname,
    description: typeof body.description === 'string' ? body.description : null,
    groupTypes,
    isAssignableToRole: typeof body.isAssignableToRole === 'boolean' ? body.isAssignableToRole : null,
  });
  return entityReply(ctx, 201, 'groups', 'group', serializeGroup(group, ctx.data, ctx.directory.defaultDomain));
}

export const groupRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/groups',
    permissions: graphPermissions.listGroups,
    handle: (ctx) =>
      listCollection(ctx, [...ctx.directory.groups.values()], {
        contextFragment: 'groups',
        resourceName: 'Group',
        typeName: 'group',
        filterable: {
          id: (g) => g.id,
          displayname: (g) => g.displayName,
          securityenabled: (g) => g.securityEnabled,
          mailenabled: (g) => g.mailEnabled,
          mailnickname: (g) => serializeGroup(g, ctx.data, ctx.directory.defaultDomain).mailNickname,
        },
        serialize: (g) => serializeGroup(g, ctx.data, ctx.directory.defaultDomain),
      }),
  },
  { method: 'POST', pattern: '/groups', permissions: graphPermissions.createGroup, handle: createGroup },
  {
    method: 'GET',
    pattern: '/groups/:id',
    permissions: graphPermissions.getGroup,
    handle: (ctx) => entityReply(ctx, 200, 'groups', 'group', serializeGroup(findGroupOr404(ctx), ctx.data, ctx.directory.defaultDomain)),
  },
  {
    method: 'DELETE',
    pattern: '/groups/:id',
    permissions: graphPermissions.deleteGroup,
    handle: (ctx) => {
      const group = findGroupOr404(ctx);
      requireCanManageGroups(ctx);
      ctx.directory.groups.delete(group.id);
      ctx.data.groupExtras.delete(group.id);
      return graphNoContent(ctx.req);
    },
  },
  {
    method: 'GET',
    pattern: '/groups/:id/members',
    permissions: graphPermissions.listGroupMembers,
    handle: (ctx) => {
      const group = findGroupOr404(ctx);
      const users = group.members.map((id) => ctx.directory.users.get(id)).filter((u) => u !== undefined);
      return listCollection(ctx, users, {
        contextFragment: 'directoryObjects',
        resourceName: 'DirectoryObject',
        typeName: 'user',
        filterable: { id: (u) => u.id, displayname: (u) => u.displayName },
        serialize: (u) => ({ '@odata.type': '#microsoft.graph.user', ...serializeUser(u) }),
      });
    },
  },
  {
    method: 'POST',
    pattern: '/groups/:id/members/$ref',
    permissions: graphPermissions.writeGroupMembers,
    handle: async (ctx) => {
      const group = findGroupOr404(ctx);
      requireCanManageGroups(ctx);
      const userId = boundUserId(ctx, (await readJsonBody(ctx.req))['@odata.id']);
      if (group.members.includes(userId)) {
        throw graphErrors.badRequest('One or more added object references already exist for the following modified properties: \'members\'.');
      }
      group.members.push(userId);
      return graphNoContent(ctx.req);
    },
  },
  {
    method: 'DELETE',
    pattern: '/groups/:id/members/:memberId/$ref',
    permissions: graphPermissions.writeGroupMembers,
    handle: (ctx) => {
      const group = findGroupOr404(ctx);
      requireCanManageGroups(ctx);
      const memberId = (ctx.params.memberId ?? '').toLowerCase();
      if (!group.members.includes(memberId)) throw graphErrors.notFound(memberId);
      group.members = group.members.filter((m) => m !== memberId);
      return graphNoContent(ctx.req);
    },
  },
];
