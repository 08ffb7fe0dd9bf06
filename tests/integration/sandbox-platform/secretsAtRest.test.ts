import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformTestDataDir, startPlatformHarness, type PlatformHarness } from './harness';

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness();
});
afterAll(() => h.close());

describe('secrets at rest in the backend SQLite file', () => {
  it('stores secrets only as AES-256-GCM ciphertext: neither secret string is anywhere in the file', async () => {
    const secret = `Sec8Q~${randomUUID()}`;
    const pcSecret = `Pcs8Q~${randomUUID()}`;
    const body = {
      tenantId: h.sandbox.info.partnerTenantId,
      clientId: randomUUID(),
      clientSecret: secret,
      partnerCenter: { clientId: randomUUID(), clientSecret: pcSecret },
      enabled: true,
    };
    const r = await h.call('panelone', 'PUT', '/v1/sso-configuration', { body, headers: { 'idempotency-key': randomUUID() } });
    expect(r.status).toBe(201);

    const port = new URL(h.sandbox.info.platform).port;
    const file = h.backend.databaseFile();
    expect(file).toBe(join(platformTestDataDir, `platform-${port}.sqlite`));
    if (!file) return;
    // Rollback journal, no WAL: after the write the file alone holds the data.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const bytes = readFileSync(file);
    for (const s of [secret, pcSecret]) {
      expect(bytes.includes(Buffer.from(s, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(s, 'utf16le'))).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(s, 'utf8').toString('base64').slice(0, 24)))).toBe(false);
    }

    // The rows are there, as ciphertext of the right size (12-byte IV + 16-byte tag + the secret's bytes).
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      const row = db.prepare('SELECT client_secret, pc_client_secret, client_secret_hint FROM sso_configurations').get() as {
        client_secret: Buffer;
        pc_client_secret: Buffer;
        client_secret_hint: string;
      };
      expect(row.client_secret.length).toBe(12 + 16 + Buffer.byteLength(secret));
      expect(row.pc_client_secret.length).toBe(12 + 16 + Buffer.byteLength(pcSecret));
      expect(row.client_secret_hint).toBe('Sec');
      // Remembered idempotent answers are the redacted body; their fingerprint is keyed (HMAC), not a plain hash.
      const remembered = db.prepare('SELECT body FROM idempotency_keys').all() as Array<{ body: string }>;
      expect(remembered).toHaveLength(1);
      expect(remembered[0]?.body).not.toContain(secret);
    } finally {
      db.close();
    }
  });

  it('the backend still decrypts what it stored (the credential test uses it)', async () => {
    const r = await h.call('panelone', 'POST', '/v1/sso-configuration/test');
    expect(r.status).toBe(200);
    // The random client ID is unknown to Entra: the secret was decrypted and sent, and Entra answered about the app.
    expect(r.body.checks[1].message).toMatch(/^AADSTS700016: /);
  });

  it('every response matched docs/platform-api.yaml, on both sides', () => {
    expect(h.contractFailures).toEqual([]);
    expect(h.backend.contractViolations).toEqual([]);
  });
});
