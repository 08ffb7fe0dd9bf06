import { readFileSync } from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudFetch } from '../../../src/main/core/net/cloud-fetch';
import { PlatformApiClient } from '../../../src/main/core/platforms/delivery/platform-api-client';
import { PlatformTenantEnabler } from '../../../src/main/core/platforms/delivery/platform-tenant-enabler';
import type { ValidationIssue } from '../../sandbox/platform/loadPlatformApiValidator';
import { startPlatformHarness, type PlatformHarness } from '../sandbox-platform/harness';

let h: PlatformHarness;
let agent: Agent;
/** Each request the console's client sent, with the operation it is and anything that broke docs/platform-api.yaml. */
const sent: { operationId: string; problems: ValidationIssue[] }[] = [];

const operations: Array<[string, RegExp, string]> = [
  ['POST', /^\/v1\/tenants\/batch$/, 'putTenantsBatch'],
  ['PUT', /^\/v1\/tenants\/[^/]+$/, 'putTenant'],
  ['GET', /^\/v1\/tenants$/, 'listTenants'],
];

/** The console's fetch, checking both what it sends and what it gets against the document (the contract test). */
function contractCheckedFetch(): CloudFetch {
  return async (url, init) => {
    const u = new URL(url);
    const path = u.pathname.replace(/^\/platform/, '');
    const method = init?.method ?? 'GET';
    const operationId = operations.find(([m, p]) => m === method && p.test(path))?.[2] ?? 'unknown';
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    const response = (await undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as Response;
    const text = await response.clone().text();
    const problems = operationId === 'unknown' ? [{ path: '', message: `${method} ${path} is not an operation of the API` }] : [
      ...h.validator.validateRequest(operationId, body).errors.map((e) => ({ ...e, path: `request${e.path}` })),
      ...[...u.searchParams].flatMap(([name, value]) => h.validator.validateParameter(operationId, 'query', name, value).errors.map((e) => ({ ...e, path: `query.${name}` }))),
      ...h.validator.validateResponse(operationId, response.status, text ? JSON.parse(text) : undefined, response.headers.get('content-type') ?? undefined).errors.map((e) => ({ ...e, path: `response${e.path}` })),
    ];
    sent.push({ operationId, problems });
    return response;
  };
}

const tenantId = (i: number) => `${i.toString(16).padStart(8, '0')}-2222-4000-8000-000000000000`;

function clientFor(org: 'panelone' | 'acme' | 'clment', fetchFn: CloudFetch = contractCheckedFetch()): PlatformApiClient {
  return new PlatformApiClient({ baseUrl: h.sandbox.info.platform, token: h.sandbox.info.platformTokens[org]!, fetchFn, attempts: 2, sleep: async () => {} });
}

beforeAll(async () => {
  h = await startPlatformHarness();
  agent = new Agent({ connect: { ca: readFileSync(h.sandbox.info.caFile, 'utf8') } });
});
afterAll(async () => {
  await agent.close();
  await h.close();
});

describe('PlatformTenantEnabler against the reference backend', () => {
  it('enables 1,200 consented tenants in three batch requests, each with the platform’s own answer', async () => {
    const client = clientFor('panelone');
    const enabler = new PlatformTenantEnabler({ client: async () => client });
    const tenants = Array.from({ length: 1200 }, (_, i) => ({ tenantId: tenantId(i), domain: `client${i}.example`, name: `Client ${i}` }));
    // One tenant with a domain the platform's schema refuses: only that one fails, with the platform's reason.
    tenants[7] = { ...tenants[7]!, domain: 'not a host name' };
    sent.length = 0;
    const outcomes = await enabler.enable('ws', tenants);
    expect(sent.map((s) => s.operationId)).toEqual(['putTenantsBatch', 'putTenantsBatch', 'putTenantsBatch']);
    expect(outcomes).toHaveLength(1200);
    expect(outcomes!.map((o) => o.tenantId)).toEqual(tenants.map((t) => t.tenantId));
    expect(outcomes!.filter((o) => o.state === 'enabled')).toHaveLength(1199);
    expect(outcomes![7]).toMatchObject({ state: 'failed', message: expect.stringContaining('/domain') });

    // What the platform has now, read back through the paged list: exactly the enabled ones.
    const stored = await client.listTenants({ pageSize: 500 });
    expect(sent.filter((s) => s.operationId === 'listTenants')).toHaveLength(3);
    expect(stored.map((t) => t.tenantId)).toEqual(tenants.filter((_, i) => i !== 7).map((t) => t.tenantId));
    expect(stored.every((t) => t.enabled && t.consentStatus === 'granted')).toBe(true);
    expect(stored[0]).toMatchObject({ displayName: 'Client 0', domain: 'client0.example' });
    // Everything sent and answered matched the document, but the one item sent wrong on purpose.
    expect(sent.flatMap((s) => s.problems)).toEqual([{ path: 'request/tenants/7/domain', message: 'must match format "hostname"' }]);
  });

  it('falls back to one PUT per tenant for a platform on API 1.0 (no batch endpoint)', async () => {
    const checked = contractCheckedFetch();
    // An API 1.0 platform: the batch path does not exist there.
    const v10: CloudFetch = async (url, init) =>
      new URL(url).pathname.endsWith('/v1/tenants/batch')
        ? new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: 'No such path.', code: 'not_found' }), { status: 404, headers: { 'content-type': 'application/problem+json' } })
        : checked(url, init);
    const enabler = new PlatformTenantEnabler({ client: async () => clientFor('acme', v10), chunkSize: 5 });
    sent.length = 0;
    const tenants = Array.from({ length: 12 }, (_, i) => ({ tenantId: tenantId(5000 + i), domain: null, name: null }));
    const outcomes = await enabler.enable('ws', tenants);
    expect(outcomes!.map((o) => o.state)).toEqual(Array(12).fill('enabled'));
    expect(sent.map((s) => s.operationId)).toEqual(Array(12).fill('putTenant'));
    expect(sent.flatMap((s) => s.problems)).toEqual([]);
    expect((await clientFor('acme').listTenants()).map((t) => t.tenantId)).toEqual(tenants.map((t) => t.tenantId));
  });

  it('fails every tenant of a request the platform refuses as a whole, with the reason and what to do', async () => {
    const enabler = new PlatformTenantEnabler({
      client: async () => new PlatformApiClient({ baseUrl: h.sandbox.info.platform, token: 'plat_revoked', fetchFn: contractCheckedFetch(), attempts: 1 }),
    });
    const outcomes = await enabler.enable('ws', [{ tenantId: tenantId(9000), domain: null, name: null }]);
    expect(outcomes).toEqual([{ tenantId: tenantId(9000), state: 'failed', message: expect.stringContaining('The platform refused the API token.') }]);
    expect(outcomes![0]!.message).toContain('Create a new API token');
  });

  it('stops between chunks when the run is cancelled, and says nothing for a workspace with no platform connection', async () => {
    const controller = new AbortController();
    const client = clientFor('clment');
    const enabler = new PlatformTenantEnabler({
      client: async () => client,
      chunkSize: 2,
    });
    const original = client.putTenantsBatch.bind(client);
    client.putTenantsBatch = async (items) => {
      const r = await original(items);
      controller.abort();
      return r;
    };
    const outcomes = await enabler.enable('ws', Array.from({ length: 6 }, (_, i) => ({ tenantId: tenantId(7000 + i), domain: null, name: null })), controller.signal);
    expect(outcomes).toHaveLength(2);
    expect(await new PlatformTenantEnabler({ client: async () => null }).enable('ws', [{ tenantId: tenantId(1), domain: null, name: null }])).toBeNull();
  });
});
