import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformHarness, type PlatformHarness } from './harness';

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness();
});
afterAll(() => h.close());

describe('PUT /v1/tenants/{tenantId} and GET /v1/tenants', () => {
  it('records per-tenant enablement and consent (ClientOne clientone_sso_enabled), sorted by tenant ID', async () => {
    expect((await h.call('panelone', 'GET', '/v1/tenants')).body).toEqual({ value: [], nextCursor: null });
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
    expect((await h.call('sonicsaas', 'GET', '/v1/tenants')).body).toEqual({ value: [r.body], nextCursor: null });
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

  it('pages by tenant ID with an opaque cursor: no tenant twice, none skipped, even when records change meanwhile', async () => {
    const ids = Array.from({ length: 23 }, (_, i) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`);
    const batch = await h.call('clment', 'POST', '/v1/tenants/batch', { body: { tenants: ids.map((tenantId) => ({ tenantId, enabled: true, consentStatus: 'granted' })) } });
    expect(batch.status).toBe(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await h.call('clment', 'GET', `/v1/tenants?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.value.length).toBeLessThanOrEqual(10);
      seen.push(...page.body.value.map((t: { tenantId: string }) => t.tenantId));
      cursor = page.body.nextCursor;
      // A change to a tenant already read, mid-paging, neither repeats it nor shifts the next page.
      if (pages++ === 0) await h.call('clment', 'PUT', `/v1/tenants/${ids[0]}`, { body: { enabled: false, consentStatus: 'failed' } });
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
    // The default page is 100; the limit is 1 to 1000; a cursor we did not issue is refused plainly.
    expect((await h.call('clment', 'GET', '/v1/tenants')).body.value).toHaveLength(23);
    for (const limit of ['0', '1001', 'ten']) {
      const bad = await h.call('clment', 'GET', `/v1/tenants?limit=${limit}`);
      expect(bad.status, limit).toBe(422);
      expect(bad.body.errors[0].path).toBe('query.limit');
    }
    const forged = await h.call('clment', 'GET', `/v1/tenants?cursor=${ids[3]}`);
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('cursor_invalid');
  });

  it('a batch saves the good items and answers each bad one with its own 422, in the order sent', async () => {
    const [a, b, c] = h.sandbox.info.clientTenants;
    if (!a || !b || !c) throw new Error('the scenario has client tenants');
    const r = await h.call('acme', 'POST', '/v1/tenants/batch', {
      body: {
        tenants: [
          { tenantId: a.tenantId.toUpperCase(), enabled: true, consentStatus: 'granted', displayName: a.displayName, domain: a.domain },
          { tenantId: 'contoso.onmicrosoft.com', enabled: true, consentStatus: 'granted' },
          { tenantId: b.tenantId, enabled: 'yes', consentStatus: 'maybe' },
          { enabled: true, consentStatus: 'granted' },
          { tenantId: c.tenantId, enabled: false, consentStatus: 'pending' },
        ],
      },
    });
    expect(r.status).toBe(200);
    const results = r.body.results as Array<{ index: number; tenantId: string | null; status: number; error: { errors: Array<{ path: string }> } | null }>;
    expect(results.map((x) => [x.index, x.tenantId, x.status])).toEqual([
      [0, a.tenantId, 200],
      [1, 'contoso.onmicrosoft.com', 422],
      [2, b.tenantId, 422],
      [3, null, 422],
      [4, c.tenantId, 200],
    ]);
    expect(results[1]!.error!.errors.map((e) => e.path)).toEqual(['/tenantId']);
    expect(results[2]!.error!.errors.map((e) => e.path).sort()).toEqual(['/consentStatus', '/enabled']);
    expect(results[3]!.error!.errors.map((e) => e.path)).toEqual(['/tenantId']);
    expect(r.body.results[0].tenant).toMatchObject({ tenantId: a.tenantId, enabled: true, consentStatus: 'granted', domain: a.domain.toLowerCase() });
    const stored = (await h.call('acme', 'GET', '/v1/tenants')).body.value.map((t: { tenantId: string }) => t.tenantId);
    expect(stored).toEqual([a.tenantId, c.tenantId].sort());
  });

  it('refuses a whole batch only when it is not a list of 1 to 500 tenants or names a tenant twice', async () => {
    const id = (i: number) => `${i.toString(16).padStart(8, '0')}-1111-4000-8000-000000000000`;
    const tooMany = await h.call('sonicsaas', 'POST', '/v1/tenants/batch', { body: { tenants: Array.from({ length: 501 }, (_, i) => ({ tenantId: id(i), enabled: true, consentStatus: 'granted' })) } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors.map((e: { path: string }) => e.path)).toEqual(['/tenants']);
    const empty = await h.call('sonicsaas', 'POST', '/v1/tenants/batch', { body: { tenants: [] } });
    expect(empty.status).toBe(422);
    const twice = await h.call('sonicsaas', 'POST', '/v1/tenants/batch', {
      body: { tenants: [id(1), id(2), id(1).toUpperCase()].map((tenantId) => ({ tenantId, enabled: true, consentStatus: 'granted' })) },
    });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([{ path: '/tenants/2/tenantId', message: 'names the same tenant as /tenants/0/tenantId' }]);
    // Nothing of a refused batch is saved.
    expect((await h.call('sonicsaas', 'GET', '/v1/tenants')).body.value.map((t: { tenantId: string }) => t.tenantId)).not.toContain(id(2));
  });

  it('every response matched docs/platform-api.yaml, on both sides', () => {
    expect(h.contractFailures).toEqual([]);
    expect(h.backend.contractViolations).toEqual([]);
  });
});
