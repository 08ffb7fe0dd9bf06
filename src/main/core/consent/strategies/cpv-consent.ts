import { HttpFailure, type HttpClient } from '../http-client';
import type { RatePacer, RatePacerOptions } from '../rate-pacer';

/**
 * Partner Center allows 50 requests per second per applicationId on applicationconsents (facts §8.1,
 * learn.microsoft.com/partner-center/developer/control-panel-vendor-apis). A run paces its consents to that
 * rate. The burst stays at 40, so 10 of the 50 absorb requests that arrive bunched (200 ms of varying latency at
 * 50 a second); Microsoft does not say how its limit counts, and a 429 that still comes is honoured.
 */
export const applicationConsentRateLimit: RatePacerOptions = { perSecond: 50, burst: 40 };

export interface CpvGrant {
  /** The resource API's appId (Microsoft Graph's, for example). */
  enterpriseApplicationId: string;
  scopes: string[];
}

/**
 * Partner Center CPV consent (facts §8.1, learn.microsoft.com/partner-center/developer/control-panel-vendor-apis):
 * POST /v1/customers/{customer}/applicationconsents with the app's grants, scopes comma-separated.
 * The token must be App+User and its appid the body's applicationId. "Permission entry already
 * exists" (409, or 400 in some answers) means the consent is there: success. Returns whether a
 * consent was created. Under GDAP, CPV grants delegated permissions only.
 */
export async function consentViaCpv(
  http: HttpClient,
  o: {
    partnerCenterBaseUrl: string;
    customerTenantId: string;
    applicationId: string;
    displayName: string;
    grants: CpvGrant[];
    token: string;
    signal?: AbortSignal;
    /** The applicationId's rate limit, shared by every consent of that app (applicationConsentRateLimit). */
    pace?: RatePacer;
  },
): Promise<{ created: boolean }> {
  try {
    await http.json(`${o.partnerCenterBaseUrl}/v1/customers/${o.customerTenantId}/applicationconsents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${o.token}` },
      body: {
        applicationId: o.applicationId,
        displayName: o.displayName,
        applicationGrants: o.grants.map((g) => ({ enterpriseApplicationId: g.enterpriseApplicationId, scope: g.scopes.join(',') })),
      },
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.pace ? { pace: o.pace } : {}),
    });
    return { created: true };
  } catch (error) {
    if (isCpvAlreadyExists(error)) return { created: false };
    throw error;
  }
}

export function isCpvAlreadyExists(error: unknown): boolean {
  return error instanceof HttpFailure && (error.status === 409 || error.status === 400) && /already exists/i.test(error.detail);
}

/**
 * A reset: DELETE /v1/customers/{customer}/applicationconsents/{applicationId}, then consent again,
 * which Microsoft's own sample does when scopes changed (facts §8.1 [OBS], §8.2). 404 on delete is fine.
 */
export async function resetCpvConsent(http: HttpClient, o: Parameters<typeof consentViaCpv>[1]): Promise<void> {
  try {
    await http.json(`${o.partnerCenterBaseUrl}/v1/customers/${o.customerTenantId}/applicationconsents/${o.applicationId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${o.token}` },
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.pace ? { pace: o.pace } : {}),
    });
  } catch (error) {
    if (!(error instanceof HttpFailure && error.status === 404)) throw error;
  }
  await consentViaCpv(http, o);
}
