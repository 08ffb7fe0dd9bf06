import type { OAuth2PermissionGrant } from '../../model/directoryTypes';
import { graphPermissions } from '../auth/graphPermissions';
import { requireDirectoryRole } from '../auth/requireDirectoryRole';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { graphErrors } from '../http/graphErrors';
import { GraphHttpError } from '../http/GraphHttpError';
import { graphNoContent } from '../http/graphReplies';
import { readJsonBody } from '../http/readJsonBody';
import { entityReply } from '../odata/entityReply';
import { listCollection, type CollectionSpec } from '../odata/listCollection';
import { findServicePrincipalOr404, requireReplicated } from '../ops/findServicePrincipal';
import { serializeGrant } from '../serialize/serializeGrant';
import { canonicalPropertyNames } from '../odata/canonicalPropertyNames';

const grantProperties = ['clientId', 'consentType', 'id', 'principalId', 'resourceId', 'scope'];

function spec(contextFragment: string): CollectionSpec<OAuth2PermissionGrant> {
  return {
    contextFragment,
    resourceName: 'OAuth2PermissionGrant',
    typeName: 'oAuth2PermissionGrant',
    filterable: {
      id: (g) => g.id,
      clientid: (g) => g.clientId,
      resourceid: (g) => g.resourceId,
      consenttype: (g) => g.consentType,
      principalid: (g) => g.principalId,
    },
    serialize: serializeGrant,
  };
}

function normaliseScope(scope: string): string {
  return [...new Set(scope.split(' ').filter(Boolean))].join(' ');
}

function findGrantOr404(ctx: GraphContext): OAuth2PermissionGrant {
  const id = ctx.params.id ?? '';
  const grant = ctx.directory.oauth2PermissionGrants.get(id);
  if (!grant) throw graphErrors.notFound(id);
  return grant;
}

/**
 * POST /oauth2PermissionGrants (facts §5.1): client and resource must be service principals of this tenant,
 * AllPrincipals has no principalId, Principal needs a user. A second grant for the same (client, resource,
 * consentType, principal) is "Permission entry already exists." (400, or 409 by setting).
 */
async function createGrant(ctx: GraphContext) {
  requireDirectoryRole(ctx.caller, ctx.settings.tenantWideConsentRoles);
  const body = canonicalPropertyNames(await readJsonBody(ctx.req), grantProperties);
  for (const key of ['clientId', 'consentType', 'resourceId'] as const) {
    if (typeof body[key] !== 'string') throw graphErrors.missingProperty(key, 'OAuth2PermissionGrant');
  }
  const clientId = (body.clientId as string).toLowerCase();
  const resourceId = (body.resourceId as string).toLowerCase();
  const consentType = body.consentType as string;
  if (consentType !== 'AllPrincipals' && consentType !== 'Principal') throw graphErrors.invalidProperty('consentType', 'OAuth2PermissionGrant');
  const principalId = typeof body.principalId === 'string' ? body.principalId.toLowerCase() : null;
  if (consentType === 'Principal' && (!principalId || !ctx.directory.users.has(principalId))) {
    throw graphErrors.invalidProperty('principalId', 'OAuth2PermissionGrant');
  }
  if (consentType === 'AllPrincipals' && principalId) throw graphErrors.invalidProperty('principalId', 'OAuth2PermissionGrant');
  const client = ctx.directory.servicePrincipals.get(clientId);
  const resource = ctx.directory.servicePrincipals.get(resourceId);
  // facts §4.2: references to missing (or not yet replicated) service principals.
  if (!client) throw new GraphHttpError(404, 'Directory_ObjectNotFound', `Resource '${clientId}' does not exist or one of its queried reference-property objects are not present.`);
  if (!resource) throw new GraphHttpError(404, 'Directory_ObjectNotFound', `Resource '${resourceId}' does not exist or one of its queried reference-property objects are not present.`);
  requireReplicated(ctx, client);
  requireReplicated(ctx, resource);
  if (body.scope !== undefined && typeof body.scope !== 'string') throw graphErrors.invalidProperty('scope', 'OAuth2PermissionGrant');
  const exists = ctx.directory
    .grantsFor(clientId, resourceId)
    .some((g) => g.consentType === consentType && g.principalId === (consentType === 'Principal' ? principalId : null));
  if (exists) {
    if (ctx.settings.duplicateGrantStatus === 409) throw graphErrors.conflict('Permission entry already exists.');
    throw graphErrors.badRequest('Permission entry already exists.');
  }
  const grant: OAuth2PermissionGrant = {
    // Grant ids are opaque base64url strings (facts §5.1), built like the model's.
    id: Buffer.from(`${clientId}${resourceId}${ctx.rt.state.random.uuid()}`.replace(/-/g, ''), 'hex').toString('base64url'),
    clientId,
    consentType,
    principalId: consentType === 'Principal' ? principalId : null,
    resourceId,
    scope: normaliseScope((body.scope as string | undefined) ?? ''),
  };
  ctx.directory.oauth2PermissionGrants.set(grant.id, grant);
  return entityReply(ctx, 201, 'oauth2PermissionGrants', 'oAuth2PermissionGrant', serializeGrant(grant));
}

export const grantRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/oauth2PermissionGrants',
    permissions: graphPermissions.listGrants,
    handle: (ctx) => listCollection(ctx, [...ctx.directory.oauth2PermissionGrants.values()], spec('oauth2PermissionGrants')),
  },
  { method: 'POST', pattern: '/oauth2PermissionGrants', permissions: graphPermissions.writeGrant, handle: createGrant },
  {
    method: 'GET',
    pattern: '/oauth2PermissionGrants/:id',
    permissions: graphPermissions.getGrant,
    handle: (ctx) => entityReply(ctx, 200, 'oauth2PermissionGrants', 'oAuth2PermissionGrant', serializeGrant(findGrantOr404(ctx))),
  },
  {
    // facts §5.1: PATCH {"scope": "..."} narrows or widens; 204.
    method: 'PATCH',
    pattern: '/oauth2PermissionGrants/:id',
    permissions: graphPermissions.writeGrant,
    handle: async (ctx) => {
      const grant = findGrantOr404(ctx);
      requireDirectoryRole(ctx.caller, ctx.settings.tenantWideConsentRoles);
      const body = canonicalPropertyNames(await readJsonBody(ctx.req), grantProperties);
      for (const key of Object.keys(body)) {
        if (key.startsWith('@odata.')) continue;
        if (key !== 'scope') throw graphErrors.badRequest(`Property '${key}' cannot be updated.`);
      }
      if (typeof body.scope !== 'string') throw graphErrors.invalidProperty('scope', 'OAuth2PermissionGrant');
      grant.scope = normaliseScope(body.scope);
      return graphNoContent(ctx.req);
    },
  },
  {
    method: 'DELETE',
    pattern: '/oauth2PermissionGrants/:id',
    permissions: graphPermissions.writeGrant,
    handle: (ctx) => {
      const grant = findGrantOr404(ctx);
      requireDirectoryRole(ctx.caller, ctx.settings.tenantWideConsentRoles);
      ctx.directory.oauth2PermissionGrants.delete(grant.id);
      return graphNoContent(ctx.req);
    },
  },
  {
    method: 'GET',
    pattern: '/servicePrincipals/:key/oauth2PermissionGrants',
    permissions: graphPermissions.listSpGrants,
    handle: (ctx) => {
      const sp = findServicePrincipalOr404(ctx, ctx.params.key ?? '');
      const items = [...ctx.directory.oauth2PermissionGrants.values()].filter((g) => g.clientId === sp.id);
      return listCollection(ctx, items, spec('oauth2PermissionGrants'));
    },
  },
];
