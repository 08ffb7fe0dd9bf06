import type { TenantDirectory } from '../../model/TenantDirectory';

export interface ApplicationGrantView {
  enterpriseApplicationId: string;
  /** Comma-separated, as Partner Center takes it (facts §8.1). */
  scope: string;
}

/**
 * The consent's grants as they stand now in the customer directory (a Graph PATCH or DELETE on the grant shows
 * here), per resource; resources whose grant is gone are left out.
 */
export function liveApplicationGrants(customer: TenantDirectory, applicationId: string, resourceAppIds: readonly string[]): ApplicationGrantView[] {
  const clientSp = customer.findServicePrincipalByAppId(applicationId);
  if (!clientSp) return [];
  const views: ApplicationGrantView[] = [];
  for (const resourceAppId of resourceAppIds) {
    const resource = customer.findServicePrincipalByAppId(resourceAppId);
    if (!resource) continue;
    const scopes = customer
      .grantsFor(clientSp.id, resource.id)
      .filter((g) => g.consentType === 'AllPrincipals')
      .flatMap((g) => g.scope.split(' ').filter(Boolean));
    if (scopes.length > 0) views.push({ enterpriseApplicationId: resource.appId, scope: [...new Set(scopes)].join(',') });
  }
  return views;
}
