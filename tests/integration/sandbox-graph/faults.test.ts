import { GraphError } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphHarness, type GraphHarness } from './harness';

let h: GraphHarness;

beforeAll(async () => {
  h = await startGraphHarness();
});
afterAll(() => h.close());

describe('faults from the graph mount middleware apply to Graph routes', () => {
  it('429 with Retry-After and the facts §9.2 body once the (tenant, app) bucket is empty', async () => {
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.Read'] });
    h.sandbox.patchSettings({ faults: { graph: { throttle: { capacity: 2, refillPerSecond: 1 } } } });
    try {
      const client = h.client(token);
      await client.api('/me').get();
      await client.api('/me').get();
      try {
        await client.api('/me').get();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(GraphError);
        const e = error as GraphError;
        expect(e.statusCode).toBe(429);
        expect(e.code).toBe('TooManyRequests');
        expect(e.headers?.get('retry-after')).toBe('1');
      }
      // The SDK's RetryHandler honours Retry-After and succeeds on the retry.
      const me = await h.client(token, { retry: true }).api('/me').get();
      expect(me.userPrincipalName).toBe(h.upn('globalAdmin'));
    } finally {
      h.sandbox.patchSettings({ faults: { graph: { throttle: null } } });
    }
  });

  it('injected 5xx reach Graph callers in the Graph error envelope', async () => {
    const token = await h.userToken({ upn: h.upn('globalAdmin'), scopes: ['User.Read'] });
    h.sandbox.patchSettings({ faults: { graph: { errorRate: 1, errorStatus: 503 } } });
    try {
      const r = await h.call('GET', '/me', { token });
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('ServiceUnavailable');
    } finally {
      h.sandbox.patchSettings({ faults: { graph: { errorRate: 0 } } });
    }
  });

  it('echoes client-request-id in the header and innerError', async () => {
    const r = await h.call('GET', '/me', { headers: { 'client-request-id': 'abc-123' } });
    expect(r.headers.get('client-request-id')).toBe('abc-123');
    expect(r.headers.get('request-id')).toBe(r.body.error.innerError['request-id']);
    expect(r.body.error.innerError['client-request-id']).toBe('abc-123');
  });
});
