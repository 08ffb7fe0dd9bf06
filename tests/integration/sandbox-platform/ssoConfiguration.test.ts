import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformHarness, type PlatformHarness } from './harness';

let h: PlatformHarness;
let partnerTenantId: string;

beforeAll(async () => {
  h = await startPlatformHarness();
  partnerTenantId = h.sandbox.info.partnerTenantId;
});
afterAll(() => h.close());

const clientId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const secret = 'Abc8Q~firstSecretValue.0123456789abcdefgh';
const key = () => randomUUID();

function put(body: unknown, headers: Record<string, string>) {
  return h.call('panelone', 'PUT', '/v1/sso-configuration', { body, headers });
}

describe('PUT / GET /v1/sso-configuration (PanelOne)', () => {
  it('creates (201), reads back redacted, replays a retry, refuses a reused key, updates (200) and keeps an omitted secret', async () => {
    expect((await h.call('panelone', 'GET', '/v1/sso-configuration')).status).toBe(404);

    const first = { tenantId: partnerTenantId, clientId, clientSecret: secret, clientSecretExpiresAt: '2027-06-30T00:00:00Z', enabled: true };
    const k1 = key();
    const created = await put(first, { 'idempotency-key': k1 });
    expect(created.status).toBe(201);
    expect(created.headers.get('idempotent-replayed')).toBeNull();
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toEqual({
      tenantId: partnerTenantId,
      clientId,
      clientSecret: { set: true, hint: 'Abc', expiresAt: '2027-06-30T00:00:00.000Z' },
      partnerCenter: null,
      origin: null,
      enabled: true,
      authMode: null,
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(created.text).not.toContain(secret);

    const read = await h.call('panelone', 'GET', '/v1/sso-configuration');
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.text).not.toContain(secret);

    // The same key and body, even with keys in another order: the same answer again, and no second write.
    const reordered = { enabled: true, clientSecretExpiresAt: '2027-06-30T00:00:00Z', clientSecret: secret, clientId, tenantId: partnerTenantId };
    const replay = await put(reordered, { 'idempotency-key': k1 });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(created.body);
    expect((await h.call('panelone', 'GET', '/v1/sso-configuration')).body.version).toBe(1);

    // The same key with a different body.
    const conflict = await put({ ...first, enabled: false }, { 'idempotency-key': k1 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('idempotency_conflict');
    expect(conflict.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    // A new key: an update (200), version 2; the secret is omitted, so the stored one (and its expiry) stays.
    const updated = await put({ tenantId: partnerTenantId, clientId, enabled: false, origin: 'https://portal.contosomsp.example' }, { 'idempotency-key': key() });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      version: 2,
      enabled: false,
      origin: 'https://portal.contosomsp.example',
      clientSecret: { set: true, hint: 'Abc', expiresAt: '2027-06-30T00:00:00.000Z' },
    });
    expect(updated.headers.get('etag')).toBe('"2"');

    // Omitted nullable members are cleared (PUT replaces); an expiry without a secret corrects the stored one's.
    const cleared = await put({ tenantId: partnerTenantId, clientId, enabled: true, clientSecretExpiresAt: '2027-12-31T00:00:00Z' }, { 'idempotency-key': key() });
    expect(cleared.body).toMatchObject({ version: 3, origin: null, clientSecret: { set: true, hint: 'Abc', expiresAt: '2027-12-31T00:00:00.000Z' } });

    // The replay of the first request still answers what it answered then (version 1).
    const lateReplay = await put(first, { 'idempotency-key': k1 });
    expect(lateReplay.status).toBe(201);
    expect(lateReplay.body.version).toBe(1);
    expect((await h.call('panelone', 'GET', '/v1/sso-configuration')).body.version).toBe(3);
  });

  it('If-Match: the current version passes, a stale one is 412, * needs a configuration, garbage is 400', async () => {
    const current = (await h.call('panelone', 'GET', '/v1/sso-configuration')).body as { version: number };
    const body = { tenantId: partnerTenantId, clientId, enabled: true, authMode: 'hybrid' };
    const stale = await put(body, { 'idempotency-key': key(), 'if-match': `"${current.version - 1}"` });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version_mismatch');
    // The refused request was not remembered: the same key may be used again once corrected.
    const retryKey = key();
    expect((await put(body, { 'idempotency-key': retryKey, 'if-match': '1' })).status).toBe(412);
    const fresh = await put(body, { 'idempotency-key': retryKey, 'if-match': `"${current.version}"` });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ version: current.version + 1, authMode: 'hybrid' });
    // A retry of that successful request is replayed, not refused for its now-stale If-Match.
    const retried = await put(body, { 'idempotency-key': retryKey, 'if-match': `"${current.version}"` });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await put(body, { 'idempotency-key': key(), 'if-match': '*' })).status).toBe(200);
    const garbage = await put(body, { 'idempotency-key': key(), 'if-match': 'yesterday' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.code).toBe('if_match_invalid');
    const noConfig = await h.call('clment', 'PUT', '/v1/sso-configuration', { body: { ...body, clientSecret: secret }, headers: { 'idempotency-key': key(), 'if-match': '*' } });
    expect(noConfig.status).toBe(412);
  });

  it('422 validation_failed lists each problem with its JSON Pointer', async () => {
    const r = await put(
      { tenantId: 'contoso.onmicrosoft.com', clientId, enabled: 'yes', origin: 'http://portal.contosomsp.example', partnerCenter: { clientSecret: '' }, extra: 1 },
      { 'idempotency-key': key() },
    );
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('validation_failed');
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const paths = (r.body.errors as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(['/enabled', '/extra', '/origin', '/partnerCenter/clientId', '/partnerCenter/clientSecret', '/tenantId']);

    // Rules beyond the schema: a secret the first time, and a new one when the client ID changes.
    const first = await h.call('acme', 'PUT', '/v1/sso-configuration', { body: { tenantId: partnerTenantId, clientId, enabled: true }, headers: { 'idempotency-key': key() } });
    expect(first.status).toBe(422);
    expect(first.body.errors).toEqual([{ path: '/clientSecret', message: 'is required the first time' }]);
    const otherApp = await put({ tenantId: partnerTenantId, clientId: randomUUID(), enabled: true }, { 'idempotency-key': key() });
    expect(otherApp.status).toBe(422);
    expect(otherApp.body.errors).toEqual([{ path: '/clientSecret', message: 'is required when the client ID changes (a secret belongs to one app)' }]);
    const pcFirst = await put({ tenantId: partnerTenantId, clientId, enabled: true, partnerCenter: { clientId: randomUUID() } }, { 'idempotency-key': key() });
    expect(pcFirst.status).toBe(422);
    expect(pcFirst.body.errors).toEqual([{ path: '/partnerCenter/clientSecret', message: 'is required the first time' }]);
  });

  it('400 for a missing or oversized Idempotency-Key and for malformed JSON, 415 for a non-JSON body', async () => {
    const body = { tenantId: partnerTenantId, clientId, enabled: true };
    const missing = await put(body, {});
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('idempotency_key_missing');
    const long = await put(body, { 'idempotency-key': 'k'.repeat(256) });
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('idempotency_key_invalid');
    expect((await put(body, { 'idempotency-key': 'k'.repeat(255) })).status).toBe(200);
    const malformed = await h.call('panelone', 'PUT', '/v1/sso-configuration', { rawBody: '{"tenantId":', headers: { 'idempotency-key': key() } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('malformed_json');
    const form = await h.call('panelone', 'PUT', '/v1/sso-configuration', { rawBody: 'tenantId=x', contentType: 'application/x-www-form-urlencoded', headers: { 'idempotency-key': key() } });
    expect(form.status).toBe(415);
    expect(form.body.code).toBe('unsupported_media_type');
  });

  it('the Partner Center app: its secret is write-only too, kept when omitted, and the whole block clears with null', async () => {
    const pcClientId = randomUUID();
    const pcSecret = 'PcQ8Q~partnerCenterSecret.0123456789abcd';
    const withPc = await put(
      { tenantId: partnerTenantId, clientId, enabled: true, partnerCenter: { clientId: pcClientId, clientSecret: pcSecret, clientSecretExpiresAt: '2027-01-01T00:00:00Z' } },
      { 'idempotency-key': key() },
    );
    expect(withPc.status).toBe(200);
    expect(withPc.body.partnerCenter).toEqual({ clientId: pcClientId, clientSecret: { set: true, hint: 'PcQ', expiresAt: '2027-01-01T00:00:00.000Z' } });
    expect(withPc.text).not.toContain(pcSecret);
    const kept = await put({ tenantId: partnerTenantId, clientId, enabled: true, partnerCenter: { clientId: pcClientId } }, { 'idempotency-key': key() });
    expect(kept.body.partnerCenter.clientSecret).toEqual({ set: true, hint: 'PcQ', expiresAt: '2027-01-01T00:00:00.000Z' });
    const removed = await put({ tenantId: partnerTenantId, clientId, enabled: true, partnerCenter: null }, { 'idempotency-key': key() });
    expect(removed.body.partnerCenter).toBeNull();
  });

  it('keys are remembered for 24 hours of sandbox time, per organisation', async () => {
    const k = key();
    const body = { tenantId: partnerTenantId, clientId, enabled: true };
    expect((await put(body, { 'idempotency-key': k })).status).toBe(200);
    // Another organisation may use the same key: keys are per organisation.
    const acme = await h.call('acme', 'PUT', '/v1/sso-configuration', { body: { ...body, clientSecret: secret }, headers: { 'idempotency-key': k } });
    expect(acme.status).toBe(201);
    expect(acme.headers.get('idempotent-replayed')).toBeNull();
    h.sandbox.clock.advance(23 * 3600 * 1000);
    expect((await put({ ...body, enabled: false }, { 'idempotency-key': k })).status).toBe(409);
    h.sandbox.clock.advance(3600 * 1000 + 1000);
    const afterWindow = await put({ ...body, enabled: false }, { 'idempotency-key': k });
    expect(afterWindow.status).toBe(200);
    expect(afterWindow.headers.get('idempotent-replayed')).toBeNull();
  });

  it('organisations are isolated, and sandbox.reset() empties the backend (tokens stay valid)', async () => {
    expect((await h.call('sonicsaas', 'GET', '/v1/sso-configuration')).status).toBe(404);
    expect((await h.call('panelone', 'GET', '/v1/sso-configuration')).status).toBe(200);
    h.sandbox.reset();
    const afterReset = await h.call('panelone', 'GET', '/v1/sso-configuration');
    expect(afterReset.status).toBe(404);
    expect(afterReset.body.code).toBe('not_found');
    const again = await put({ tenantId: partnerTenantId, clientId, clientSecret: secret, enabled: true }, { 'idempotency-key': key() });
    expect(again.status).toBe(201);
    expect(again.body.version).toBe(1);
  });

  it('every response matched docs/platform-api.yaml, on both sides', () => {
    expect(h.checkedResponses()).toBeGreaterThan(30);
    expect(h.contractFailures).toEqual([]);
    expect(h.backend.contractViolations).toEqual([]);
  });
});
