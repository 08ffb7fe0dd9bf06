import { isApplicationReplicated } from '../../model/createApplication';
import { ensureServicePrincipal } from '../../model/ensureServicePrincipal';
import type { ServicePrincipal } from '../../model/directoryTypes';
import { recordCreatorAsOwner, requireCanManageObject } from '../auth/applicationAccess';
import { applicationManagerRoles } from '../auth/directoryRoleIds';
import { graphPermissions } from '../auth/graphPermissions';
import { holdsAnyRole } from '../auth/requireDirectoryRole';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { graphErrors } from '../http/graphErrors';
import { GraphHttpError } from '../http/GraphHttpError';
import { graphNoContent } from '../http/graphReplies';
import { readJsonBody } from '../http/readJsonBody';
import { entityReply } from '../odata/entityReply';
import { listCollection, listDirectoryObjects } from '../odata/listCollection';
import { findServicePrincipalOr404 } from '../ops/findServicePrincipal';
import { canonicalPropertyNames } from '../odata/canonicalPropertyNames';
import { serializeServicePrincipal } from '../serialize/serializeServicePrincipal';

/** facts §4.2: the appId does not name an application this tenant may install. */
function noBackingApplication(appId: string): GraphHttpError {
  const message = `The appId '${appId}' of the service principal does not reference a valid application object.`;
  return new GraphHttpError(400, 'Request_BadRequest', message, { details: [{ code: 'NoBackingApplicationObject', message, target: 'appId' }] });
}

/**
 * POST /servicePrincipals {appId} (facts §4.1): installs an application in the caller's tenant. Multi-tenant
 * apps can be installed anywhere, single-tenant ones only at home. A new application is invisible here for
 * SandboxSettings.replication.applicationDelayMs (facts §4.2). Duplicate -> 409 with ObjectConflict details.
 */
function createServicePrincipal(ctx: GraphContext, body: Record<string, unknown>) {
  if (typeof body.appId !== 'string' || body.appId === '') throw graphErrors.missingProperty('appId', 'ServicePrincipal');
  const appId = body.appId.toLowerCase();
  const app = ctx.rt.state.findApplication(appId);
  const installable = app && (app.signInAudience !== 'AzureADMyOrg' || app.sandbox.homeTenantId === ctx.directory.id);
  if (!app || !installable) throw noBackingApplication(body.appId);
  const replication = ctx.rt.settings.replication;
  if (!isApplicationReplicated(ctx.rt.state, app, replication.applicationDelayMs)) {
    // SandboxSettings.replication.servicePrincipalCreateError says which of Microsoft's two answers (sources there).
    if (replication.servicePrincipalCreateError === '400') throw noBackingApplication(body.appId);
    throw new GraphHttpError(403, 'Authorization_RequestDenied', 'When using this permission, the backing application of the service principal being created must in the local tenant');
  }
  // Delegated: app admins anywhere; otherwise only the owner of the app, in its home tenant.
  const owner = app.sandbox.homeTenantId === ctx.directory.id && ctx.data.owners.get(app.id)?.has(ctx.caller.objectId);
  if (!holdsAnyRole(ctx.caller, applicationManagerRoles) && !owner) throw graphErrors.insufficientPrivileges();
  if (ctx.directory.findServicePrincipalByAppId(appId)) {
    throw graphErrors.conflict(
      `The service principal cannot be created, updated, or restored because the service principal name ${appId} is already in use.`,
    );
  }
  const sp = ensureServicePrincipal(ctx.rt.state, ctx.directory.id, app);
  if (typeof body.appRoleAssignmentRequired === 'boolean') sp.appRoleAssignmentRequired = body.appRoleAssignmentRequired;
  if (Array.isArray(body.tags)) sp.tags = body.tags.filter((t): t is string => typeof t === 'string');
  recordCreatorAsOwner(ctx, sp.id);
  return entityReply(ctx, 201, 'servicePrincipals', 'servicePrincipal', serializeServicePrincipal(sp));
}

const writableSpProperties = new Set(['appRoleAssignmentRequired', 'accountEnabled', 'tags', 'displayName']);

const filterable: Record<string, (sp: ServicePrincipal) => unknown> = {
  id: (sp) => sp.id,
  appid: (sp) => sp.appId,
  displayname: (sp) => sp.displayName,
  serviceprincipaltype: (sp) => sp.servicePrincipalType,
  appownerorganizationid: (sp) => sp.appOwnerOrganizationId,
  accountenabled: (sp) => sp.accountEnabled,
};

export const servicePrincipalRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/servicePrincipals/:key/owners',
    permissions: graphPermissions.listServicePrincipalOwners,
    handle: (ctx) => {
      const sp = findServicePrincipalOr404(ctx, ctx.params.key ?? '');
      return listDirectoryObjects(ctx, [...(ctx.data.owners.get(sp.id) ?? [])]);
    },
  },
  {
    method: 'GET',
    pattern: '/servicePrincipals',
    permissions: graphPermissions.listServicePrincipals,
    handle: (ctx) =>
      listCollection(ctx, [...ctx.directory.servicePrincipals.values()], {
        contextFragment: 'servicePrincipals',
        resourceName: 'ServicePrincipal',
        typeName: 'servicePrincipal',
        filterable,
        serialize: serializeServicePrincipal,
      }),
  },
  {
    method: 'POST',
    pattern: '/servicePrincipals',
    permissions: graphPermissions.createServicePrincipal,
    handle: async (ctx) => createServicePrincipal(ctx, canonicalPropertyNames(await readJsonBody(ctx.req), ['appId', 'appRoleAssignmentRequired', 'tags', ...writableSpProperties])),
  },
  {
    method: 'GET',
    pattern: '/servicePrincipals/:key',
    permissions: graphPermissions.getServicePrincipal,
    handle: (ctx) =>
      entityReply(ctx, 200, 'servicePrincipals', 'servicePrincipal', serializeServicePrincipal(findServicePrincipalOr404(ctx, ctx.params.key ?? ''))),
  },
  {
    // facts §12.2: PATCH {"appRoleAssignmentRequired": true} -> 204.
    method: 'PATCH',
    pattern: '/servicePrincipals/:key',
    permissions: graphPermissions.updateServicePrincipal,
    handle: async (ctx) => {
      const sp = findServicePrincipalOr404(ctx, ctx.params.key ?? '');
      requireCanManageObject(ctx, sp.id);
      const body = canonicalPropertyNames(await readJsonBody(ctx.req), writableSpProperties);
      for (const [key, value] of Object.entries(body)) {
        if (key.startsWith('@odata.')) continue;
        if (!writableSpProperties.has(key)) throw graphErrors.unknownProperty(key, 'servicePrincipal');
        const ok = key === 'tags' ? Array.isArray(value) && value.every((t) => typeof t === 'string') : key === 'displayName' ? typeof value === 'string' : typeof value === 'boolean';
        if (!ok) throw graphErrors.invalidProperty(key, 'ServicePrincipal');
      }
      if (typeof body.appRoleAssignmentRequired === 'boolean') sp.appRoleAssignmentRequired = body.appRoleAssignmentRequired;
      if (typeof body.accountEnabled === 'boolean') sp.accountEnabled = body.accountEnabled;
      if (typeof body.displayName === 'string') sp.displayName = body.displayName;
      if (Array.isArray(body.tags)) sp.tags = body.tags as string[];
      return graphNoContent(ctx.req);
    },
  },
];
