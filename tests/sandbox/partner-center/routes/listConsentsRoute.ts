import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Handler } from '../../http/Router';
import { pcErrorReply, pcJsonReply } from '../http/pcReply';
import { checkConsentAuthority } from '../ops/checkConsentAuthority';
import { liveApplicationGrants } from '../ops/liveApplicationGrants';
import { partnerCenterStoreFor } from '../PartnerCenterStore';
import type { PartnerCenterSettings } from '../PartnerCenterSettings';
import { consentPreamble } from './consentPreamble';

/**
 * GET /v1/customers/{customerId}/applicationconsents: the consents Partner Center made in that customer, with
 * the scopes their grants hold now, as a Partner Center Collection. [UNVERIFIED] shape (facts §8 does not show the
 * list) and whether consents made elsewhere are listed; the same authority as POST is required.
 */
export function listConsentsRoute(rt: SandboxRuntime, settings: PartnerCenterSettings): Handler {
  return async (req) => {
    const pre = await consentPreamble(rt, settings, req);
    if (!pre.ok) return pre.reply;
    const authority = checkConsentAuthority(rt, pre.caller, pre.customer.id, settings.consentRoles);
    if (!authority.ok) return pcErrorReply(settings, authority.error);
    const directory = rt.state.directory(pre.customer.id);
    const items = partnerCenterStoreFor(rt.state)
      .consentsOf(pre.customer.id)
      .map((entry) => ({
        applicationId: entry.applicationId,
        ...(entry.displayName ? { displayName: entry.displayName } : {}),
        applicationGrants: liveApplicationGrants(directory, entry.applicationId, entry.enterpriseApplicationIds),
      }))
      .filter((item) => item.applicationGrants.length > 0);
    return pcJsonReply(settings, 200, { totalCount: items.length, items, attributes: { objectType: 'Collection' } });
  };
}
