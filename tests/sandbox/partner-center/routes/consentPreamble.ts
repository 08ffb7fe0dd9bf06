import type { SandboxRuntime } from '../../SandboxRuntime';
import type { Reply } from '../../http/Reply';
import type { SandboxRequest } from '../../http/SandboxRequest';
import type { TenantSeed } from '../../model/directoryTypes';
import type { PartnerCenterCaller } from '../auth/PartnerCenterCaller';
import { verifyPartnerCenterToken } from '../auth/verifyPartnerCenterToken';
import { pcErrors } from '../http/pcErrors';
import { pcErrorReply } from '../http/pcReply';
import { findPartnerCustomer } from '../ops/findPartnerCustomer';
import { takeApplicationConsentToken } from '../ops/takeApplicationConsentToken';
import type { PartnerCenterSettings } from '../PartnerCenterSettings';

/**
 * What every applicationconsents call does first: a valid Partner Center token (401), the per-application
 * 50 rps bucket (429, facts §8.1; only requests that name an app through a valid token count), then the
 * customer in the path (404).
 */
export async function consentPreamble(
  rt: SandboxRuntime,
  settings: PartnerCenterSettings,
  req: SandboxRequest,
): Promise<{ ok: true; caller: PartnerCenterCaller; customer: TenantSeed } | { ok: false; reply: Reply }> {
  const auth = await verifyPartnerCenterToken(rt, req.header('authorization'), settings.clockSkewSeconds, settings.appUserMfa);
  if (!auth.ok) return { ok: false, reply: pcErrorReply(settings, auth.error) };
  const throttled = takeApplicationConsentToken(rt, settings, auth.caller.appId);
  if (throttled) return { ok: false, reply: pcErrorReply(settings, throttled) };
  const customerId = req.params.customerId ?? '';
  const customer = findPartnerCustomer(rt.state, customerId);
  if (!customer) return { ok: false, reply: pcErrorReply(settings, pcErrors.customerNotFound(customerId)) };
  return { ok: true, caller: auth.caller, customer };
}
