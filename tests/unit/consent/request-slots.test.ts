import { describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/main/core/consent/http-client';
import { PACED_RANK, RequestSlots } from '../../../src/main/core/consent/request-slots';
import { CONSENT_CONCURRENCY_CHOICES, DEFAULT_CONSENT_CONCURRENCY, MAX_CONSENT_CONCURRENCY, tenantsInProgress } from '../../../src/shared/domain/tenants-in-progress';
import { consentStartInputSchema } from '../../../src/shared/domain/client-tenants';

/** A promise and the function that settles it, to hold a request open until the test lets it answer. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Takes the one slot of `slots` (noting 'busy' in `started`) until `free()`, so every request after it queues. */
function occupied(slots: RequestSlots, started?: string[]): { running: Promise<void>; free: () => void } {
  const held = gate();
  const running = slots.run(async () => {
    started?.push('busy');
    await held.promise;
  });
  return { running, free: held.open };
}

describe('requests in flight for a run', () => {
  it('runs at most `limit` at once, the next in order of arrival, and frees a slot when work fails', async () => {
    const slots = new RequestSlots(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, gate);
    const all = gates.map((g, i) =>
      slots.run(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await g.promise;
        running--;
        if (i === 0) throw new Error('refused');
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[0]!.open();
    await expect(all[0]).rejects.toThrow('refused');
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    await Promise.all(all.slice(1));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('lets a request paced under a rate limit go before the queue, paced ones in their own order', async () => {
    const slots = new RequestSlots(1);
    const started: string[] = [];
    const { running, free } = occupied(slots, started);
    const queued = ['a', 'b', 'c'].map((name) => slots.run(async () => void started.push(name)));
    const paced = ['p1', 'p2'].map((name) => slots.run(async () => void started.push(name), PACED_RANK));
    free();
    await Promise.all([running, ...queued, ...paced]);
    // Queued behind a, b and c, the paced requests would reach Partner Center bunched together.
    expect(started).toEqual(['busy', 'p1', 'p2', 'a', 'b', 'c']);
  });

  it('gives a freed slot to the tenant started first, so tenants past their consent are not kept behind new ones', async () => {
    const slots = new RequestSlots(1);
    const started: string[] = [];
    const { running, free } = occupied(slots, started);
    // Asked in this order: the 40th tenant's first request, the 3rd tenant's next one, an unranked read, the 3rd's again, the 7th's.
    const asked = [
      slots.run(async () => void started.push('t40'), 40),
      slots.run(async () => void started.push('t3-a'), 3),
      slots.run(async () => void started.push('unranked')),
      slots.run(async () => void started.push('t3-b'), 3),
      slots.run(async () => void started.push('t7'), 7),
    ];
    free();
    await Promise.all([running, ...asked]);
    expect(started).toEqual(['busy', 't3-a', 't3-b', 't7', 't40', 'unranked']);
  });

  it('keeps order over many waiters (the queue is a heap)', async () => {
    const slots = new RequestSlots(1);
    const started: number[] = [];
    const { running, free } = occupied(slots);
    const ranks = Array.from({ length: 200 }, (_, i) => (i * 7919) % 101);
    const all = ranks.map((rank, i) => slots.run(async () => void started.push(rank * 1000 + i), rank));
    free();
    await Promise.all([running, ...all]);
    expect(started).toEqual([...started].sort((a, b) => a - b));
    expect(started).toHaveLength(200);
  });

  it('holds no slot while it waits out a 429’s Retry-After: another request goes meanwhile', async () => {
    const slots = new RequestSlots(1);
    const order: string[] = [];
    const retryWait = gate();
    const http = new HttpClient({
      slots,
      fetchFn: async (url) => {
        order.push(url.slice(-1));
        if (url.endsWith('a') && order.filter((u) => u === 'a').length === 1) {
          return new Response('{}', { status: 429, headers: { 'Retry-After': '1' } });
        }
        return new Response('{"value":[]}', { status: 200 });
      },
      sleep: async () => {
        order.push('waiting');
        await retryWait.promise;
      },
    });
    const a = http.json('https://graph.example/v1.0/a');
    await new Promise((resolve) => setTimeout(resolve, 0));
    // `a` is waiting out its Retry-After: `b` gets the one slot and is answered before `a` is retried.
    await http.json('https://graph.example/v1.0/b');
    expect(order).toEqual(['a', 'waiting', 'b']);
    retryWait.open();
    await a;
    expect(order).toEqual(['a', 'waiting', 'b', 'a']);
  });

  it('sends a request only when a slot is free: the second waits for the first answer', async () => {
    const slots = new RequestSlots(1);
    const answer = gate();
    const sent: string[] = [];
    const http = new HttpClient({
      slots,
      fetchFn: async (url) => {
        sent.push(url.slice(-1));
        if (url.endsWith('a')) await answer.promise;
        return new Response('{}', { status: 200 });
      },
    });
    const both = [http.json('https://graph.example/v1.0/a'), http.json('https://graph.example/v1.0/b')];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual(['a']);
    answer.open();
    await Promise.all(both);
    expect(sent).toEqual(['a', 'b']);
  });

  it('keeps a run of concurrency 1 to one tenant at a time, and otherwise puts 8 tenants in progress per request slot', () => {
    expect(tenantsInProgress(1)).toBe(1);
    expect(tenantsInProgress(8)).toBe(64);
    expect(tenantsInProgress(64)).toBe(512);
  });

  it('lets the admin choose up to 128 requests at once, and refuses more with a clear reason', () => {
    const input = { workspaceId: 'w', homeAccountId: 'h', mode: 'consent' as const };
    expect(consentStartInputSchema.safeParse({ ...input, concurrency: MAX_CONSENT_CONCURRENCY }).success).toBe(true);
    const tooMany = consentStartInputSchema.safeParse({ ...input, concurrency: MAX_CONSENT_CONCURRENCY + 1 });
    expect(tooMany.success).toBe(false);
    expect(JSON.stringify(tooMany.error?.issues)).toMatch(/128/);
    expect(CONSENT_CONCURRENCY_CHOICES.every((n) => n >= 1 && n <= MAX_CONSENT_CONCURRENCY)).toBe(true);
    expect(CONSENT_CONCURRENCY_CHOICES).toContain(DEFAULT_CONSENT_CONCURRENCY);
  });
});
