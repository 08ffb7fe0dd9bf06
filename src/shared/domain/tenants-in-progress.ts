/**
 * Tenants in progress at once for a run that sends at most `concurrency` requests at once. Most of a
 * tenant's time is waiting on Microsoft: each answer's latency, and Graph's replication of a fresh service
 * principal before it can be referenced (facts §4.2), so a slot-holding tenant would mostly hold it idle.
 * Graph throttles per app per tenant and, across all tenants, at 130,000 requests per 10 seconds per app
 * (learn.microsoft.com/graph/throttling-limits): many tenants at once, each sending one request at a time,
 * stay within both. A concurrency of 1 stays one tenant at a time (a single tenant's repair or verify).
 */
export function tenantsInProgress(concurrency: number): number {
  return concurrency <= 1 ? 1 : concurrency * TENANTS_PER_REQUEST_SLOT;
}
export const TENANTS_PER_REQUEST_SLOT = 8;

/**
 * The most requests to Microsoft a run may have in flight. Graph's limits are per app per tenant, and across
 * tenants 130,000 requests per 10 seconds per app (learn.microsoft.com/graph/throttling-limits); Partner Center's
 * consents are paced to their own limit. At 100 ms a request, 128 at once is about 1,300 requests a second.
 */
export const MAX_CONSENT_CONCURRENCY = 128;

/** What the admin chooses from for a run, and the choice when they have made none. */
export const CONSENT_CONCURRENCY_CHOICES = [1, 8, 16, 32, 64, 128] as const;
export const DEFAULT_CONSENT_CONCURRENCY = 32;
