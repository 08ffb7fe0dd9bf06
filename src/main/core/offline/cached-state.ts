import type { Database } from 'better-sqlite3';
import type { CachedWorkspace } from '../../../shared/domain/offline';

/** What a refresh compares: per workspace, keyed so several workspaces can be merged into one. */
export interface Snapshot {
  /** tenant key -> status kind */
  tenants: Map<string, string>;
  /** secret key -> its end date, or null when it is no longer in Entra */
  secrets: Map<string, string | null>;
  /** app key -> whether it exists in Entra */
  apps: Map<string, boolean>;
}

export function emptySnapshot(): Snapshot {
  return { tenants: new Map(), secrets: new Map(), apps: new Map() };
}

/**
 * The cached picture of one workspace from SQLite alone (no network): its app registrations, secret
 * metadata and client-tenant status times. A secret is part of its app registration, so it is as
 * fresh as the last time that registration was written or read back (managed_apps.updated_at).
 */
export function readCachedWorkspace(db: Database, workspaceId: string): Omit<CachedWorkspace, 'lastRefresh'> {
  const apps = db
    .prepare<[string], { role: string; app_id: string | null; updated_at: string }>(
      'SELECT role, app_id, updated_at FROM managed_apps WHERE workspace_id = ? ORDER BY role',
    )
    .all(workspaceId);
  const appAsOf = new Map(apps.map((a) => [a.role, a.updated_at]));
  const secrets = db
    .prepare<[string], { role: string; key_id: string; hint: string; end_date_time: string; created_at: string }>(
      'SELECT role, key_id, hint, end_date_time, created_at FROM app_secrets WHERE workspace_id = ? ORDER BY end_date_time',
    )
    .all(workspaceId);
  const tenants = db
    .prepare<[string], { total: number; read: number; oldest: string | null; newest: string | null }>(
      'SELECT count(*) AS total, count(as_of) AS read, min(as_of) AS oldest, max(as_of) AS newest FROM client_tenants WHERE workspace_id = ?',
    )
    .get(workspaceId) ?? { total: 0, read: 0, oldest: null, newest: null };
  return {
    workspaceId,
    apps: apps.map((a) => ({ role: a.role, appId: a.app_id, asOf: a.updated_at })),
    secrets: secrets.map((s) => {
      const app = appAsOf.get(s.role);
      return { role: s.role, keyId: s.key_id, hint: s.hint, endDateTime: s.end_date_time, asOf: app && app > s.created_at ? app : s.created_at };
    }),
    tenants: { total: tenants.total, read: tenants.read, oldestAsOf: tenants.oldest, newestAsOf: tenants.newest },
  };
}

/** The part of the cache a refresh can change, for the before/after comparison. */
export function snapshotOf(db: Database, workspaceId: string): Snapshot {
  const snapshot = emptySnapshot();
  const cached = readCachedWorkspace(db, workspaceId);
  for (const a of cached.apps) snapshot.apps.set(`${workspaceId}/${a.role}`, true);
  for (const s of cached.secrets) snapshot.secrets.set(`${workspaceId}/${s.keyId}`, s.endDateTime);
  const rows = db
    .prepare<[string], { tenant_id: string; status_kind: string }>('SELECT tenant_id, status_kind FROM client_tenants WHERE workspace_id = ?')
    .all(workspaceId);
  for (const r of rows) snapshot.tenants.set(`${workspaceId}/${r.tenant_id}`, r.status_kind);
  return snapshot;
}

export function mergeSnapshots(all: readonly Snapshot[]): Snapshot {
  const merged = emptySnapshot();
  for (const s of all) {
    for (const [k, v] of s.tenants) merged.tenants.set(k, v);
    for (const [k, v] of s.secrets) merged.secrets.set(k, v);
    for (const [k, v] of s.apps) merged.apps.set(k, v);
  }
  return merged;
}
