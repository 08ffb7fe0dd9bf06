import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../../src/main/core/activity/activity-log';
import { withActivityScope } from '../../../src/main/core/activity/activity-scope';
import { createRecordingFetch } from '../../../src/main/core/activity/recording-fetch';
import { publicCloud } from '../../../src/main/core/clouds/cloud-profile';
import type { CloudFetch } from '../../../src/main/core/net/cloud-fetch';
import { openDatabase } from '../../../src/main/core/store/open-database';

const dbs: Database[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

/** An unsigned token with these claims: the recorder only decodes, Graph would validate. */
function token(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}
const admin = token({ preferred_username: 'admin@contosomsp.onmicrosoft.com', oid: '11111111-1111-1111-1111-111111111111', tid: '22222222-2222-2222-2222-222222222222' });
const appOnly = token({ appid: '33333333-3333-3333-3333-333333333333', idtyp: 'app', oid: '44444444-4444-4444-4444-444444444444', tid: '55555555-5555-5555-5555-555555555555' });

const SECRET = 'Xq8~s3cr3t.VALUE_that-must-never-be-logged';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
}

function setup(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const db = openDatabase(':memory:');
  dbs.push(db);
  db.prepare("INSERT INTO workspaces (id, name, name_key, platform_id, created_at, updated_at) VALUES ('w1', 'Contoso – PanelOne', 'c', 'clientone', 'x', 'x')").run();
  const log = new ActivityLog(db);
  const sent: Sent[] = [];
  const inner: CloudFetch = async (url, init = {}) => {
    sent.push({ url, method: init.method ?? 'GET', headers: new Headers(init.headers) });
    return answer(url, init);
  };
  const fetchFn = createRecordingFetch(inner, { cloud: publicCloud, log, now: () => new Date('2026-12-01T12:00:00.000Z'), localUser: 'jdoe (this computer)' });
  const entries = () => log.list({ text: '' }, 0, 100).entries.reverse();
  const wholeTable = () => JSON.stringify(db.prepare('SELECT * FROM activity_log').all());
  return { fetchFn, sent, entries, wholeTable, log };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const graph = 'https://graph.microsoft.com/v1.0';

describe('the recording fetch', () => {
  it('records a Graph write with who, workspace, what, result and both correlation IDs, and never the secret', async () => {
    const { fetchFn, sent, entries, wholeTable } = setup(() =>
      json(200, { keyId: 'k-new', secretText: SECRET, hint: 'Xq8', displayName: 'PanelOne' }, { 'request-id': 'ms-req-1' }),
    );
    const response = await withActivityScope({ workspaceId: 'w1', operation: 'onboarding.run' }, () =>
      fetchFn(`${graph}/applications/0a0a/addPassword`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ passwordCredential: { displayName: 'PanelOne', endDateTime: '2028-12-01T00:00:00Z' } }),
      }),
    );
    // The caller still reads the whole answer.
    expect(((await response.json()) as { secretText: string }).secretText).toBe(SECRET);
    const clientRequestId = sent[0]!.headers.get('client-request-id');
    expect(clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries()).toEqual([
      expect.objectContaining({
        at: '2026-12-01T12:00:00.000Z',
        workspaceId: 'w1',
        workspaceName: 'Contoso – PanelOne',
        operation: 'onboarding.run',
        who: 'admin@contosomsp.onmicrosoft.com',
        whoObjectId: '11111111-1111-1111-1111-111111111111',
        whoTenantId: '22222222-2222-2222-2222-222222222222',
        service: 'graph',
        method: 'POST',
        target: '/applications/0a0a/addPassword',
        what: 'Add client secret to app 0a0a',
        result: 'succeeded',
        status: 200,
        clientRequestId,
        requestId: 'ms-req-1',
        detail: { 'sent.passwordCredential.displayName': 'PanelOne', 'sent.passwordCredential.endDateTime': '2028-12-01T00:00:00Z', 'answer.keyId': 'k-new', 'answer.displayName': 'PanelOne' },
      }),
    ]);
    expect(wholeTable()).not.toContain(SECRET);
    expect(wholeTable()).not.toContain(admin);
  });

  it('keeps a client-request-id the caller chose', async () => {
    const { fetchFn, sent, entries } = setup(() => new Response(null, { status: 204 }));
    await fetchFn(`${graph}/applications/0a0a`, { method: 'PATCH', headers: { 'client-request-id': 'mine-1' }, body: '{}' });
    expect(sent[0]!.headers.get('client-request-id')).toBe('mine-1');
    expect(entries()[0]).toMatchObject({ clientRequestId: 'mine-1', status: 204, result: 'succeeded', what: 'Create or update app registration 0a0a', who: 'jdoe (this computer)', workspaceId: null });
  });

  it('does not record reads, nor sign-in and token requests', async () => {
    const { fetchFn, entries, sent } = setup(() => json(200, { access_token: SECRET }));
    await fetchFn(`${graph}/applications`, { headers: { Authorization: `Bearer ${admin}` } });
    await fetchFn(`${graph}/applications`, { method: 'HEAD' });
    await fetchFn('https://login.microsoftonline.com/organizations/oauth2/v2.0/token', { method: 'POST', body: `client_secret=${SECRET}` });
    await fetchFn('https://login.microsoftonline.com/organizations/oauth2/v2.0/devicecode', { method: 'POST', body: 'client_id=x' });
    expect(sent).toHaveLength(4);
    // Not even a header is added to Microsoft's sign-in traffic.
    expect(sent[2]!.headers.has('client-request-id')).toBe(false);
    expect(entries()).toEqual([]);
  });

  it('records a refusal with Graph’s error code', async () => {
    const { fetchFn, entries } = setup(() =>
      json(403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } }, { 'request-id': 'ms-req-2' }),
    );
    const response = await fetchFn(`${graph}/servicePrincipals`, { method: 'POST', headers: { Authorization: `Bearer ${admin}` }, body: JSON.stringify({ appId: 'app-1' }) });
    expect(response.status).toBe(403);
    expect(entries()[0]).toMatchObject({ result: 'failed', status: 403, errorCode: 'Authorization_RequestDenied', requestId: 'ms-req-2', what: 'Create service principal (enterprise app) for app app-1' });
  });

  it('reads a write’s answer once and hands the caller the same status, headers and text, an empty 204 included', async () => {
    const { fetchFn, entries } = setup((url) =>
      url.endsWith('/a')
        ? json(201, { id: 'sp-1', appId: 'app-1' }, { 'request-id': 'ms-req-3', location: 'https://graph.microsoft.com/v1.0/servicePrincipals/sp-1' })
        : new Response(null, { status: 204, headers: { 'content-type': 'application/json', 'request-id': 'ms-req-4' } }),
    );
    const created = await fetchFn(`${graph}/a`, { method: 'POST', headers: { Authorization: `Bearer ${admin}` }, body: '{}' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('https://graph.microsoft.com/v1.0/servicePrincipals/sp-1');
    expect(await created.json()).toEqual({ id: 'sp-1', appId: 'app-1' });
    const patched = await fetchFn(`${graph}/b`, { method: 'PATCH', headers: { Authorization: `Bearer ${admin}` }, body: '{}' });
    expect(patched.status).toBe(204);
    expect(await patched.text()).toBe('');
    expect(entries().map((e) => [e.status, e.requestId, e.result])).toEqual([
      [201, 'ms-req-3', 'succeeded'],
      [204, 'ms-req-4', 'succeeded'],
    ]);
  });

  it('records a write whose answer broke off mid-body, and hands the caller the failure', async () => {
    const { fetchFn, entries } = setup(() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":"sp-'));
          controller.error(Object.assign(new TypeError('terminated'), { cause: { code: 'UND_ERR_SOCKET' } }));
        },
      });
      return new Response(body, { status: 201, headers: { 'content-type': 'application/json', 'request-id': 'ms-req-5' } });
    });
    await expect(fetchFn(`${graph}/servicePrincipals`, { method: 'POST', headers: { Authorization: `Bearer ${admin}` }, body: JSON.stringify({ appId: 'app-1' }) })).rejects.toThrow(
      'terminated',
    );
    expect(entries()[0]).toMatchObject({ status: 201, requestId: 'ms-req-5', what: 'Create service principal (enterprise app) for app app-1' });
  });

  it('records a request that never got an answer, and still throws', async () => {
    const { fetchFn, entries } = setup(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    });
    await expect(fetchFn(`${graph}/groups`, { method: 'POST', body: JSON.stringify({ displayName: 'PanelOne admins' }) })).rejects.toThrow('fetch failed');
    expect(entries()[0]).toMatchObject({ result: 'failed', status: null, errorCode: 'ECONNREFUSED', what: 'Create security group "PanelOne admins"' });
  });

  it('names the socket code of a connection refused on every address (undici wraps it in an AggregateError)', async () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}:443`), { code: 'ECONNREFUSED', address, port: 443 });
    const { fetchFn, entries } = setup(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: new AggregateError([refused('::1'), refused('127.0.0.1')]) });
    });
    await expect(fetchFn(`${graph}/groups`, { method: 'POST', body: JSON.stringify({ displayName: 'PanelOne admins' }) })).rejects.toThrow('fetch failed');
    expect(entries()[0]).toMatchObject({ result: 'failed', status: null, errorCode: 'ECONNREFUSED' });
  });

  it('names an app-only token by its app, and Partner Center calls by their MS-CorrelationId and MS-RequestId', async () => {
    const { fetchFn, sent, entries } = setup(() => json(201, { applicationId: 'app-1' }, { 'MS-RequestId': 'pc-req-1' }));
    await fetchFn('https://api.partnercenter.microsoft.com/v1/customers/cust-1/applicationconsents', {
      method: 'POST',
      headers: { Authorization: `Bearer ${appOnly}` },
      body: JSON.stringify({ applicationId: 'app-1', displayName: 'PanelOne', applicationGrants: [{ enterpriseApplicationId: 'g', scope: 'User.Read' }] }),
    });
    const correlation = sent[0]!.headers.get('MS-CorrelationId');
    expect(correlation).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]!.headers.get('MS-RequestId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries()[0]).toMatchObject({
      service: 'partnerCenter',
      who: 'app 33333333-3333-3333-3333-333333333333',
      whoTenantId: '55555555-5555-5555-5555-555555555555',
      what: 'Grant consent to app app-1 in client tenant cust-1 (Partner Center CPV)',
      clientRequestId: correlation,
      requestId: 'pc-req-1',
      detail: { 'sent.applicationId': 'app-1', 'sent.displayName': 'PanelOne', 'sent.applicationGrants.count': 1, 'answer.applicationId': 'app-1' },
    });
  });

  it('records a platform push under the admin seen earlier in the same run, with its Idempotency-Key, and never the secret', async () => {
    const { fetchFn, entries, wholeTable } = setup((url) =>
      url.includes('platform') ? json(200, { clientId: 'app-1', tenantId: 't-1', clientSecret: { hint: 'Xq8' } }, { 'x-request-id': 'plat-1' }) : new Response(null, { status: 204 }),
    );
    await withActivityScope({ workspaceId: 'w1', operation: 'delivery.push' }, async () => {
      await fetchFn(`${graph}/applications/0a0a`, { method: 'PATCH', headers: { Authorization: `Bearer ${admin}` }, body: '{}' });
      await fetchFn('https://platform.example/api/v1/sso-configuration', {
        method: 'PUT',
        headers: { Authorization: 'Bearer plat_token_not_a_jwt', 'Idempotency-Key': 'idem-1' },
        body: JSON.stringify({ clientId: 'app-1', tenantId: 't-1', clientSecret: SECRET }),
      });
    });
    expect(entries()[1]).toMatchObject({
      service: 'platform',
      who: 'admin@contosomsp.onmicrosoft.com',
      target: '/api/v1/sso-configuration',
      what: 'Push the sign-in configuration to the platform',
      clientRequestId: 'idem-1',
      requestId: 'plat-1',
      detail: { 'sent.clientId': 'app-1', 'sent.tenantId': 't-1', 'answer.clientId': 'app-1', 'answer.tenantId': 't-1' },
    });
    expect(wholeTable()).not.toContain(SECRET);
    expect(wholeTable()).not.toContain('plat_token_not_a_jwt');
  });

  it('expands a Graph JSON batch into one entry per write, each with its own answer', async () => {
    const { fetchFn, entries } = setup(() =>
      json(200, {
        responses: [
          { id: '1', status: 200, body: { value: [] } },
          { id: '2', status: 201, body: { id: 'g-1', displayName: 'Admins' } },
          { id: '3', status: 400, body: { error: { code: 'Request_BadRequest' } } },
        ],
      }),
    );
    await fetchFn(`${graph}/$batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        requests: [
          { id: '1', method: 'GET', url: '/groups?$top=1' },
          { id: '2', method: 'POST', url: '/groups', body: { displayName: 'Admins' }, headers: { 'Content-Type': 'application/json' } },
          { id: '3', method: 'DELETE', url: 'oauth2PermissionGrants/gr-1' },
        ],
      }),
    });
    expect(entries().map((e) => [e.method, e.target, e.what, e.result, e.status, e.errorCode, e.detail['batchItem']])).toEqual([
      ['POST', '/groups', 'Create security group "Admins"', 'succeeded', 201, null, '2'],
      ['DELETE', '/oauth2PermissionGrants/gr-1', 'Revoke delegated permission grant gr-1', 'failed', 400, 'Request_BadRequest', '3'],
    ]);
  });
});
