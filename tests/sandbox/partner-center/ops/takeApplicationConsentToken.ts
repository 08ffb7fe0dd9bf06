import type { SandboxRuntime } from '../../SandboxRuntime';
import { pcErrors } from '../http/pcErrors';
import type { PartnerCenterFailure } from '../http/PartnerCenterFailure';
import type { PartnerCenterSettings } from '../PartnerCenterSettings';

/**
 * facts §8.1: applicationconsents allows 50 requests per second per applicationId (the token's appid), across
 * tenants and users. The bucket lives in the sandbox's shared limiter, so a reset empties it with the mount's
 * tenant+app buckets; the key prefix keeps the two apart.
 */
export function takeApplicationConsentToken(rt: SandboxRuntime, settings: PartnerCenterSettings, appId: string): PartnerCenterFailure | null {
  const throttle = settings.applicationConsentThrottle;
  if (!throttle) return null;
  const outcome = rt.limiter.take(`partnerCenter.applicationconsents|${appId}`, rt.clock.now(), throttle);
  return outcome.allowed ? null : pcErrors.throttled(outcome.retryAfterSeconds);
}
