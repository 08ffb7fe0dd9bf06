import type { SandboxState } from '../../model/SandboxState';
import type { Application, User } from '../../model/directoryTypes';
import type { PermissionItem } from '../../identity/permissionItems';
import { grantConsent } from '../../identity/grantConsent';
import { partnerCenterStoreFor, type ApplicationConsentEntry } from '../PartnerCenterStore';
import type { ResolvedGrant } from './resolveApplicationGrants';

export interface GrantApplicationConsentInput {
  customerId: string;
  app: Application;
  grants: readonly ResolvedGrant[];
  items: readonly PermissionItem[];
  /** The partner admin agent who consented (recorded as consentedBy). */
  user: User;
  displayName: string | null;
}

/**
 * What Partner Center's consent does in the customer tenant (facts §8.1): the app's service principal and
 * tenant-wide (AllPrincipals) delegated grants, through the identity code's own consent path (grantConsent, the
 * one admin consent and the consent page use), so Graph, sign-in and the control API see the same objects.
 * The consent record says `adminconsent`: the model's `via` has no Partner Center member and that file is not
 * this phase's to edit; tenant-wide admin consent is what it is.
 */
export function grantApplicationConsent(state: SandboxState, input: GrantApplicationConsentInput): ApplicationConsentEntry {
  const record = grantConsent(state, {
    tenantId: input.customerId,
    app: input.app,
    items: input.items,
    consentType: 'AllPrincipals',
    user: input.user,
    via: 'partnerCenter',
  });
  const entry: ApplicationConsentEntry = {
    customerId: input.customerId,
    applicationId: input.app.appId,
    displayName: input.displayName,
    enterpriseApplicationIds: input.grants.map((g) => g.resource.appId),
    consentRecordId: record.id,
    createdDateTime: record.createdDateTime,
  };
  partnerCenterStoreFor(state).putConsent(entry);
  return entry;
}
