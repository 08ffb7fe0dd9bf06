import type { Database } from 'better-sqlite3';

export interface PlatformConnection {
  baseUrl: string;
  tokenVaultRef: string;
  platformName: string | null;
}

export interface PushRecord {
  id: string;
  idempotencyKey: string;
  status: 'pending' | 'succeeded' | 'failed';
  summary: Record<string, unknown>;
  error: Record<string, unknown> | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Platform connections, push records and copy-sheet ticks. No secret values: those are in the vault. */
export class DeliveryRepository {
  constructor(private readonly db: Database) {}

  connection(workspaceId: string): PlatformConnection | undefined {
    const row = this.db
      .prepare<[string], { base_url: string; token_vault_ref: string; platform_name: string | null }>(
        'SELECT base_url, token_vault_ref, platform_name FROM platform_connections WHERE workspace_id = ?',
      )
      .get(workspaceId);
    return row ? { baseUrl: row.base_url, tokenVaultRef: row.token_vault_ref, platformName: row.platform_name } : undefined;
  }

  saveConnection(workspaceId: string, c: PlatformConnection, at: string): void {
    this.db
      .prepare(
        `INSERT INTO platform_connections (workspace_id, base_url, token_vault_ref, platform_name, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (workspace_id) DO UPDATE SET base_url = excluded.base_url, token_vault_ref = excluded.token_vault_ref,
           platform_name = excluded.platform_name, updated_at = excluded.updated_at`,
      )
      .run(workspaceId, c.baseUrl, c.tokenVaultRef, c.platformName, at);
  }

  startPush(workspaceId: string, id: string, idempotencyKey: string, summary: Record<string, unknown>, at: string): void {
    this.db
      .prepare("INSERT INTO platform_pushes (id, workspace_id, idempotency_key, status, summary_json, started_at) VALUES (?, ?, ?, 'pending', ?, ?)")
      .run(id, workspaceId, idempotencyKey, JSON.stringify(summary), at);
  }

  finishPush(id: string, status: 'succeeded' | 'failed', error: Record<string, unknown> | null, at: string): void {
    this.db
      .prepare('UPDATE platform_pushes SET status = ?, error_json = ?, finished_at = ? WHERE id = ?')
      .run(status, error ? JSON.stringify(error) : null, at, id);
  }

  /** The latest push whose outcome is unknown (pending, or failed in a way a retry may finish). */
  pendingPush(workspaceId: string): PushRecord | undefined {
    const latest = this.pushes(workspaceId)[0];
    if (!latest || latest.status === 'succeeded') return undefined;
    return latest.error?.['retryWithSameKey'] === false ? undefined : latest;
  }

  pushes(workspaceId: string): PushRecord[] {
    return this.db
      .prepare<[string], { id: string; idempotency_key: string; status: PushRecord['status']; summary_json: string; error_json: string | null; started_at: string; finished_at: string | null }>(
        'SELECT * FROM platform_pushes WHERE workspace_id = ? ORDER BY started_at DESC, rowid DESC',
      )
      .all(workspaceId)
      .map((r) => ({
        id: r.id,
        idempotencyKey: r.idempotency_key,
        status: r.status,
        summary: JSON.parse(r.summary_json) as Record<string, unknown>,
        error: r.error_json ? (JSON.parse(r.error_json) as Record<string, unknown>) : null,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
      }));
  }

  ticks(workspaceId: string): string[] {
    return this.db.prepare<[string], { field_key: string }>('SELECT field_key FROM copy_sheet_ticks WHERE workspace_id = ?').all(workspaceId).map((r) => r.field_key);
  }

  setTick(workspaceId: string, fieldKey: string, ticked: boolean, at: string): void {
    if (ticked) {
      this.db.prepare('INSERT OR IGNORE INTO copy_sheet_ticks (workspace_id, field_key, ticked_at) VALUES (?, ?, ?)').run(workspaceId, fieldKey, at);
    } else {
      this.db.prepare('DELETE FROM copy_sheet_ticks WHERE workspace_id = ? AND field_key = ?').run(workspaceId, fieldKey);
    }
  }
}
