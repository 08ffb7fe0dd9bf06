import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformHarness, type PlatformHarness } from './harness';

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness();
});
afterAll(() => h.close());

function save(org: 'acme' | 'clment' | 'panelone', body: Record<string, unknown>) {
  return h.call(org, 'PUT', '/v1/sso-configuration', { body, headers: { 'idempotency-key': randomUUID() } });
}

describe('POST /v1/sso-configuration/test: the platform checks the stored credentials against Entra', () => {
  it('404 before there is a configuration', async () => {
    const r = await h.call('acme', 'POST', '/v1/sso-configuration/test');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('not_found');
  });

  it('green with a real confidential app and its secret from the partner tenant', async () => {
    const app = await h.confidentialApp('Acme Dispatch');
    const tenantId = h.sandbox.info.partnerTenantId;
    expect((await save('acme', { tenantId, clientId: app.appId, clientSecret: app.secretText, enabled: true })).status).toBe(201);
    const r = await h.call('acme', 'POST', '/v1/sso-configuration/test');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      ok: true,
      checks: [
        { name: 'discovery', ok: true, message: `Tenant ${tenantId} found; issuer ${h.sandbox.info.authority}/${tenantId}/v2.0.` },
        { name: 'clientCredentials', ok: true, message: expect.stringMatching(/^Entra issued an app-only token for https:\/\/graph\.microsoft\.com \(valid \d+ s\)\.$/) },
      ],
      testedAt: expect.any(String),
    });
    expect(Date.parse(r.body.testedAt)).toBeCloseTo(h.sandbox.clock.now(), -4);
    expect(r.text).not.toContain(app.secretText);
  });

  it('red with a wrong secret: AADSTS7000215 in the message', async () => {
    const app = await h.confidentialApp('Clment');
    const tenantId = h.sandbox.info.partnerTenantId;
    await save('clment', { tenantId, clientId: app.appId, clientSecret: `${app.secretText}-wrong`, enabled: true });
    const r = await h.call('clment', 'POST', '/v1/sso-configuration/test');
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.checks[0]).toMatchObject({ name: 'discovery', ok: true });
    expect(r.body.checks[1]).toMatchObject({ name: 'clientCredentials', ok: false });
    expect(r.body.checks[1].message).toMatch(/^AADSTS7000215: Invalid client secret provided\./);
    expect(r.body.checks[1].message).not.toContain('Trace ID');

    // Fixing the secret (same app, new key) turns it green.
    await save('clment', { tenantId, clientId: app.appId, clientSecret: app.secretText, enabled: true });
    expect((await h.call('clment', 'POST', '/v1/sso-configuration/test')).body.ok).toBe(true);
  });

  it('red for an app the tenant does not know (AADSTS700016) and a tenant that does not exist (AADSTS90002)', async () => {
    const tenantId = h.sandbox.info.partnerTenantId;
    await save('panelone', { tenantId, clientId: randomUUID(), clientSecret: 'Xyz8Q~notARealSecret.0123456789abcdefgh', enabled: true });
    const unknownApp = await h.call('panelone', 'POST', '/v1/sso-configuration/test');
    expect(unknownApp.body.checks[1].message).toMatch(/^AADSTS700016: /);

    const app = await h.confidentialApp('PanelOne');
    await save('panelone', { tenantId: randomUUID(), clientId: app.appId, clientSecret: app.secretText, enabled: true });
    const noTenant = await h.call('panelone', 'POST', '/v1/sso-configuration/test');
    expect(noTenant.body.ok).toBe(false);
    expect(noTenant.body.checks.map((c: { ok: boolean }) => c.ok)).toEqual([false, false]);
    expect(noTenant.body.checks[0].message).toMatch(/^AADSTS90002: /);
  });

  it('Entra faults reach the check as failures, not as a failed API call', async () => {
    h.sandbox.patchSettings({ faults: { identity: { errorRate: 1, errorStatus: 503 } } });
    try {
      const r = await h.call('acme', 'POST', '/v1/sso-configuration/test');
      expect(r.status).toBe(200);
      expect(r.body.ok).toBe(false);
      expect(r.body.checks.every((c: { ok: boolean }) => !c.ok)).toBe(true);
    } finally {
      h.sandbox.patchSettings({ faults: { identity: { errorRate: 0 } } });
    }
    expect((await h.call('acme', 'POST', '/v1/sso-configuration/test')).body.ok).toBe(true);
  });

  it('every response matched docs/platform-api.yaml, on both sides', () => {
    expect(h.contractFailures).toEqual([]);
    expect(h.backend.contractViolations).toEqual([]);
  });
});
