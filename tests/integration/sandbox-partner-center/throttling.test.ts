import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPartnerCenterHarness, type PartnerCenterHarness } from './harness';

let h: PartnerCenterHarness;
let path: string;

beforeAll(async () => {
  h = await startPartnerCenterHarness();
  path = `/v1/customers/${h.customerId('gdapFull')}/applicationconsents`;
});
afterAll(() => h.close());

describe('applicationconsents rate limit: 50 requests per second per applicationId (facts §8.1)', () => {
  it('the 51st request in a burst for one app is 429 with Retry-After while another app is unaffected', async () => {
    const busy = await h.partnerCenterToken('globalAdmin', h.cpvApp('Busy CPV app'));
    const quiet = await h.partnerCenterToken('globalAdmin', h.cpvApp('Quiet CPV app'));
    const original = h.settings.applicationConsentThrottle;
    // Same 50-request bucket; the refill is slowed only so that wall time spent on 50 HTTPS round trips cannot
    // top the bucket up mid-test (at 50/s, 20 ms is one more token; on a loaded machine 50 round trips can take
    // several seconds, so one token per 100 s). The next test runs the real 50/s.
    h.settings.applicationConsentThrottle = { capacity: 50, refillPerSecond: 0.01 };
    try {
      for (let i = 0; i < 50; i++) expect((await h.call('GET', path, { token: busy })).status).toBe(200);
      const throttled = await h.call('GET', path, { token: busy });
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(throttled.body).toMatchObject({ code: '429', data: [], source: 'PartnerFD' });
      // Per applicationId, not per user or tenant: the same admin with another app goes through.
      expect((await h.call('GET', path, { token: quiet })).status).toBe(200);
      // POST counts against the same bucket.
      expect((await h.call('POST', path, { token: busy, body: {} })).status).toBe(429);
    } finally {
      h.settings.applicationConsentThrottle = original;
    }
  });

  it('with the default 50/s bucket a concurrent burst of 120 is partly throttled; customers listing is not', async () => {
    const burst = await h.partnerCenterToken('globalAdmin', h.cpvApp('Burst CPV app'));
    // Warm keep-alive connections first so that the burst is not spread out by 120 TLS handshakes.
    const warm = await Promise.all(Array.from({ length: 120 }, () => h.call('GET', '/v1/customers?size=1', { token: burst })));
    expect(warm.every((a) => a.status === 200)).toBe(true);
    const answers = await Promise.all(Array.from({ length: 120 }, () => h.call('GET', path, { token: burst })));
    const ok = answers.filter((a) => a.status === 200).length;
    const throttled = answers.filter((a) => a.status === 429);
    expect(ok).toBeGreaterThanOrEqual(50);
    expect(throttled.length).toBeGreaterThan(0);
    expect(ok + throttled.length).toBe(120);
    expect(throttled[0]?.headers.get('retry-after')).toBe('1');
  });

  it('a sandbox reset empties the bucket', async () => {
    const original = h.settings.applicationConsentThrottle;
    h.settings.applicationConsentThrottle = { capacity: 1, refillPerSecond: 0.01 };
    try {
      const app = h.cpvApp('Reset CPV app');
      const token = await h.partnerCenterToken('globalAdmin', app);
      expect((await h.call('GET', path, { token })).status).toBe(200);
      expect((await h.call('GET', path, { token })).status).toBe(429);
      h.sandbox.reset();
      // The token stays valid across a reset (same signing key, same scenario tenants and users); its bucket is new.
      expect((await h.call('GET', path, { token })).status).toBe(200);
    } finally {
      h.settings.applicationConsentThrottle = original;
    }
  });
});
