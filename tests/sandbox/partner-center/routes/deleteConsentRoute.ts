import type { SandboxRuntime } from '../../SandboxRuntime';
import { emptyReply } from '../../http/Reply';
import type { Handler } from '../../http/Router';
import { pcErrors } from '../http/pcErrors';
import { pcErrorReply } from '../http/pcReply';
import { checkConsentAuthority } from '../ops/checkConsentAuthority';
import { revokeApplicationConsent } from '../ops/revokeApplicationConsent';
import type { PartnerCenterSettings } from '../PartnerCenterSettings';
import { consentPreamble } from './consentPreamble';

/**
 * DELETE /v1/customers/{customerId}/applicationconsents/{applicationId} (facts §8.2): same checks as POST, then the
 * app's tenant-wide grants go (2xx, no body); 404 when the app holds none there. [UNVERIFIED] the 404.
 */
export function deleteConsentRoute(rt: SandboxRuntime, settings: PartnerCenterSettings): Handler {
  return async (req) => {
    const pre = await consentPreamble(rt, settings, req);
    if (!pre.ok) return pre.reply;
    const authority = checkConsentAuthority(rt, pre.caller, pre.customer.id, settings.consentRoles);
    if (!authority.ok) return pcErrorReply(settings, authority.error);
    const applicationId = (req.params.applicationId ?? '').toLowerCase();
    if (!revokeApplicationConsent(rt.state, pre.customer.id, applicationId)) {
      return pcErrorReply(settings, pcErrors.consentNotFound(applicationId));
    }
    return emptyReply(settings.deleteConsentStatus);
  };
}
