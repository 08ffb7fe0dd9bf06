import { scopeItem, type PermissionItem } from '../../identity/permissionItems';
import type { TenantDirectory } from '../../model/TenantDirectory';
import type { ServicePrincipal } from '../../model/directoryTypes';
import { pcErrors } from '../http/pcErrors';
import type { PartnerCenterFailure } from '../http/PartnerCenterFailure';
import type { ApplicationConsentBody } from './applicationConsentBody';

export interface ResolvedGrant {
  resource: ServicePrincipal;
  /** Canonical scope values as the resource spells them. */
  scopes: string[];
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
      // The identity code's own builder: the same item its consent page and admin consent grant from.
      const item = scopeItem(resource, name);
      if (!item || entry.scopes.includes(item.value)) continue;
      entry.scopes.push(item.value);
      items.push(item);
    }
    grants.set(resource.id, entry);
  }
  return { ok: true, grants: [...grants.values()], items };
}
