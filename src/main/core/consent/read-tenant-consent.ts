import type { Evidence, PermissionRef } from '../../../shared/domain/client-tenants';
import type { ConsentTarget } from './consent-target';
import { resourceName } from './consent-target';
import { HttpFailure } from './http-client';
import type { TenantGraph } from './tenant-graph';

export interface ResourceSp {
  id: string;
  appId: string;
  displayName?: string;
  appRoles?: { id: string; value: string | null }[];
  oauth2PermissionScopes?: { id: string; value: string }[];
}

/**
 * A resource's app roles (ID and value) by its appId, read from the first tenant of a run and reused for the
 * others. An app role's ID is defined on the resource's application and is the same in every tenant (the Graph
 * permissions reference lists one ID per permission, learn.microsoft.com/graph/permissions-reference; facts §5.3
 * lists them), so a run need not download Microsoft Graph's ~700 app roles (about 250 KB) once per tenant.
 */
export type AppRoleCatalog = Map<string, { id: string; value: string | null }[]>;

export interface TenantConsentState {
  sp: { id: string } | null;
  /** Per resource appId: its service principal in the tenant (null when the tenant has none). */
  resources: Map<string, ResourceSp | null>;
  /** Per resource appId: the tenant-wide grant's id and scopes. */
  grants: Map<string, { id: string; scopes: string[] }>;
  /** Per resource appId: app role values assigned to the app. */
  roles: Map<string, string[]>;
}

const quote = (s: string) => s.replace(/'/g, "''");

async function servicePrincipalByAppId<T>(graph: TenantGraph, appId: string, select: string): Promise<T | null> {
  try {
    return await graph.get<T>(`/servicePrincipals(appId='${quote(appId)}')?$select=${select}`);
  } catch (error) {
    if (error instanceof HttpFailure && error.status === 404) return null;
    throw error;
  }
}

/**
 * What the tenant itself says about the app (never our own table): its service principal, the
 * tenant-wide (AllPrincipals) delegated grants it holds, and the app roles assigned to it, read
 * with the partner admin's GDAP token (facts §5).
 */
export async function readTenantConsent(
  graph: TenantGraph,
  target: ConsentTarget,
  resources?: Map<string, ResourceSp | null>,
  appRoleCatalog?: AppRoleCatalog,
): Promise<TenantConsentState> {
  const resourceIds = [...new Set([...target.delegated.map((d) => d.resourceAppId), ...target.application.map((a) => a.resourceAppId)])];
  const known = resources ?? new Map<string, ResourceSp | null>();
  const needRoles = new Set(target.application.map((a) => a.resourceAppId));
  // The resources and the app's own service principal are independent reads, and so are its grants and each
  // resource's assignments: each pair goes at once, two round trips fewer for every tenant.
  const [, sp] = await Promise.all([
    Promise.all(
      resourceIds
        .filter((id) => !known.has(id))
        .map(async (id) => {
          // The resource's app roles are needed only to turn role IDs into names; once a run has them, the tenant's
          // service principal is read without them (see AppRoleCatalog).
          const catalogued = needRoles.has(id) ? appRoleCatalog?.get(id) : undefined;
          const select = needRoles.has(id) && !catalogued ? 'id,appId,displayName,appRoles' : 'id,appId,displayName';
          const resource = await servicePrincipalByAppId<ResourceSp>(graph, id, select);
          if (resource && catalogued) resource.appRoles = catalogued;
          else if (resource?.appRoles && needRoles.has(id)) appRoleCatalog?.set(id, resource.appRoles.map((r) => ({ id: r.id, value: r.value })));
          known.set(id, resource);
        }),
    ),
    servicePrincipalByAppId<{ id: string }>(graph, target.appId, 'id,appId'),
  ]);
  const grants = new Map<string, { id: string; scopes: string[] }>();
  const roles = new Map<string, string[]>();
  if (sp) {
    const readGrants = async () => {
      const all = await graph.list<{ id: string; clientId: string; consentType: string; resourceId: string; scope: string | null }>(
        `/oauth2PermissionGrants?$filter=clientId eq '${sp.id}'`,
      );
      for (const [appId, resource] of known) {
        if (!resource) continue;
        const grant = all.find((g) => g.consentType === 'AllPrincipals' && g.resourceId === resource.id);
        if (grant) grants.set(appId, { id: grant.id, scopes: (grant.scope ?? '').split(' ').filter(Boolean) });
      }
    };
    const readRoles = async (appId: string) => {
      const resource = known.get(appId);
      if (!resource) return;
      const assigned = await graph.list<{ appRoleId: string; principalId: string }>(
        `/servicePrincipals/${resource.id}/appRoleAssignedTo?$filter=principalId eq '${sp.id}'`,
      );
      roles.set(
        appId,
        assigned
          .filter((a) => a.principalId === sp.id)
          .map((a) => resource.appRoles?.find((r) => r.id === a.appRoleId)?.value)
          .filter((v): v is string => typeof v === 'string'),
      );
    };
    await Promise.all([readGrants(), ...[...needRoles].map(readRoles)]);
  }
  return { sp, resources: known, grants, roles };
}

/** What the target asks and the tenant lacks. */
export function missingPermissions(target: ConsentTarget, state: TenantConsentState): PermissionRef[] {
  const missing: PermissionRef[] = [];
  for (const d of target.delegated) {
    const have = new Set((state.grants.get(d.resourceAppId)?.scopes ?? []).map((s) => s.toLowerCase()));
    for (const value of d.scopes) {
      if (!have.has(value.toLowerCase())) missing.push({ resourceAppId: d.resourceAppId, resourceName: resourceName(d.resourceAppId), value, type: 'delegated' });
    }
  }
  for (const a of target.application) {
    const have = new Set(state.roles.get(a.resourceAppId) ?? []);
    for (const value of a.roles) {
      if (!have.has(value)) missing.push({ resourceAppId: a.resourceAppId, resourceName: resourceName(a.resourceAppId), value, type: 'application' });
    }
  }
  return missing;
}

/** The evidence lines a status rests on, from one read of the tenant. */
export function evidenceOf(target: ConsentTarget, state: TenantConsentState): Evidence[] {
  const evidence: Evidence[] = [
    state.sp
      ? { check: 'servicePrincipal', ok: true, detail: `Service principal ${state.sp.id} for app ${target.appId}.` }
      : { check: 'servicePrincipal', ok: false, detail: `No service principal for app ${target.appId}.` },
  ];
  if (!state.sp) return evidence;
  for (const d of target.delegated) {
    const grant = state.grants.get(d.resourceAppId);
    evidence.push(
      grant
        ? { check: 'delegatedGrant', ok: true, detail: `${resourceName(d.resourceAppId)}: tenant-wide grant of “${grant.scopes.join(' ')}”.` }
        : { check: 'delegatedGrant', ok: false, detail: `${resourceName(d.resourceAppId)}: no tenant-wide grant.` },
    );
  }
  for (const a of target.application) {
    const roles = state.roles.get(a.resourceAppId) ?? [];
    evidence.push({ check: 'appRoleAssignment', ok: a.roles.every((r) => roles.includes(r)), detail: `${resourceName(a.resourceAppId)}: app roles assigned: ${roles.join(', ') || 'none'}.` });
  }
  return evidence;
}
