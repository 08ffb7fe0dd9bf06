import { describe, expect, it } from 'vitest';
import { Cancelled, HttpClient } from '../../../src/main/core/consent/http-client';
import { RatePacer } from '../../../src/main/core/consent/rate-pacer';

/** A clock that moves only when a waiter sleeps: each take() resolves at the moment the pacer chose. */
function fakeClock() {
  let now = 1_000_000;
  return {
    now: () => now,
    wait: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new Cancelled();
      now += ms;
    },
    set: (t: number) => (now = t),
  };
}

/** Send times of `n` requests taken one after another. */
async function sendTimes(pacer: RatePacer, clock: ReturnType<typeof fakeClock>, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await pacer.take();
    times.push(clock.now());
  }
  return times;
}

describe('pacing requests to a documented rate limit', () => {
  it('lets a burst go at once, then one request per interval, never more than the limit in any second', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const pacer = new RatePacer({ perSecond: 50, burst: 40, now: clock.now, wait: clock.wait });
    const times = (await sendTimes(pacer, clock, 200)).map((t) => t - start);
    expect(times.slice(0, 40).every((t) => t === 0)).toBe(true);
    expect(times[40]).toBe(20);
    expect(times[41]).toBe(40);
    // Any window of one second holds at most 50 + the burst (a token bucket of capacity `burst` refilled at 50/s).
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(40 + 50);
    }
    // 200 requests: 40 at once, 160 more at 50/s.
    expect(times[199]).toBe(160 * 20);
  });

  it('refills while nobody asks, up to the burst only', async () => {
    const clock = fakeClock();
    const pacer = new RatePacer({ perSecond: 10, burst: 3, now: clock.now, wait: clock.wait });
    await sendTimes(pacer, clock, 3);
    clock.set(clock.now() + 60_000);
    const start = clock.now();
    const times = (await sendTimes(pacer, clock, 5)).map((t) => t - start);
    expect(times).toEqual([0, 0, 0, 100, 200]);
  });

  it('after a moment the console was busy, sends no more at once than the burst (it does not catch up)', async () => {
    let now = 0;
    let stalled = false;
    const pacer = new RatePacer({
      perSecond: 10,
      burst: 2,
      now: () => now,
      // The first timer fires 2 s late: the event loop was busy (a garbage collection, a long write).
      wait: async (ms) => {
        now += ms + (stalled ? 0 : 2_000);
        stalled = true;
      },
    });
    const sent: number[] = [];
    await Promise.all(Array.from({ length: 12 }, () => pacer.take().then(() => sent.push(now))));
    const perInstant = new Map<number, number>();
    for (const t of sent) perInstant.set(t, (perInstant.get(t) ?? 0) + 1);
    expect(Math.max(...perInstant.values())).toBeLessThanOrEqual(2);
    expect(sent).toHaveLength(12);
  });

  it('holds every request after a 429 until its Retry-After, then starts from an empty bucket', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const pacer = new RatePacer({ perSecond: 10, burst: 5, now: clock.now, wait: clock.wait });
    await sendTimes(pacer, clock, 2);
    pacer.holdFor(1_000 - (clock.now() - start));
    const times = (await sendTimes(pacer, clock, 3)).map((t) => t - start);
    expect(times).toEqual([1_000, 1_100, 1_200]);
  });

  it('makes a request that was already waiting wait out a hold that came meanwhile', async () => {
    let now = 0;
    const sleepers: Array<{ at: number; wake: () => void }> = [];
    const pacer = new RatePacer({
      perSecond: 1,
      burst: 1,
      now: () => now,
      wait: (ms) => new Promise<void>((wake) => sleepers.push({ at: now + ms, wake })),
    });
    await pacer.take(); // t = 0
    let sentAt: number | undefined;
    const second = pacer.take().then(() => (sentAt = now)); // reserved for t = 1000
    await Promise.resolve();
    pacer.holdFor(5_000); // a 429 arrives meanwhile
    while (sentAt === undefined) {
      const next = sleepers.shift();
      if (!next) break;
      now = next.at;
      next.wake();
      await new Promise((r) => setImmediate(r));
    }
    await second;
    expect(sentAt).toBeGreaterThanOrEqual(5_000);
  });

  it('paces every attempt of an HTTP request, and a 429 holds the others', async () => {
    const clock = fakeClock();
    const pacer = new RatePacer({ perSecond: 2, burst: 1, now: clock.now, wait: clock.wait });
    const sent: number[] = [];
    const answers = [new Response('{}', { status: 429, headers: { 'Retry-After': '3' } }), new Response('{}', { status: 201 }), new Response('{}', { status: 201 })];
    const http = new HttpClient({
      fetchFn: async () => {
        sent.push(clock.now());
        return answers.shift()!;
      },
      sleep: clock.wait,
      policy: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10_000, random: () => 0 },
    });
    const start = clock.now();
    await http.json('https://api.partnercenter.example/v1/customers/x/applicationconsents', { method: 'POST', body: {}, pace: pacer });
    await http.json('https://api.partnercenter.example/v1/customers/y/applicationconsents', { method: 'POST', body: {}, pace: pacer });
    const rel = sent.map((t) => t - start);
    expect(rel[0]).toBe(0);
    expect(rel[1]).toBeGreaterThanOrEqual(3_000); // the retry after Retry-After
    expect(rel[2]! - rel[1]!).toBeGreaterThanOrEqual(500); // then 2 per second
  });

  it('gives up waiting when the run is cancelled', async () => {
    const controller = new AbortController();
    const pacer = new RatePacer({ perSecond: 1, burst: 1 });
    await pacer.take(controller.signal);
    const waiting = pacer.take(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(Cancelled);
  });

  it('refuses a rate or burst that cannot pace anything', () => {
    expect(() => new RatePacer({ perSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new RatePacer({ perSecond: 5, burst: 0 })).toThrow(RangeError);
  });
});
