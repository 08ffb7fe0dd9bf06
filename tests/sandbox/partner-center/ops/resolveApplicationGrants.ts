import type { PermissionItem } from '../../identity/permissionItems';
import type { TenantDirectory } from '../../model/TenantDirectory';
import type { PermissionScope, ServicePrincipal } from '../../model/directoryTypes';
import { pcErrors } from '../http/pcErrors';
import type { PartnerCenterFailure } from '../http/PartnerCenterFailure';
import type { ApplicationConsentBody } from './applicationConsentBody';

export interface ResolvedGrant {
  resource: ServicePrincipal;
  /** Canonical scope values as the resource spells them. */
  scopes: string[];
}

/** A delegated permission as the identity code's consent machinery takes it (the same fields as its consent page). */
function scopeItem(resource: ServicePrincipal, scope: PermissionScope): PermissionItem {
  return {
    resource,
    kind: 'Scope',
    id: scope.id,
    value: scope.value,
    adminDisplayName: scope.adminConsentDisplayName,
    adminDescription: scope.adminConsentDescription,
    userDisplayName: scope.userConsentDisplayName ?? scope.adminConsentDisplayName,
    userDescription: scope.userConsentDescription ?? scope.adminConsentDescription,
    adminOnly: scope.type === 'Admin',
  };
}

/**
 * Checks each applicationGrant against the customer's directory: the resource service principal must exist there
 * (facts §8.1 requirement) and every name in the comma-separated scope (facts §8.1; not space-separated as in a
 * grant) must be one of its delegated scopes. App roles are not accepted: Partner Center consent is delegated
 * only ("App-only explicit consent not supported under GDAP").
 */
export function resolveApplicationGrants(
  customer: TenantDirectory,
  body: ApplicationConsentBody,
): { ok: true; grants: ResolvedGrant[]; items: PermissionItem[] } | { ok: false; error: PartnerCenterFailure } {
  const grants = new Map<string, ResolvedGrant>();
  const items: PermissionItem[] = [];
  for (const grant of body.applicationGrants) {
    const resource = customer.findServicePrincipalByAppId(grant.enterpriseApplicationId);
    if (!resource) {
      return {
        ok: false,
        error: pcErrors.badRequest(`The service principal for enterprise application ${grant.enterpriseApplicationId} does not exist in the customer tenant.`),
      };
    }
    const names = grant.scope.split(',').map((s) => s.trim()).filter(Boolean);
    if (names.length === 0) return { ok: false, error: pcErrors.badRequest(`The scope for enterprise application ${resource.appId} is empty.`) };
    const unknown = names.filter((n) => !resource.oauth2PermissionScopes.some((s) => s.isEnabled && s.value.toLowerCase() === n.toLowerCase()));
    if (unknown.length > 0) {
      return { ok: false, error: pcErrors.badRequest(`The scope(s) ${unknown.join(', ')} do not exist on ${resource.displayName} (${resource.appId}).`) };
    }
    const entry = grants.get(resource.id) ?? { resource, scopes: [] };
    for (const name of names) {
      const scope = resource.oauth2PermissionScopes.find((s) => s.value.toLowerCase() === name.toLowerCase());
      if (!scope || entry.scopes.includes(scope.value)) continue;
      entry.scopes.push(scope.value);
      items.push(scopeItem(resource, scope));
    }
    grants.set(resource.id, entry);
  }
  return { ok: true, grants: [...grants.values()], items };
}
