import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { HttpClient, HttpFailure } from '../../../src/main/core/consent/http-client';
import { backoffMs, retryAfterMs } from '../../../src/main/core/consent/retry-policy';
import { TenantTokenCache } from '../../../src/main/core/consent/tenant-token-cache';

describe('a run’s one signal over thousands of requests', () => {
  it('keeps no abort listener per finished request on it (undici drops its own only at garbage collection), and still cancels', async () => {
    const run = new AbortController();
    const http = new HttpClient({
      // As undici's fetch does (nodejs/undici#3157): a listener on the given signal, never removed when the request ends.
      fetchFn: async (_url, init) => {
        init?.signal?.addEventListener('abort', () => undefined);
        return new Response('{"value":[]}', { status: 200 });
      },
    });
    for (let i = 0; i < 50; i++) await http.json('https://graph.example/v1.0/x', { signal: run.signal });
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);

    let seen: AbortSignal | undefined;
    const hanging = new HttpClient({
      fetchFn: (_url, init) =>
        new Promise((_, reject) => {
          seen = init?.signal ?? undefined;
          seen?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    });
    const pending = hanging.json('https://graph.example/v1.0/x', { signal: run.signal });
    run.abort();
    await expect(pending).rejects.toMatchObject({ name: 'Cancelled' });
    expect(seen?.aborted).toBe(true);
  });
});

describe('throttling', () => {
  it('reads Retry-After as seconds (fractional too) or a date', () => {
    expect(retryAfterMs('2.128')).toBe(2128);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('waits at least Retry-After, and without one a jittered backoff under the cap', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.999 };
    expect(backoffMs(policy, 1, 3_000)).toBeGreaterThanOrEqual(1_000); // capped
    expect(backoffMs({ ...policy, maxDelayMs: 60_000 }, 1, 3_000)).toBeGreaterThanOrEqual(3_000);
    expect(backoffMs(policy, 10, undefined)).toBeLessThanOrEqual(1_000);
    expect(backoffMs({ ...policy, random: () => 0 }, 3, undefined)).toBe(0);
  });

  it('retries a 429 after Retry-After and counts it; other failures are thrown with Microsoft’s words', async () => {
    const answers = [
      new Response(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Please retry again later.' } }), { status: 429, headers: { 'Retry-After': '2' } }),
      new Response(JSON.stringify({ value: [1] }), { status: 200 }),
      new Response('\uFEFF{"code":"600","description":"Permission entry already exists."}', { status: 409 }),
    ];
    const waits: number[] = [];
    let throttled = 0;
    const http = new HttpClient({
      fetchFn: async () => answers.shift()!,
      sleep: async (ms) => void waits.push(ms),
      onThrottled: () => throttled++,
      policy: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 30_000, random: () => 0 },
    });
    expect((await http.json<{ value: number[] }>('https://graph.example/v1.0/x')).body.value).toEqual([1]);
    expect(waits).toEqual([2_000]);
    expect(throttled).toBe(1);
    const failure = await http.json('https://api.partnercenter.example/v1/customers/x/applicationconsents', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HttpFailure);
    expect((failure as HttpFailure).detail).toBe('Permission entry already exists.');
  });
});

describe('tokens per tenant', () => {
  it('asks once per tenant however many requests need it, concurrently too, and again only near expiry or when dropped', async () => {
    let now = 0;
    const asked: string[] = [];
    const cache = new TenantTokenCache(
      async (tenant) => {
        asked.push(tenant);
        await new Promise((r) => setTimeout(r, 5));
        return { accessToken: `token-${tenant}-${asked.length}`, expiresOn: new Date(now + 60 * 60_000) };
      },
      () => now,
    );
    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get('a')));
    expect(new Set(tokens).size).toBe(1);
    await cache.get('b');
    await cache.get('a');
    expect(asked).toEqual(['a', 'b']);
    now += 56 * 60_000; // inside the five-minute margin
    await cache.get('a');
    expect(asked).toEqual(['a', 'b', 'a']);
    cache.drop('b');
    await cache.get('b');
    expect(asked).toEqual(['a', 'b', 'a', 'b']);
  });

  it('does not cache a failure: the next ask tries again', async () => {
    let calls = 0;
    const cache = new TenantTokenCache(async () => {
      calls++;
      if (calls === 1) throw new Error('AADSTS50076');
      return { accessToken: 't', expiresOn: null };
    });
    await expect(cache.get('x')).rejects.toThrow('AADSTS50076');
    await expect(cache.get('x')).resolves.toBe('t');
  });
});
