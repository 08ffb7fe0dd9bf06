import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../sandbox/model/directoryTypes';
import { startPartnerCenterHarness, type PartnerCenterHarness } from './harness';

let h: PartnerCenterHarness;
let app: Application;
let token: string;

beforeAll(async () => {
  h = await startPartnerCenterHarness();
  app = h.cpvApp('Customer lister');
  token = await h.partnerCenterToken('globalAdmin', app);
});
afterAll(() => h.close());

describe('GET /v1/customers (facts §7.3)', () => {
  it('lists every client tenant as a reseller customer, BOM first, in the documented shape', async () => {
    const r = await h.call('GET', '/v1/customers?size=40', { token });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(r.text.charCodeAt(0)).toBe(0xfeff);
    expect(r.body.attributes).toEqual({ objectType: 'Collection' });
    expect(r.body.links?.self).toEqual({ uri: '/v1/customers?size=40', method: 'GET', headers: [] });
    expect(r.body.links?.next).toBeUndefined();
    const clients = h.sandbox.info.clientTenants;
    expect(r.body.totalCount).toBe(clients.length);
    expect(r.body.items?.map((c) => c.id)).toEqual(clients.map((c) => c.tenantId));
    const noGdap = clients.find((c) => c.kind === 'noGdap');
    expect(r.body.items?.find((c) => c.id === noGdap?.tenantId)).toEqual({
      id: noGdap?.tenantId,
      companyProfile: {
        tenantId: noGdap?.tenantId,
        domain: noGdap?.domain,
        companyName: noGdap?.displayName,
        attributes: { objectType: 'CustomerCompanyProfile' },
      },
      relationshipToPartner: 'reseller',
      attributes: { objectType: 'Customer' },
    });
    expect(r.body.items?.some((c) => c.id === h.partnerTenantId)).toBe(false);
  });

  it('pages with size and follows links.next with its MS-ContinuationToken header', async () => {
    const seen: string[] = [];
    let r = await h.call('GET', '/v1/customers?size=3', { token });
    expect(r.body.items).toHaveLength(3);
    expect(r.body.totalCount).toBe(3);
    seen.push(...(r.body.items ?? []).map((c) => String(c.id)));
    let pages = 1;
    while (r.body.links?.next) {
      const next = r.body.links.next;
      expect(next.method).toBe('GET');
      expect(next.uri).toBe('/v1/customers?size=3&seekOperation=Next');
      expect(next.headers[0]?.key).toBe('MS-ContinuationToken');
      const headers = Object.fromEntries(next.headers.map((x) => [x.key, x.value]));
      r = await h.call('GET', next.uri, { token, headers });
      expect(r.status).toBe(200);
      seen.push(...(r.body.items ?? []).map((c) => String(c.id)));
      pages++;
    }
    const clients = h.sandbox.info.clientTenants;
    expect(pages).toBe(Math.ceil(clients.length / 3));
    expect(seen).toEqual(clients.map((c) => c.tenantId));
  });

  it('refuses a Next without a valid continuation token', async () => {
    const r = await h.call('GET', '/v1/customers?size=3&seekOperation=Next', { token, headers: { 'MS-ContinuationToken': 'nonsense' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: '400', source: 'PartnerFD', data: [] });
  });

  it('filters by company name prefix (facts §7.3 filter)', async () => {
    const target = h.sandbox.info.clientTenants[2];
    const filter = JSON.stringify({ Field: 'CompanyName', Value: target?.displayName.slice(0, 4), Operator: 'starts_with' });
    const r = await h.call('GET', `/v1/customers?size=0&filter=${encodeURIComponent(filter)}`, { token });
    expect(r.status).toBe(200);
    expect(r.body.items?.map((c) => c.id)).toContain(target?.tenantId);
    for (const c of r.body.items ?? []) {
      expect(String((c.companyProfile as { companyName: string }).companyName).toLowerCase()).toMatch(new RegExp(`^${target?.displayName.slice(0, 4).toLowerCase()}`));
    }
  });

  it('accepts app-only tokens, as Microsoft documents for this call', async () => {
    const r = await h.call('GET', '/v1/customers?size=2', { token: await h.partnerCenterAppToken(app) });
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(2);
  });

  it('answers 401 with the Partner Center error body without a token', async () => {
    const r = await h.call('GET', '/v1/customers');
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: '401', data: [], source: 'PartnerFD' });
    expect(typeof r.body.description).toBe('string');
  });

  it('refuses an App+User token without MFA: 401 with code 900421 (Partner Center MFA enforcement since 1 April 2026)', async () => {
    const app = h.cpvApp('No MFA App');
    const r = await h.call('GET', '/v1/customers?size=5', { token: await h.partnerCenterToken('globalAdmin', app, { amr: ['pwd'] }) });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ code: '900421' });
    expect((await h.call('GET', '/v1/customers?size=5', { token: await h.partnerCenterToken('globalAdmin', app) })).status).toBe(200);
    // App-only calls are not affected.
    expect((await h.call('GET', '/v1/customers?size=5', { token: await h.partnerCenterAppToken(app) })).status).toBe(200);
  });

  it('the BOM is a setting', async () => {
    h.settings.utf8Bom = false;
    try {
      const r = await h.call('GET', '/v1/customers?size=1', { token });
      expect(r.text.startsWith('{')).toBe(true);
      expect(JSON.parse(r.text)).toMatchObject({ totalCount: 1 });
    } finally {
      h.settings.utf8Bom = true;
    }
  });
});
