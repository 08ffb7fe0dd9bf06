import { HttpFailure, sleep } from '../http-client';
import type { ReplicationEstimate } from './replication-estimate';

/**
 * Graph has not yet replicated a service principal created a moment ago (facts §4.2): as an
 * appRoleAssignedTo principal it is 400 "Not a valid reference update." (microsoftgraph/microsoft-graph-docs#20133;
 * hashicorp/terraform-provider-azuread retries exactly this), as a reference 404 / "does not exist or one of
 * its queried reference-property objects are not present". Worth waiting out, never a failure of the tenant.
 */
export function isFreshReferencePending(error: unknown): boolean {
  if (!(error instanceof HttpFailure)) return false;
  if (error.status === 404) return true;
  return error.status === 400 && /Not a valid reference update|does not exist or one of its queried reference-property objects are not present/i.test(error.detail);
}

export interface ReplicationRetry {
  signal?: AbortSignal | undefined;
  /** Give up (and let the tenant fail with Microsoft's answer) after this long. */
  maxMs?: number;
  now?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** What the run has learnt of replication so far: the first attempt waits for it, and each success teaches it. */
  estimate?: ReplicationEstimate | undefined;
  /** When the service principal's create was answered (the clock of `now`); needed with `estimate`. */
  createdAt?: number | undefined;
}

/**
 * Runs a write that names a service principal created earlier in this run until Graph has caught up,
 * with capped exponential backoff (as Terraform and CIPP wait); other errors pass straight through.
 */
export async function whileReplicating<T>(write: () => Promise<T>, o: ReplicationRetry = {}): Promise<T> {
  const now = o.now ?? Date.now;
  const wait = o.wait ?? sleep;
  const deadline = now() + (o.maxMs ?? 60_000);
  const createdAt = o.createdAt;
  if (o.estimate && createdAt !== undefined) {
    const early = createdAt + o.estimate.firstAttemptAgeMs() - now();
    if (early > 0) await wait(early, o.signal);
  }
  for (let attempt = 0; ; attempt++) {
    const sentAt = now();
    try {
      const result = await write();
      if (createdAt !== undefined) o.estimate?.observe(sentAt - createdAt);
      return result;
    } catch (error) {
      if (!isFreshReferencePending(error) || now() >= deadline) throw error;
      if (createdAt !== undefined) o.estimate?.refused(sentAt - createdAt);
      await wait(Math.min(5_000, 250 * 2 ** attempt, Math.max(0, deadline - now())), o.signal);
    }
  }
}
