import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphHarness, type GraphHarness } from './harness';

let h: GraphHarness;
let token: string;

beforeAll(async () => {
  h = await startGraphHarness();
  token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['Application.ReadWrite.All', 'User.Read'] });
});
afterAll(() => h.close());

const json = { 'Content-Type': 'application/json' };

describe('$batch (facts §9.3)', () => {
  it('runs a batch built by the Graph SDK, with dependsOn sequencing', async () => {
    const base = h.sandbox.info.graph;
    const content = new BatchRequestContent([
      { id: '1', request: new Request(`${base}/applications`, { method: 'POST', body: JSON.stringify({ displayName: 'Batched' }), headers: json }) },
      { id: '2', request: new Request(`${base}/me`, { method: 'GET' }), dependsOn: ['1'] },
    ]);
    const raw = await h.client(token).api('/$batch').post(await content.getContent());
    const responses = new BatchResponseContent(raw).getResponses();
    expect(responses.get('1')?.status).toBe(201);
    expect(((await responses.get('1')?.json()) as { displayName: string }).displayName).toBe('Batched');
    expect(responses.get('2')?.status).toBe(200);
  });

  it('answers 424 to requests whose dependency failed, and authorises each request on its own', async () => {
    const r = await h.call('POST', '/$batch', {
      token,
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/applications/00000000-0000-0000-0000-000000000001' },
          { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
          { id: '3', method: 'GET', url: '/tenantRelationships/delegatedAdminCustomers' },
          { id: '4', method: 'POST', url: '/applications', body: { displayName: 'B4' }, headers: json },
        ],
      },
    });
    expect(r.status).toBe(200);
    const byId = new Map(r.body.responses.map((x) => [x.id, x]));
    expect(byId.get('1')?.status).toBe(404);
    expect(byId.get('2')?.status).toBe(424);
    expect(byId.get('3')?.status).toBe(403);
    expect(byId.get('3')?.body?.error?.code).toBe('Authorization_RequestDenied');
    expect(byId.get('4')?.status).toBe(201);
  });

  it('rejects more than 20 requests, duplicate ids and a body without Content-Type with 400', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' }));
    expect((await h.call('POST', '/$batch', { token, body: { requests: many } })).status).toBe(400);
    const twenty = await h.call('POST', '/$batch', { token, body: { requests: many.slice(0, 20) } });
    expect(twenty.status).toBe(200);
    expect(twenty.body.responses).toHaveLength(20);
    const dup = await h.call('POST', '/$batch', { token, body: { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }] } });
    expect(dup.status).toBe(400);
    const noType = await h.call('POST', '/$batch', { token, body: { requests: [{ id: '1', method: 'POST', url: '/applications', body: { displayName: 'x' } }] } });
    expect(noType.status).toBe(400);
    expect(noType.body.error.message).toBe('Write request id : 1 does not contain Content-Type header or body.');
  });

  it('throttles each inner request individually (429 inside the batch)', async () => {
    h.sandbox.patchSettings({ faults: { graph: { throttle: { capacity: 3, refillPerSecond: 0.001 } } } });
    try {
      const t = await h.userToken({ upn: h.upn('applicationAdmin'), scopes: ['User.Read'] });
      const r = await h.call('POST', '/$batch', { token: t, body: { requests: Array.from({ length: 5 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' })) } });
      expect(r.status).toBe(200);
      const statuses = r.body.responses.map((x: { status: number }) => x.status);
      // Only the inner requests draw on the (tenant, app) bucket (facts §9.3), so three of five got through.
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(r.body.responses[3]?.headers['Retry-After']).toMatch(/^\d+$/);
    } finally {
      h.sandbox.patchSettings({ faults: { graph: { throttle: null } } });
    }
  });
});
