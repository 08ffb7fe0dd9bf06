import type { TenantDirectory } from '../model/TenantDirectory';
import type { Application, ServicePrincipal } from '../model/directoryTypes';
import { delegatedConsentRoles, graphAppId, graphAppRoleConsentRoles } from '../model/wellKnownIds';
import type { ScopeRequest } from './parseScopeRequest';

/** One permission as the consent page lists it. */
export interface PermissionItem {
  resource: ServicePrincipal;
  kind: 'Scope' | 'Role';
  id: string;
  value: string;
  adminDisplayName: string;
  adminDescription: string;
  userDisplayName: string;
  userDescription: string;
  /** Delegated scopes with type 'Admin', and every app role, need an administrator. */
  adminOnly: boolean;
}

/** A resource's delegated scope by value (case-insensitive, as Entra matches them), as the consent page lists it. */
export function scopeItem(resource: ServicePrincipal, value: string): PermissionItem | null {
  const s = resource.oauth2PermissionScopes.find((x) => x.value.toLowerCase() === value.toLowerCase());
  if (!s) return null;
  return {
    resource,
    kind: 'Scope',
    id: s.id,
    value: s.value,
    adminDisplayName: s.adminConsentDisplayName,
    adminDescription: s.adminConsentDescription,
    userDisplayName: s.userConsentDisplayName ?? s.adminConsentDisplayName,
    userDescription: s.userConsentDescription ?? s.adminConsentDescription,
    adminOnly: s.type === 'Admin',
  };
}

/** The scope values granted to a client on a resource for a user: AllPrincipals plus the user's own grant. */
export function grantedScopeValues(
  directory: TenantDirectory,
  clientSp: ServicePrincipal | undefined,
  resource: ServicePrincipal,
  userId: string | null,
): string[] {
  if (!clientSp) return [];
  const values = new Map<string, string>();
  for (const grant of directory.grantsFor(clientSp.id, resource.id)) {
    if (grant.consentType === 'Principal' && grant.principalId !== userId) continue;
    for (const v of grant.scope.split(' ').filter(Boolean)) values.set(v.toLowerCase(), v);
  }
  return [...values.values()];
}

/**
 * The app's statically configured permissions (requiredResourceAccess) as items; `.default` and the v1 admin
 * consent endpoint consent to exactly these (facts §6.1, §6.2).
 */
export function staticPermissionItems(directory: TenantDirectory, app: Application, onlyResourceAppId?: string): PermissionItem[] {
  const items: PermissionItem[] = [];
  for (const rra of app.requiredResourceAccess) {
    if (onlyResourceAppId && rra.resourceAppId !== onlyResourceAppId) continue;
    const resource = directory.findServicePrincipalByAppId(rra.resourceAppId);
    if (!resource) continue;
    for (const access of rra.resourceAccess) {
      if (access.type === 'Scope') {
        const s = resource.oauth2PermissionScopes.find((x) => x.id === access.id);
        const item = s ? scopeItem(resource, s.value) : null;
        if (item) items.push(item);
      } else {
        const r = resource.appRoles.find((x) => x.id === access.id);
        if (r) {
          items.push({
            resource,
            kind: 'Role',
            id: r.id,
            value: r.value,
            adminDisplayName: r.displayName,
            adminDescription: r.description,
            userDisplayName: r.displayName,
            userDescription: r.description,
            adminOnly: true,
          });
        }
      }
    }
  }
  return items;
}

/** Delegated permissions a sign-in asks for: the OIDC scopes (on Graph) plus the resource's named or static scopes. */
export function requestedDelegatedItems(directory: TenantDirectory, app: Application, request: ScopeRequest): PermissionItem[] {
  const items: PermissionItem[] = [];
  const graph = directory.findServicePrincipalByAppId(graphAppId);
  if (graph) {
    for (const value of request.oidc) {
      const item = scopeItem(graph, value);
      if (item) items.push(item);
    }
  }
  if (request.isDefault) {
    items.push(...staticPermissionItems(directory, app, request.resource.appId).filter((i) => i.kind === 'Scope'));
  } else {
    for (const value of request.values) {
      const item = scopeItem(request.resource, value);
      if (item) items.push(item);
    }
  }
  return items;
}

/** Items not yet granted to the client for this user (delegated) or as app role assignments (application). */
export function missingItems(
  directory: TenantDirectory,
  clientSp: ServicePrincipal | undefined,
  items: readonly PermissionItem[],
  userId: string | null,
): PermissionItem[] {
  return items.filter((item) => {
    if (item.kind === 'Role') {
      return !clientSp || !directory.assignmentsOf(clientSp.id, item.resource.id).some((a) => a.appRoleId === item.id);
    }
    const granted = grantedScopeValues(directory, clientSp, item.resource, userId).map((v) => v.toLowerCase());
    return !granted.includes(item.value.toLowerCase());
  });
}

/** Whether someone holding `roles` (role template ids in the tenant) may consent to every item. */
export function canConsentTo(items: readonly PermissionItem[], roles: readonly string[]): boolean {
  return items.every((item) => {
    if (!item.adminOnly) return true;
    const needed = item.kind === 'Role' && item.resource.appId === graphAppId ? graphAppRoleConsentRoles : delegatedConsentRoles;
    return roles.some((r) => needed.includes(r));
  });
}
