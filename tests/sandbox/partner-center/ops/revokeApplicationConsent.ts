import type { SandboxState } from '../../model/SandboxState';
import { partnerCenterStoreFor } from '../PartnerCenterStore';

/**
 * facts §8.2 DELETE: the app's tenant-wide delegated grants in the customer go, with Partner Center's entry and the
 * consent record it made. Every AllPrincipals grant goes, not only Partner Center's: Microsoft's sample deletes
 * before re-creating to get past "Permission entry already exists.", which only works if DELETE clears grants
 * made any other way too. The service principal stays, as when a grant is revoked in Entra. [UNVERIFIED] both.
 * Returns false when there was nothing to remove.
 */
export function revokeApplicationConsent(state: SandboxState, customerId: string, applicationId: string): boolean {
  const store = partnerCenterStoreFor(state);
  const entry = store.findConsent(customerId, applicationId);
  const customer = state.directory(customerId);
  const clientSp = customer.findServicePrincipalByAppId(applicationId);
  let removed = false;
  if (clientSp) {
    for (const grant of [...customer.oauth2PermissionGrants.values()]) {
      if (grant.clientId === clientSp.id && grant.consentType === 'AllPrincipals') {
        customer.oauth2PermissionGrants.delete(grant.id);
        removed = true;
      }
    }
  }
  if (entry) {
    store.removeConsent(customerId, applicationId);
    const index = state.consentRecords.findIndex((r) => r.id === entry.consentRecordId);
    if (index >= 0) state.consentRecords.splice(index, 1);
    removed = true;
  }
  return removed;
}
