import type { Database } from 'better-sqlite3';

/** What the admin did that matters later (applies, secret reveals, pushes). Never secret values. */
export class AuditLog {
  constructor(private readonly db: Database) {}

  record(workspaceId: string | null, action: string, detail: Record<string, unknown>, at: string): void {
    this.db.prepare('INSERT INTO audit_log (at, workspace_id, action, detail_json) VALUES (?, ?, ?, ?)').run(at, workspaceId, action, JSON.stringify(detail));
  }

  entries(workspaceId: string): { at: string; action: string; detail: Record<string, unknown> }[] {
    return this.db
      .prepare<[string], { at: string; action: string; detail_json: string }>('SELECT at, action, detail_json FROM audit_log WHERE workspace_id = ? ORDER BY id')
      .all(workspaceId)
      .map((r) => ({ at: r.at, action: r.action, detail: JSON.parse(r.detail_json) as Record<string, unknown> }));
  }
}
