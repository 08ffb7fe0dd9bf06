import { assignAppRole } from '../../model/assignAppRole';
import type { AppRoleAssignment, ServicePrincipal } from '../../model/directoryTypes';
import { defaultAccessAppRoleId, graphAppId, graphAppRoleConsentRoles } from '../../model/wellKnownIds';
import { graphPermissions } from '../auth/graphPermissions';
import { requireDirectoryRole } from '../auth/requireDirectoryRole';
import type { GraphContext } from '../GraphContext';
import type { GraphRoute } from '../GraphRoute';
import { graphErrors } from '../http/graphErrors';
import { graphNoContent } from '../http/graphReplies';
import { readJsonBody } from '../http/readJsonBody';
import { entityReply } from '../odata/entityReply';
import { listCollection } from '../odata/listCollection';
import { canonicalPropertyNames } from '../odata/canonicalPropertyNames';
import { findServicePrincipalOr404, requireReplicated, requireReplicatedReference } from '../ops/findServicePrincipal';
import { serializeAppRoleAssignment } from '../serialize/serializeAppRoleAssignment';

function resolvePrincipal(ctx: GraphContext, principalId: string): { type: AppRoleAssignment['principalType']; displayName: string; sp?: ServicePrincipal } {
  const id = principalId.toLowerCase();
  const user = ctx.directory.users.get(id);
  if (user) return { type: 'User', displayName: user.displayName };
  const group = ctx.directory.groups.get(id);
  if (group) return { type: 'Group', displayName: group.displayName };
  const sp = ctx.directory.servicePrincipals.get(id);
  if (sp) {
    requireReplicatedReference(ctx, sp);
    return { type: 'ServicePrincipal', displayName: sp.displayName, sp };
  }
  throw graphErrors.notFound(principalId);
}

/**
 * Assigning a group to an app needs Microsoft Entra ID P1 or P2: "Group-based assignment requires Microsoft Entra ID
 * P1 or P2 edition" (learn.microsoft.com/entra/identity/enterprise-apps/assign-user-or-group-access-portal); on the
 * Free plan only users can be assigned. The admin center says "Groups are not available for assignment due to your
 * Active Directory plan level. You can assign individual users to the application." (MicrosoftDocs/azure-docs#83577).
 * [UNVERIFIED] how Graph itself answers a group principal on Free: searched the docs, issues and code corpora (Graph
 * docs, azure-docs, terraform-provider-azuread, entra-powershell, msgraph SDKs) and found no recorded Graph response;
 * modelled as a 400 Request_BadRequest carrying the admin center's wording, the form Graph uses for other licence
 * refusals in the directory (e.g. "License ... does not correspond to a valid company License", manicminer/hamilton#288).
 */
function requireGroupAssignmentLicence(ctx: GraphContext): void {
  if (ctx.rt.settings.tenantPolicies[ctx.directory.id]?.entraIdPlan !== 'free') return;
  throw graphErrors.badRequest('Groups are not available for assignment due to your Active Directory plan level. You can assign individual users to the application.', 'principalId');
}

const assignmentProperties = ['principalId', 'resourceId', 'appRoleId', 'principalType', 'principalDisplayName', 'resourceDisplayName', 'createdDateTime', 'id'];

/**
 * POST /servicePrincipals/{resource}/appRoleAssignedTo and its principal side, POST /servicePrincipals/{client}/
 * appRoleAssignments (facts §5.2, §12.2; learn.microsoft.com/graph/api/serviceprincipal-post-approleassignments:
 * the same body, principalId being the service principal in the URL). Granting a Microsoft Graph app role to a
 * service principal is admin consent to an application permission: Global or Privileged Role Administrator only.
 * Other assignments (users/groups, other APIs): the tenant-wide consent roles.
 */
async function createAssignment(ctx: GraphContext, side: { resource: ServicePrincipal } | { principal: ServicePrincipal }) {
  const body = canonicalPropertyNames(await readJsonBody(ctx.req), assignmentProperties);
  for (const key of ['principalId', 'resourceId', 'appRoleId'] as const) {
    if (typeof body[key] !== 'string') throw graphErrors.missingProperty(key, 'AppRoleAssignment');
  }
  if ('principal' in side && (body.principalId as string).toLowerCase() !== side.principal.id) {
    throw graphErrors.badRequest('The principalId in the request body must match the service principal in the URL.', 'principalId');
  }
  const resource = 'resource' in side ? side.resource : ctx.directory.servicePrincipals.get((body.resourceId as string).toLowerCase());
  if (!resource) throw graphErrors.notFound(body.resourceId as string);
  const { principalId, resourceId, appRoleId } = body as { principalId: string; resourceId: string; appRoleId: string };
  if (resourceId.toLowerCase() !== resource.id) throw graphErrors.badRequest('The resourceId in the request body must match the service principal in the URL.', 'resourceId');
  requireReplicated(ctx, resource);
  const principal = resolvePrincipal(ctx, principalId);
  if (principal.type === 'Group') requireGroupAssignmentLicence(ctx);
  const role = resource.appRoles.find((r) => r.id === appRoleId.toLowerCase());
  const memberType = principal.type === 'ServicePrincipal' ? 'Application' : 'User';
  const defaultAccess = appRoleId === defaultAccessAppRoleId && resource.appRoles.filter((r) => r.allowedMemberTypes.includes(memberType)).length === 0;
  if (!defaultAccess && (!role || !role.isEnabled || !role.allowedMemberTypes.includes(memberType))) {
    throw graphErrors.badRequest(`Permission being assigned was not found on application '${resource.appId}'.`);
  }
  const isGraphAppPermission = resource.appId === graphAppId && principal.type === 'ServicePrincipal';
  requireDirectoryRole(ctx.caller, isGraphAppPermission ? graphAppRoleConsentRoles : ctx.settings.tenantWideConsentRoles);
  const duplicate = ctx.directory.assignmentsOf(principalId.toLowerCase(), resource.id).some((a) => a.appRoleId === appRoleId.toLowerCase());
  // facts §5.2 [OBS].
  if (duplicate) throw graphErrors.badRequest('Permission being assigned already exists on the object');
  const assignment = assignAppRole(ctx.rt.state, ctx.directory.id, {
    principalId: principalId.toLowerCase(),
    principalType: principal.type,
    principalDisplayName: principal.displayName,
    resourceId: resource.id,
    appRoleId: appRoleId.toLowerCase(),
  });
  const fragment = 'principal' in side ? `servicePrincipals('${side.principal.id}')/appRoleAssignments` : `servicePrincipals('${resource.id}')/appRoleAssignedTo`;
  return entityReply(ctx, 201, fragment, 'appRoleAssignment', serializeAppRoleAssignment(assignment));
}

export const appRoleAssignmentRoutes: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/servicePrincipals/:key/appRoleAssignments',
    permissions: graphPermissions.listAppRoleAssignments,
    handle: (ctx) => {
      const sp = findServicePrincipalOr404(ctx, ctx.params.key ?? '');
      const items = [...ctx.directory.appRoleAssignments.values()].filter((a) => a.principalId === sp.id);
      return listCollection(ctx, items, {
        contextFragment: `servicePrincipals('${sp.id}')/appRoleAssignments`,
        resourceName: 'AppRoleAssignment',
        typeName: 'appRoleAssignment',
        filterable: { resourceid: (a) => a.resourceId, approleid: (a) => a.appRoleId },
        serialize: serializeAppRoleAssignment,
      });
    },
  },
  {
    method: 'POST',
    pattern: '/servicePrincipals/:key/appRoleAssignments',
    permissions: graphPermissions.createAppRoleAssignment,
    handle: (ctx) => {
      const principal = findServicePrincipalOr404(ctx, ctx.params.key ?? '');
      requireReplicated(ctx, principal);
      return createAssignment(ctx, { principal });
    },
  },
  {
    method: 'GET',
    pattern: '/servicePrincipals/:key/appRoleAssignedTo',
    permissions: graphPermissions.listAppRoleAssignedTo,
    handle: (ctx) => {
      const sp = findServicePrincipalOr404(ctx, ctx.params.key ?? '');
      const items = [...ctx.directory.appRoleAssignments.values()].filter((a) => a.resourceId === sp.id);
      return listCollection(ctx, items, {
        contextFragment: `servicePrincipals('${sp.id}')/appRoleAssignedTo`,
        resourceName: 'AppRoleAssignment',
        typeName: 'appRoleAssignment',
        filterable: { principalid: (a) => a.principalId, approleid: (a) => a.appRoleId, principaltype: (a) => a.principalType },
        serialize: serializeAppRoleAssignment,
      });
    },
  },
  {
    method: 'POST',
    pattern: '/servicePrincipals/:key/appRoleAssignedTo',
    permissions: graphPermissions.createAppRoleAssignedTo,
    handle: (ctx) => createAssignment(ctx, { resource: findServicePrincipalOr404(ctx, ctx.params.key ?? '') }),
  },
  {
    method: 'DELETE',
    pattern: '/servicePrincipals/:key/appRoleAssignedTo/:assignmentId',
    permissions: graphPermissions.deleteAppRoleAssignedTo,
    handle: (ctx) => {
      const sp = findServicePrincipalOr404(ctx, ctx.params.key ?? '');
      const assignment = ctx.directory.appRoleAssignments.get(ctx.params.assignmentId ?? '');
      if (!assignment || assignment.resourceId !== sp.id) throw graphErrors.notFound(ctx.params.assignmentId ?? '');
      const isGraphAppPermission = sp.appId === graphAppId && assignment.principalType === 'ServicePrincipal';
      requireDirectoryRole(ctx.caller, isGraphAppPermission ? graphAppRoleConsentRoles : ctx.settings.tenantWideConsentRoles);
      ctx.directory.appRoleAssignments.delete(assignment.id);
      return graphNoContent(ctx.req);
    },
  },
];

