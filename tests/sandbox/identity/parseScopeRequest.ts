import type { TenantDirectory } from '../model/TenantDirectory';
import type { Application, ServicePrincipal } from '../model/directoryTypes';
import { graphAppId, oidcScopes } from '../model/wellKnownIds';
import type { AadstsError } from './aadError';
import { aadsts } from './aadsts';

export interface ScopeRequest {
  /** openid/profile/email/offline_access as requested (lower-case). */
  oidc: string[];
  /** The one resource the token is for; Graph when only OIDC scopes (or bare names) were asked for. */
  resource: ServicePrincipal;
  /** How the client named the resource ('' for bare Graph names); echoed as `aud` and in the `scope` answer. */
  resourcePrefix: string;
  /** Delegated scope values as named by the client, or ['.default']. */
  values: string[];
  isDefault: boolean;
}

function splitResourceScope(item: string): { resource: string; value: string } | null {
  const index = item.lastIndexOf('/');
  if (index <= 0) return null;
  return { resource: item.slice(0, index), value: item.slice(index + 1) };
}

/**
 * Parses a v2 `scope` parameter against a tenant's service principals (one resource per request, facts §10.2
 * AADSTS28000; unknown resource 500011; unknown scope 650053).
 */
export function parseScopeRequest(
  scope: string,
  directory: TenantDirectory,
  client: Application,
): { ok: true; value: ScopeRequest } | { ok: false; error: AadstsError } {
  const items = [...new Set(scope.split(/\s+/).filter(Boolean))];
  const oidc: string[] = [];
  const named: Array<{ resource: string; value: string }> = [];
  for (const item of items) {
    if (oidcScopes.includes(item.toLowerCase())) {
      oidc.push(item.toLowerCase());
      continue;
    }
    named.push(splitResourceScope(item) ?? { resource: '', value: item });
  }
  const resources = [...new Set(named.map((n) => n.resource.toLowerCase().replace(/\/+$/, '')))];
  if (resources.length > 1) return { ok: false, error: aadsts.multipleResources(scope) };
  const prefix = named[0]?.resource.replace(/\/+$/, '') ?? '';
  const resource = prefix === '' ? directory.findServicePrincipalByAppId(graphAppId) : directory.findServicePrincipalByName(prefix);
  if (!resource) return { ok: false, error: aadsts.resourceNotFound(prefix, directory.organization.displayName) };

  const values = named.map((n) => n.value);
  const isDefault = values.some((v) => v.toLowerCase() === '.default');
  if (isDefault && values.length > 1) return { ok: false, error: aadsts.invalidScope(scope) };
  if (!isDefault) {
    for (const value of values) {
      if (!resource.oauth2PermissionScopes.some((s) => s.value.toLowerCase() === value.toLowerCase())) {
        return { ok: false, error: aadsts.scopeNotOnResource(client.displayName, value, resource.appId) };
      }
    }
  }
  return { ok: true, value: { oidc, resource, resourcePrefix: prefix, values, isDefault } };
}
