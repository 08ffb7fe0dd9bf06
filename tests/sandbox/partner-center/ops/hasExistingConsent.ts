import type { TenantDirectory } from '../../model/TenantDirectory';
import type { ResolvedGrant } from './resolveApplicationGrants';

/**
 * facts §8.1 [OBS] "Permission entry already exists.": the text of a duplicate oauth2PermissionGrant (facts §5.1),
 * i.e. Partner Center writes tenant-wide grants and trips over one that is there, whoever made it. Microsoft's
 * own sample deletes before it re-creates, which fits. [UNVERIFIED] beyond that observation.
 */
export function hasExistingConsent(customer: TenantDirectory, applicationId: string, grants: readonly ResolvedGrant[]): boolean {
  const clientSp = customer.findServicePrincipalByAppId(applicationId);
  if (!clientSp) return false;
  return grants.some((g) => customer.grantsFor(clientSp.id, g.resource.id).some((existing) => existing.consentType === 'AllPrincipals'));
}
