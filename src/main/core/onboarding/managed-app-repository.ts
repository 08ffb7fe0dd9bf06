import type { Database } from 'better-sqlite3';
import type { AppRole } from './desired-app';

export interface ManagedApp {
  role: AppRole;
  uniqueName: string;
  appObjectId: string | null;
  appId: string | null;
  spObjectId: string | null;
}

/** Secret metadata; the value is in the vault under `vaultRef`. */
export interface ManagedSecret {
  role: AppRole;
  keyId: string;
  hint: string;
  startDateTime: string;
  endDateTime: string;
  vaultRef: string;
}

/** What a workspace manages in its tenant: app IDs and secret metadata, never a secret value. */
export class ManagedAppRepository {
  constructor(private readonly db: Database) {}

  get(workspaceId: string, role: AppRole): ManagedApp | undefined {
    const row = this.db
      .prepare<[string, string], { role: AppRole; unique_name: string; app_object_id: string | null; app_id: string | null; sp_object_id: string | null }>(
        'SELECT role, unique_name, app_object_id, app_id, sp_object_id FROM managed_apps WHERE workspace_id = ? AND role = ?',
      )
      .get(workspaceId, role);
    return row
      ? { role: row.role, uniqueName: row.unique_name, appObjectId: row.app_object_id, appId: row.app_id, spObjectId: row.sp_object_id }
      : undefined;
  }

  upsert(workspaceId: string, app: ManagedApp, at: string): void {
    this.db
      .prepare(
        `INSERT INTO managed_apps (workspace_id, role, unique_name, app_object_id, app_id, sp_object_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (workspace_id, role) DO UPDATE SET unique_name = excluded.unique_name,
           app_object_id = excluded.app_object_id, app_id = excluded.app_id,
           sp_object_id = excluded.sp_object_id, updated_at = excluded.updated_at`,
      )
      .run(workspaceId, app.role, app.uniqueName, app.appObjectId, app.appId, app.spObjectId, at);
  }

  secrets(workspaceId: string, role: AppRole): ManagedSecret[] {
    return this.db
      .prepare<[string, string], { role: AppRole; key_id: string; hint: string; start_date_time: string; end_date_time: string; vault_ref: string }>(
        'SELECT role, key_id, hint, start_date_time, end_date_time, vault_ref FROM app_secrets WHERE workspace_id = ? AND role = ? ORDER BY end_date_time DESC',
      )
      .all(workspaceId, role)
      .map((r) => ({ role: r.role, keyId: r.key_id, hint: r.hint, startDateTime: r.start_date_time, endDateTime: r.end_date_time, vaultRef: r.vault_ref }));
  }

  /** Stores a secret's metadata and, in the same transaction, forgets its pending marker. */
  addSecret(workspaceId: string, secret: ManagedSecret, at: string, marker?: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO app_secrets (workspace_id, role, key_id, hint, start_date_time, end_date_time, vault_ref, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(workspaceId, secret.role, secret.keyId, secret.hint, secret.startDateTime, secret.endDateTime, secret.vaultRef, at);
      if (marker) this.forgetPendingSecret(workspaceId, marker);
    })();
  }

  /** Written before a secret is asked of Microsoft: its displayName, so a lost one can be found. */
  markSecretPending(workspaceId: string, role: AppRole, marker: string, at: string): void {
    this.db.prepare('INSERT INTO pending_secrets (workspace_id, role, marker, created_at) VALUES (?, ?, ?, ?)').run(workspaceId, role, marker, at);
  }

  pendingSecrets(workspaceId: string, role: AppRole): string[] {
    return this.db
      .prepare<[string, string], { marker: string }>('SELECT marker FROM pending_secrets WHERE workspace_id = ? AND role = ? ORDER BY created_at')
      .all(workspaceId, role)
      .map((r) => r.marker);
  }

  forgetPendingSecret(workspaceId: string, marker: string): void {
    this.db.prepare('DELETE FROM pending_secrets WHERE workspace_id = ? AND marker = ?').run(workspaceId, marker);
  }

  removeSecret(workspaceId: string, role: AppRole, keyId: string): void {
    this.db.prepare('DELETE FROM app_secrets WHERE workspace_id = ? AND role = ? AND key_id = ?').run(workspaceId, role, keyId);
  }
}
