/**
 * Waiting between attempts when Microsoft throttles or hiccups. Graph's 429 carries Retry-After in
 * seconds, sometimes fractional (learn.microsoft.com/graph/throttling, facts §9.2); some services send
 * none, and then "use an exponential backoff retry policy". Partner Center's 429 carries Retry-After
 * too (learn.microsoft.com/partner-center/developer/api-throttling-guidance). Full jitter keeps many
 * workers throttled at once from returning in lockstep (the AWS Architecture Blog's "Exponential
 * Backoff and Jitter"); the cap keeps a flaky tenant from stalling a run.
 */
export interface RetryPolicy {
  /** Attempts in all, including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 30_000, random: Math.random };

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1). Microsoft's Retry-After is
 * honoured as a floor, plus a little jitter so workers told the same time spread out; without one,
 * full-jitter exponential backoff up to the cap.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, retryAfter: number | undefined): number {
  if (retryAfter !== undefined) return Math.min(policy.maxDelayMs, retryAfter) + policy.random() * Math.min(1000, retryAfter * 0.2 + 50);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return policy.random() * ceiling;
}

/** Statuses worth another attempt: throttling and the transient 5xx Graph documents. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504 || status === 502 || status === 500;
}
