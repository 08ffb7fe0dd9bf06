import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { AuthMode, ConsentStatus } from './platformApiTypes';

/** A secret as stored: AES-256-GCM ciphertext (SecretBox) plus what may be shown about it. */
export interface StoredSecret {
  sealed: Buffer;
  hint: string | null;
  expiresAt: string | null;
}

export interface StoredConfiguration {
  orgId: string;
  tenantId: string;
  clientId: string;
  clientSecret: StoredSecret;
  partnerCenter: { clientId: string; clientSecret: StoredSecret } | null;
  origin: string | null;
  enabled: boolean;
  authMode: AuthMode | null;
  updatedAt: string;
  version: number;
}

/** The answer a PUT got under an Idempotency-Key; the body is the redacted configuration, never a secret. */
export interface RememberedAnswer {
  fingerprint: string;
  status: number;
  body: string;
  createdAtMs: number;
}

export interface StoredTenant {
  orgId: string;
  tenantId: string;
  enabled: boolean;
  consentStatus: ConsentStatus;
  displayName: string | null;
  domain: string | null;
  updatedAt: string;
}

const schema = `
CREATE TABLE IF NOT EXISTS sso_configurations (
  org_id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret BLOB NOT NULL,
  client_secret_hint TEXT,
  client_secret_expires_at TEXT,
  pc_client_id TEXT,
  pc_client_secret BLOB,
  pc_client_secret_hint TEXT,
  pc_client_secret_expires_at TEXT,
  origin TEXT,
  enabled INTEGER NOT NULL,
  auth_mode TEXT,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS idempotency_keys (
  org_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY (org_id, idempotency_key)
) STRICT;
CREATE TABLE IF NOT EXISTS tenants (
  org_id TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  consent_status TEXT NOT NULL,
  display_name TEXT,
  domain TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, tenant_id)
) STRICT;
`;

interface ConfigurationRow {
  org_id: string;
  tenant_id: string;
  client_id: string;
  client_secret: Buffer;
  client_secret_hint: string | null;
  client_secret_expires_at: string | null;
  pc_client_id: string | null;
  pc_client_secret: Buffer | null;
  pc_client_secret_hint: string | null;
  pc_client_secret_expires_at: string | null;
  origin: string | null;
  enabled: number;
  auth_mode: string | null;
  updated_at: string;
  version: number;
}

interface TenantRow {
  org_id: string;
  tenant_id: string;
  enabled: number;
  consent_status: string;
  display_name: string | null;
  domain: string | null;
  updated_at: string;
}

/** The reference backend's tables in one SQLite file (better-sqlite3, synchronous: a handler's write is atomic). */
export class PlatformStore {
  private readonly db: Database;

  constructor(readonly file: string) {
    this.db = new BetterSqlite3(file);
    // One file, no WAL beside it, and freed pages zeroed: what the file holds is what the tables hold.
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('secure_delete = ON');
    this.db.exec(schema);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  getConfiguration(orgId: string): StoredConfiguration | null {
    const row = this.db.prepare('SELECT * FROM sso_configurations WHERE org_id = ?').get(orgId) as ConfigurationRow | undefined;
    if (!row) return null;
    return {
      orgId: row.org_id,
      tenantId: row.tenant_id,
      clientId: row.client_id,
      clientSecret: { sealed: row.client_secret, hint: row.client_secret_hint, expiresAt: row.client_secret_expires_at },
      partnerCenter:
        row.pc_client_id !== null && row.pc_client_secret !== null
          ? {
              clientId: row.pc_client_id,
              clientSecret: { sealed: row.pc_client_secret, hint: row.pc_client_secret_hint, expiresAt: row.pc_client_secret_expires_at },
            }
          : null,
      origin: row.origin,
      enabled: row.enabled === 1,
      authMode: row.auth_mode as AuthMode | null,
      updatedAt: row.updated_at,
      version: row.version,
    };
  }

  saveConfiguration(c: StoredConfiguration): void {
    this.db
      .prepare(
        `INSERT INTO sso_configurations VALUES (@org_id, @tenant_id, @client_id, @client_secret, @client_secret_hint, @client_secret_expires_at,
           @pc_client_id, @pc_client_secret, @pc_client_secret_hint, @pc_client_secret_expires_at, @origin, @enabled, @auth_mode, @updated_at, @version)
         ON CONFLICT (org_id) DO UPDATE SET tenant_id = excluded.tenant_id, client_id = excluded.client_id, client_secret = excluded.client_secret,
           client_secret_hint = excluded.client_secret_hint, client_secret_expires_at = excluded.client_secret_expires_at,
           pc_client_id = excluded.pc_client_id, pc_client_secret = excluded.pc_client_secret, pc_client_secret_hint = excluded.pc_client_secret_hint,
           pc_client_secret_expires_at = excluded.pc_client_secret_expires_at, origin = excluded.origin, enabled = excluded.enabled,
           auth_mode = excluded.auth_mode, updated_at = excluded.updated_at, version = excluded.version`,
      )
      .run({
        org_id: c.orgId,
        tenant_id: c.tenantId,
        client_id: c.clientId,
        client_secret: c.clientSecret.sealed,
        client_secret_hint: c.clientSecret.hint,
        client_secret_expires_at: c.clientSecret.expiresAt,
        pc_client_id: c.partnerCenter?.clientId ?? null,
        pc_client_secret: c.partnerCenter?.clientSecret.sealed ?? null,
        pc_client_secret_hint: c.partnerCenter?.clientSecret.hint ?? null,
        pc_client_secret_expires_at: c.partnerCenter?.clientSecret.expiresAt ?? null,
        origin: c.origin,
        enabled: c.enabled ? 1 : 0,
        auth_mode: c.authMode,
        updated_at: c.updatedAt,
        version: c.version,
      });
  }

  findAnswer(orgId: string, key: string): RememberedAnswer | null {
    const row = this.db
      .prepare('SELECT fingerprint, status, body, created_at_ms FROM idempotency_keys WHERE org_id = ? AND idempotency_key = ?')
      .get(orgId, key) as { fingerprint: string; status: number; body: string; created_at_ms: number } | undefined;
    return row ? { fingerprint: row.fingerprint, status: row.status, body: row.body, createdAtMs: row.created_at_ms } : null;
  }

  rememberAnswer(orgId: string, key: string, answer: RememberedAnswer): void {
    this.db
      .prepare('INSERT OR REPLACE INTO idempotency_keys VALUES (?, ?, ?, ?, ?, ?)')
      .run(orgId, key, answer.fingerprint, answer.status, answer.body, answer.createdAtMs);
  }

  /** Forgets answers remembered before `cutoffMs` (the 24-hour window, on the sandbox clock). */
  forgetAnswersBefore(cutoffMs: number): void {
    this.db.prepare('DELETE FROM idempotency_keys WHERE created_at_ms < ?').run(cutoffMs);
  }

  putTenant(t: StoredTenant): void {
    this.db
      .prepare('INSERT OR REPLACE INTO tenants VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(t.orgId, t.tenantId, t.enabled ? 1 : 0, t.consentStatus, t.displayName, t.domain, t.updatedAt);
  }

  /** Several records in one transaction: a batch request's items are saved together or (on a crash) not at all. */
  putTenants(tenants: StoredTenant[]): void {
    this.db.transaction(() => {
      for (const t of tenants) this.putTenant(t);
    })();
  }

  listTenants(orgId: string): StoredTenant[] {
    return this.toTenants(this.db.prepare('SELECT * FROM tenants WHERE org_id = ? ORDER BY tenant_id').all(orgId) as TenantRow[]);
  }

  /** Keyset paging: up to `limit` tenants sorting after `after` (null: from the start), by tenant ID. */
  listTenantsAfter(orgId: string, after: string | null, limit: number): StoredTenant[] {
    const rows = this.db
      .prepare('SELECT * FROM tenants WHERE org_id = ? AND tenant_id > ? ORDER BY tenant_id LIMIT ?')
      .all(orgId, after ?? '', limit) as TenantRow[];
    return this.toTenants(rows);
  }

  private toTenants(rows: TenantRow[]): StoredTenant[] {
    return rows.map((r) => ({
      orgId: r.org_id,
      tenantId: r.tenant_id,
      enabled: r.enabled === 1,
      consentStatus: r.consent_status as ConsentStatus,
      displayName: r.display_name,
      domain: r.domain,
      updatedAt: r.updated_at,
    }));
  }

  /** Empties every table (sandbox reset); the file stays. */
  clear(): void {
    this.db.exec('DELETE FROM sso_configurations; DELETE FROM idempotency_keys; DELETE FROM tenants;');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
