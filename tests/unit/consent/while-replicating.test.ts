import { describe, expect, it } from 'vitest';
import { HttpFailure } from '../../../src/main/core/consent/http-client';
import { ReplicationEstimate } from '../../../src/main/core/consent/strategies/replication-estimate';
import { whileReplicating } from '../../../src/main/core/consent/strategies/while-replicating';

const url = 'https://graph.example/v1.0/servicePrincipals/x/appRoleAssignedTo';
const notYet = () => new HttpFailure(400, { error: { code: 'Request_BadRequest', message: 'Not a valid reference update.' } }, url);

describe('writes naming a service principal created a moment ago', () => {
  it('wait out "Not a valid reference update." until Graph has replicated it', async () => {
    let calls = 0;
    const waits: number[] = [];
    const result = await whileReplicating(
      async () => {
        if (++calls < 3) throw notYet();
        return 'assigned';
      },
      { wait: async (ms) => void waits.push(ms), now: () => 0 },
    );
    expect(result).toBe('assigned');
    expect(waits).toHaveLength(2);
  });

  it('pass other failures straight through, and give up with Microsoft’s answer after the bounded wait', async () => {
    const denied = new HttpFailure(403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } }, url);
    let calls = 0;
    await expect(whileReplicating(async () => Promise.reject((calls++, denied)), { wait: async () => undefined })).rejects.toBe(denied);
    expect(calls).toBe(1);
    let t = 0;
    await expect(
      whileReplicating(async () => Promise.reject(notYet()), { maxMs: 1_000, now: () => t, wait: async (ms) => void (t += ms || 1) }),
    ).rejects.toThrow(/Not a valid reference update/);
  });
});

describe('learning how long Graph takes to replicate, within a run', () => {
  /** A Graph that refuses a fresh service principal until `delayMs` after its create, on a clock moved by the waits. */
  function tenant(delayMs: number, clock: { t: number }) {
    const createdAt = clock.t;
    let refused = 0;
    return {
      createdAt,
      refused: () => refused,
      write: async () => {
        if (clock.t - createdAt < delayMs) {
          refused++;
          throw notYet();
        }
        return 'assigned';
      },
    };
  }

  it('sends the first attempt at the age that worked for earlier tenants, so later tenants are not refused', async () => {
    const clock = { t: 0 };
    const estimate = new ReplicationEstimate();
    const o = { estimate, now: () => clock.t, wait: async (ms: number) => void (clock.t += ms) };
    const refusals: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = tenant(1_500, clock);
      await whileReplicating(t.write, { ...o, createdAt: t.createdAt });
      refusals.push(t.refused());
      clock.t += 10_000;
    }
    // The first five teach it (each refused on its way up the backoff, from the oldest age refused so far, so the
    // second is refused less often than the first); after that none is refused.
    expect(refusals.slice(0, 5).every((r) => r > 0)).toBe(true);
    expect(refusals[1]).toBeLessThan(refusals[0]!);
    expect(refusals.slice(5)).toEqual(Array(25).fill(0));
    // And the wait is what replication took, not more: the age stays where the first successes were.
    expect(estimate.firstAttemptAgeMs()).toBeGreaterThanOrEqual(1_500);
    expect(estimate.firstAttemptAgeMs()).toBeLessThanOrEqual(1_750);
  });

  it('waits no longer than the cap up front, and not at all for a principal that was not just created', async () => {
    const estimate = new ReplicationEstimate({ maxFirstWaitMs: 2_000, minSamples: 1 });
    estimate.observe(30_000);
    expect(estimate.firstAttemptAgeMs()).toBe(2_000);
    const waits: number[] = [];
    await whileReplicating(async () => 'ok', { estimate, now: () => 0, wait: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([]);
  });

  it('is made from the most recent writes only', () => {
    const estimate = new ReplicationEstimate({ window: 10, minSamples: 5 });
    for (let i = 0; i < 10; i++) estimate.observe(4_000);
    expect(estimate.firstAttemptAgeMs()).toBe(4_000);
    for (let i = 0; i < 10; i++) estimate.observe(800);
    expect(estimate.firstAttemptAgeMs()).toBe(800);
  });
});
