import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformHarness, type PlatformHarness } from './harness';

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness();
});
afterAll(() => h.close());

describe('PUT /v1/tenants/{tenantId} and GET /v1/tenants', () => {
  it('records per-tenant enablement and consent (ClientOne clientone_sso_enabled), sorted by tenant ID', async () => {
    expect((await h.call('panelone', 'GET', '/v1/tenants')).body).toEqual({ value: [] });
    const [a, b] = h.sandbox.info.clientTenants;
    if (!a || !b) throw new Error('the scenario has client tenants');
    const putA = await h.call('panelone', 'PUT', `/v1/tenants/${a.tenantId.toUpperCase()}`, {
      body: { enabled: true, consentStatus: 'granted', displayName: a.displayName, domain: a.domain.toUpperCase() },
    });
    expect(putA.status).toBe(200);
    expect(putA.body).toEqual({ tenantId: a.tenantId, enabled: true, consentStatus: 'granted', displayName: a.displayName, domain: a.domain, updatedAt: expect.any(String) });
    const putB = await h.call('panelone', 'PUT', `/v1/tenants/${b.tenantId}`, { body: { enabled: false, consentStatus: 'pending' } });
    expect(putB.body).toMatchObject({ tenantId: b.tenantId, enabled: false, consentStatus: 'pending', displayName: null, domain: null });

    const list = await h.call('panelone', 'GET', '/v1/tenants');
    expect(list.status).toBe(200);
    expect(list.body.value.map((t: { tenantId: string }) => t.tenantId)).toEqual([a.tenantId, b.tenantId].sort());

    // Replace: consent failed, display name and domain omitted, so cleared.
    const replaced = await h.call('panelone', 'PUT', `/v1/tenants/${a.tenantId}`, { body: { enabled: false, consentStatus: 'failed' } });
    expect(replaced.body).toMatchObject({ enabled: false, consentStatus: 'failed', displayName: null, domain: null });
    expect((await h.call('panelone', 'GET', '/v1/tenants')).body.value).toHaveLength(2);
  });

  it('SonicSaaS team registration is per organisation: other organisations do not see it', async () => {
    const tenantId = h.sandbox.info.partnerTenantId;
    const r = await h.call('sonicsaas', 'PUT', `/v1/tenants/${tenantId}`, { body: { enabled: true, consentStatus: 'unknown', displayName: 'Contoso MSP' } });
    expect(r.status).toBe(200);
    expect((await h.call('sonicsaas', 'GET', '/v1/tenants')).body.value).toEqual([r.body]);
    expect((await h.call('clment', 'GET', '/v1/tenants')).body.value).toEqual([]);
  });

  it('422 with the path parameter and body members named', async () => {
    const r = await h.call('panelone', 'PUT', '/v1/tenants/contoso.onmicrosoft.com', { body: { enabled: 'yes', consentStatus: 'maybe', domain: 'not a host' } });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('validation_failed');
    expect((r.body.errors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual(['/consentStatus', '/domain', '/enabled', 'path.tenantId']);
    const empty = await h.call('panelone', 'PUT', `/v1/tenants/${h.sandbox.info.partnerTenantId}`);
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([{ path: '', message: 'a request body is required' }]);
  });

  it('every response matched docs/platform-api.yaml, on both sides', () => {
    expect(h.contractFailures).toEqual([]);
    expect(h.backend.contractViolations).toEqual([]);
  });
});
