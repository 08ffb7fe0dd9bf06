import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPlatformHarness, type PlatformHarness } from './harness';

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness();
});
afterAll(() => h.close());

describe('the platform mount fault middleware applies to the platform routes', () => {
  it('injected 500s and latency reach platform callers, as problem+json the document allows', async () => {
    h.sandbox.patchSettings({ faults: { platform: { errorRate: 1, errorStatus: 500 } } });
    try {
      const r = await h.call('acme', 'GET', '/v1/onboarding/requirements');
      expect(r.status).toBe(500);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({ status: 500, code: 'internal_error' });
      expect(h.validator.validateResponse('getRequirements', 500, r.body, r.headers.get('content-type') ?? undefined).ok).toBe(true);
    } finally {
      h.sandbox.patchSettings({ faults: { platform: { errorRate: 0 } } });
    }

    h.sandbox.patchSettings({ faults: { platform: { latency: { kind: 'fixed', ms: 400 } } } });
    try {
      const started = performance.now();
      const r = await h.call('acme', 'GET', '/v1/onboarding/requirements');
      expect(r.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    } finally {
      h.sandbox.patchSettings({ faults: { platform: { latency: { kind: 'none' } } } });
    }
    // Other mounts are untouched by the platform's profile and vice versa.
    expect(h.sandbox.settings.faults.graph.errorRate).toBe(0);
  });

  it('429 with Retry-After per organisation (its token), other organisations unaffected', async () => {
    h.sandbox.patchSettings({ faults: { platform: { throttle: { capacity: 2, refillPerSecond: 1 } } } });
    try {
      expect((await h.call('clment', 'GET', '/v1/tenants')).status).toBe(200);
      expect((await h.call('clment', 'GET', '/v1/tenants')).status).toBe(200);
      const throttled = await h.call('clment', 'GET', '/v1/tenants');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('1');
      expect(throttled.body.code).toBe('too_many_requests');
      expect((await h.call('sonicsaas', 'GET', '/v1/tenants')).status).toBe(200);
    } finally {
      h.sandbox.patchSettings({ faults: { platform: { throttle: null } } });
    }
  });

  it('a backend answer that breaks the document is never sent: 500, logged with the reason, recorded', async () => {
    const acme = h.backend.organisations.find((o) => o.key === 'acme');
    if (!acme) throw new Error('no Acme Dispatch organisation');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const saved = acme.requirements.app.secretMaxLifetimeMonths;
    // A deliberate bug: 36 months is beyond the document's maximum of 24.
    acme.requirements.app.secretMaxLifetimeMonths = 36;
    try {
      const r = await h.call('acme', 'GET', '/v1/onboarding/requirements');
      expect(r.status).toBe(500);
      expect(r.body).toMatchObject({ code: 'internal_error' });
      expect(r.text).not.toContain('36');
      expect(h.backend.contractViolations).toEqual([
        { operationId: 'getRequirements', status: 200, errors: [{ path: '/app/secretMaxLifetimeMonths', message: 'must be <= 24' }] },
      ]);
      expect(String(logged.mock.calls[0]?.[1])).toContain('/app/secretMaxLifetimeMonths');
    } finally {
      acme.requirements.app.secretMaxLifetimeMonths = saved;
      logged.mockRestore();
      h.backend.contractViolations.length = 0;
    }
  });

  it('every response matched docs/platform-api.yaml, on both sides', () => {
    expect(h.contractFailures).toEqual([]);
    expect(h.backend.contractViolations).toEqual([]);
  });
});
