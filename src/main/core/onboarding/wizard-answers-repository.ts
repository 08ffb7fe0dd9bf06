import type { Database } from 'better-sqlite3';

/** The admin's answers per workspace, saved as typed even when invalid: nothing entered is lost. */
export class WizardAnswersRepository {
  constructor(private readonly db: Database) {}

  get(workspaceId: string): Record<string, unknown> {
    const row = this.db.prepare<[string], { answers_json: string }>('SELECT answers_json FROM wizard_answers WHERE workspace_id = ?').get(workspaceId);
    return row ? (JSON.parse(row.answers_json) as Record<string, unknown>) : {};
  }

  save(workspaceId: string, answers: Record<string, unknown>, at: string): void {
    this.db
      .prepare(
        `INSERT INTO wizard_answers (workspace_id, answers_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (workspace_id) DO UPDATE SET answers_json = excluded.answers_json, updated_at = excluded.updated_at`,
      )
      .run(workspaceId, JSON.stringify(answers), at);
  }
}
