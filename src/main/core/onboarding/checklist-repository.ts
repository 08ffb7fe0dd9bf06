import type { Database } from 'better-sqlite3';

/** Which checklist items the admin has ticked, per workspace (one workspace per phone system). */
export class ChecklistRepository {
  constructor(private readonly db: Database) {}

  ticked(workspaceId: string): string[] {
    return this.db
      .prepare<[string], { item_key: string }>('SELECT item_key FROM checklist_ticks WHERE workspace_id = ? ORDER BY item_key')
      .all(workspaceId)
      .map((r) => r.item_key);
  }

  /** Ticking twice keeps the first time; unticking removes the row, so "done" is only what is ticked now. */
  setTicked(workspaceId: string, itemKey: string, done: boolean, at: string): void {
    if (done) {
      this.db.prepare('INSERT OR IGNORE INTO checklist_ticks (workspace_id, item_key, ticked_at) VALUES (?, ?, ?)').run(workspaceId, itemKey, at);
    } else {
      this.db.prepare('DELETE FROM checklist_ticks WHERE workspace_id = ? AND item_key = ?').run(workspaceId, itemKey);
    }
  }
}
