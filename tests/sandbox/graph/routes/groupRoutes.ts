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
import { listCollection, listDirectoryObjects } from '../odata/listCollection';
import { serializeGroup } from '../serialize/serializeGroup';
import { directoryObjectKind } from '../serialize/serializeDirectoryObject';
import { canonicalPropertyNames } from '../odata/canonicalPropertyNames';
import type { GraphHttpError } from '../http/GraphHttpError';

const createKeys = new Set<string>(['displayName', 'description', 'mailEnabled', 'mailNickname', 'securityEnabled', 'groupTypes', 'isAssignableToRole', 'visibility', 'members@odata.bind', 'owners@odata.bind']);

const updateKeys = new Set<string>(['displayName', 'description', 'mailNickname', 'members@odata.bind', 'owners@odata.bind']);

/**
 * learn.microsoft.com/graph/api/resources/group (visibility): "Private, Public, or HiddenMembership"; settable when
 * the group is created (CLI for Microsoft 365 sends Public for every new group).
 */
function parseVisibility(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const match = typeof value === 'string' ? ['Private', 'Public', 'HiddenMembership'].find((v) => v.toLowerCase() === value.toLowerCase()) : undefined;
  if (!match) throw graphErrors.invalidProperty('visibility', 'Group');
  return match;
}

function findGroupOr404(ctx: GraphContext): Group {
  const id = (ctx.params.id ?? '').toLowerCase();
  const group = ctx.directory.groups.get(id);
  if (!group) throw graphErrors.notFound(ctx.params.id ?? '');
  return group;
}

/**
 * `https://graph.microsoft.com/v1.0/directoryObjects/{id}` (or users/, groups/, servicePrincipals/{id}) -> an
 * object id of this tenant. learn.microsoft.com/graph/api/group-post-members: members may be users, groups,
 * service principals (and devices, orgContacts, which the sandbox has none of); group-post-owners: owners are
 * users or service principals.
 */
function boundObjectId(ctx: GraphContext, ref: unknown, role: 'members' | 'owners'): string {
  const match = typeof ref === 'string' ? /\/(?:directoryObjects|users|groups|servicePrincipals)\/([0-9a-fA-F-]{36})$/i.exec(ref) : null;
  const id = match?.[1]?.toLowerCase();
  const kind = id ? directoryObjectKind(ctx, id) : undefined;
  const allowed = role === 'members' ? kind === 'user' || kind === 'group' || kind === 'servicePrincipal' : kind === 'user' || kind === 'servicePrincipal';
  if (!id || !allowed) throw graphErrors.badRequest('Invalid object identifier in reference.', '@odata.id');
  return id;
}

function bindList(ctx: GraphContext, body: Record<string, unknown>, role: 'members' | 'owners'): string[] {
  const refs = body[`${role}@odata.bind`];
  if (refs === undefined) return [];
  if (!Array.isArray(refs)) throw graphErrors.invalidProperty(`${role}@odata.bind`, 'Group');
  return [...new Set(refs.map((r) => boundObjectId(ctx, r, role)))];
}

const alreadyExists = (role: 'members' | 'owners'): GraphHttpError =>
  // Graph's answer to adding an existing member or owner (facts §12; learn.microsoft.com/graph/api/group-post-members).
  graphErrors.badRequest(`One or more added object references already exist for the following modified properties: '${role}'.`);

function ownersOf(ctx: GraphContext, groupId: string): Set<string> {
  let owners = ctx.data.owners.get(groupId);
  if (!owners) {
    owners = new Set();
    ctx.data.owners.set(groupId, owners);
  }
  return owners;
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
  const body = canonicalPropertyNames(await readJsonBody(ctx.req), createKeys);
  for (const key of Object.keys(body)) if (!key.startsWith('@odata.') && !createKeys.has(key)) throw graphErrors.unknownProperty(key, 'group');
  if (typeof body.displayName !== 'string' || body.displayName === '') throw graphErrors.missingProperty('displayName', 'Group');
  if (typeof body.mailNickname !== 'string' || body.mailNickname === '') throw graphErrors.missingProperty('mailNickname', 'Group');
  if (typeof body.mailEnabled !== 'boolean') throw graphErrors.missingProperty('mailEnabled', 'Group');
  if (typeof body.securityEnabled !== 'boolean') throw graphErrors.missingProperty('securityEnabled', 'Group');
  const groupTypes = Array.isArray(body.groupTypes) ? body.groupTypes.filter((t): t is string => typeof t === 'string') : [];
  const unified = groupTypes.includes('Unified');
  // Mail-enabled security groups and distribution lists cannot be created through Graph.
  if (body.mailEnabled && !unified) throw graphErrors.badRequest('Only security groups and Microsoft 365 groups can be created through Microsoft Graph.');
  const members = bindList(ctx, body, 'members');
  const owners = bindList(ctx, body, 'owners');
  const group: Group = {
    id: ctx.rt.state.random.uuid(),
    displayName: body.displayName,
    securityEnabled: body.securityEnabled,
    mailEnabled: body.mailEnabled,
    createdDateTime: ctx.rt.clock.nowIso(),
    members: [...new Set(members)],
    // Set only at creation (groups-concept: "can't be changed after the group is created").
    ...(body.isAssignableToRole === true ? { isAssignableToRole: true } : {}),
  };
  ctx.directory.groups.set(group.id, group);
  ctx.data.groupExtras.set(group.id, {
    mailNickname: body.mailNickname,
    description: typeof body.description === 'string' ? body.description : null,
    groupTypes,
    isAssignableToRole: typeof body.isAssignableToRole === 'boolean' ? body.isAssignableToRole : null,
    visibility: parseVisibility(body.visibility),
  });
  if (owners.length > 0) ctx.data.owners.set(group.id, new Set(owners));
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
    // learn.microsoft.com/graph/api/group-update: 204; members@odata.bind / owners@odata.bind add up to 20
    // references per request (what CLI for Microsoft 365's `entra group member add` sends, inside $batch).
    method: 'PATCH',
    pattern: '/groups/:id',
    permissions: graphPermissions.updateGroup,
    handle: async (ctx) => {
      const group = findGroupOr404(ctx);
      requireCanManageGroups(ctx);
      const body = canonicalPropertyNames(await readJsonBody(ctx.req), updateKeys);
      for (const key of Object.keys(body)) if (!key.startsWith('@odata.') && !updateKeys.has(key)) throw graphErrors.unknownProperty(key, 'group');
      const members = bindList(ctx, body, 'members');
      const owners = bindList(ctx, body, 'owners');
      if (members.length + owners.length > 20) throw graphErrors.badRequest('The maximum number of references that can be added in one request is 20.');
      if (members.some((m) => group.members.includes(m))) throw alreadyExists('members');
      const currentOwners = ownersOf(ctx, group.id);
      if (owners.some((o) => currentOwners.has(o))) throw alreadyExists('owners');
      const extras = ctx.data.groupExtras.get(group.id) ?? { mailNickname: serializeGroup(group, ctx.data, ctx.directory.defaultDomain).mailNickname as string, description: null, groupTypes: [], isAssignableToRole: null };
      if ('displayName' in body) {
        if (typeof body.displayName !== 'string' || body.displayName === '') throw graphErrors.invalidProperty('displayName', 'Group');
        group.displayName = body.displayName;
      }
      if ('description' in body) {
        if (body.description !== null && typeof body.description !== 'string') throw graphErrors.invalidProperty('description', 'Group');
        extras.description = body.description as string | null;
      }
      if ('mailNickname' in body) {
        if (typeof body.mailNickname !== 'string' || body.mailNickname === '') throw graphErrors.invalidProperty('mailNickname', 'Group');
        extras.mailNickname = body.mailNickname;
      }
      ctx.data.groupExtras.set(group.id, extras);
      group.members.push(...members);
      for (const o of owners) currentOwners.add(o);
      return graphNoContent(ctx.req);
    },
  },
  {
    method: 'GET',
    pattern: '/groups/:id/owners',
    permissions: graphPermissions.listGroupOwners,
    handle: (ctx) => {
      const group = findGroupOr404(ctx);
      return listDirectoryObjects(ctx, [...ownersOf(ctx, group.id)]);
    },
  },
  {
    method: 'POST',
    pattern: '/groups/:id/owners/$ref',
    permissions: graphPermissions.addGroupOwner,
    handle: async (ctx) => {
      const group = findGroupOr404(ctx);
      requireCanManageGroups(ctx);
      const body = canonicalPropertyNames(await readJsonBody(ctx.req), []);
      const ownerId = boundObjectId(ctx, body['@odata.id'], 'owners');
      const owners = ownersOf(ctx, group.id);
      if (owners.has(ownerId)) throw alreadyExists('owners');
      owners.add(ownerId);
      return graphNoContent(ctx.req);
    },
  },
  {
    method: 'DELETE',
    pattern: '/groups/:id/owners/:ownerId/$ref',
    permissions: graphPermissions.removeGroupOwner,
    handle: (ctx) => {
      const group = findGroupOr404(ctx);
      requireCanManageGroups(ctx);
      const ownerId = (ctx.params.ownerId ?? '').toLowerCase();
      const owners = ownersOf(ctx, group.id);
      if (!owners.has(ownerId)) throw graphErrors.notFound(ownerId);
      owners.delete(ownerId);
      return graphNoContent(ctx.req);
    },
  },
  {
    method: 'GET',
    pattern: '/groups/:id/members',
    permissions: graphPermissions.listGroupMembers,
    handle: (ctx) => {
      const group = findGroupOr404(ctx);
      return listDirectoryObjects(ctx, group.members);
    },
  },
  {
    method: 'POST',
    pattern: '/groups/:id/members/$ref',
    permissions: graphPermissions.writeGroupMembers,
    handle: async (ctx) => {
      const group = findGroupOr404(ctx);
      requireCanManageGroups(ctx);
      const memberId = boundObjectId(ctx, (await readJsonBody(ctx.req))['@odata.id'], 'members');
      if (group.members.includes(memberId)) throw alreadyExists('members');
      group.members.push(memberId);
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
