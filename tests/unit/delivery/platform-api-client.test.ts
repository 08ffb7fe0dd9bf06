import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors/app-error';
import { PlatformApiClient } from '../../../src/main/core/platforms/delivery/platform-api-client';

const config = {
  tenantId: 't',
  clientId: 'c',
  clientSecret: { set: true, hint: 'abc', expiresAt: null },
  partnerCenter: null,
  origin: null,
  enabled: true,
  authMode: null,
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
};

type Scripted = (init: RequestInit) => Response | Promise<Response> | 'timeout' | 'network';

/** A fetch that answers from a script, one entry per call, and remembers what it was sent. */
function scripted(...script: Scripted[]) {
  return scriptedWith(3, ...script);
}

function scriptedWith(attempts: number, ...script: Scripted[]) {
  const calls: RequestInit[] = [];
  const fetchFn = async (_url: string, init?: RequestInit): Promise<Response> => {
    calls.push(init ?? {});
    const next = script.shift();
    if (!next) throw new Error('unexpected call');
    const answer = await next(init ?? {});
    if (answer === 'timeout') throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    if (answer === 'network') throw new Error('ECONNRESET');
    return answer;
  };
  const client = new PlatformApiClient({ baseUrl: 'https://platform.example/', token: 'tok', fetchFn, attempts, sleep: async () => {} });
  return { client, calls };
}

const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('PlatformApiClient', () => {
  it('retries a 500, a timeout and a malformed answer with the same idempotency key, then succeeds', async () => {
    const { client, calls } = scriptedWith(4, json(500, {}), () => 'timeout', () => new Response('<html>oops</html>', { status: 200 }), json(200, config));
    expect(await client.putConfiguration({ tenantId: 't', clientId: 'c', enabled: true }, 'key-1')).toEqual(config);
    expect(calls).toHaveLength(4);
    expect(new Set(calls.map((c) => (c.headers as Record<string, string>)['Idempotency-Key']))).toEqual(new Set(['key-1']));
    expect((calls[0]?.headers as Record<string, string>)['Authorization']).toBe('Bearer tok');
  });

  it('gives up after its attempts with a message that nothing was lost', async () => {
    const { client, calls } = scripted(json(503, {}), json(502, {}), () => 'network');
    const error = await failure(client.putConfiguration({ tenantId: 't', clientId: 'c', enabled: true }, 'k'));
    expect(calls).toHaveLength(3);
    expect(error.code).toBe('platform_unavailable');
    expect(error.fix).toMatch(/cannot create a second configuration/);
  });

  it('says the token was refused on 401, without retrying', async () => {
    const { client, calls } = scripted(json(401, { code: 'unauthorized', title: 'Unauthorized', status: 401 }));
    const error = await failure(client.requirements());
    expect(calls).toHaveLength(1);
    expect(error.code).toBe('platform_unauthorized');
    expect(error.fix).toMatch(/new API token/);
  });

  it('reports a 409 conflict as such, without retrying', async () => {
    const { client, calls } = scripted(json(409, { code: 'idempotency_conflict', detail: 'Idempotency-Key was used with a different body.', status: 409 }));
    const error = await failure(client.putConfiguration({ tenantId: 't', clientId: 'c', enabled: true }, 'k'));
    expect(calls).toHaveLength(1);
    expect(error.code).toBe('platform_conflict');
    expect(error.message).toContain('Idempotency-Key was used with a different body.');
    expect(error.details?.['platformCode']).toBe('idempotency_conflict');
  });

  it('treats a 404 on the configuration as "none yet"', async () => {
    const { client } = scripted(json(404, { code: 'not_found', status: 404 }));
    expect(await client.configuration()).toBeUndefined();
  });

  it('passes the platform’s field errors on a 422', async () => {
    const { client } = scripted(json(422, { code: 'validation_failed', detail: 'tenantId must be a GUID', status: 422, errors: [{ path: '/tenantId', message: 'must match format "uuid"' }] }));
    const error = await failure(client.putConfiguration({ tenantId: 'x', clientId: 'c', enabled: true }, 'k'));
    expect(error.code).toBe('platform_rejected');
    expect(error.details?.['errors']).toEqual([{ path: '/tenantId', message: 'must match format "uuid"' }]);
  });

  it('reads every page of GET /v1/tenants with the cursor it was given, and stops a platform that repeats a page', async () => {
    const t = (id: string) => ({ tenantId: id, enabled: true, consentStatus: 'granted', displayName: null, domain: null, updatedAt: '2026-01-01T00:00:00Z' });
    const urls: string[] = [];
    const pages = [{ value: [t('a'), t('b')], nextCursor: 'c1' }, { value: [t('c')], nextCursor: null }];
    const fetchFn = async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify(pages.shift()), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const client = new PlatformApiClient({ baseUrl: 'https://platform.example', token: 'tok', fetchFn, sleep: async () => {} });
    expect((await client.listTenants({ pageSize: 2 })).map((x) => x.tenantId)).toEqual(['a', 'b', 'c']);
    expect(urls).toEqual(['https://platform.example/v1/tenants?limit=2', 'https://platform.example/v1/tenants?limit=2&cursor=c1']);

    const looping = scripted(json(200, { value: [t('a')], nextCursor: 'same' }), json(200, { value: [t('b')], nextCursor: 'same' }));
    expect((await failure(looping.client.listTenants())).message).toBe('The platform’s tenant list repeats a page.');
  });

  it('refuses a batch answer that does not have one result per tenant sent', async () => {
    const { client } = scripted(json(200, { results: [] }));
    const error = await failure(client.putTenantsBatch([{ tenantId: 't', enabled: true, consentStatus: 'granted' }]));
    expect(error.message).toBe('The platform answered 0 results for 1 tenants.');
  });
});
