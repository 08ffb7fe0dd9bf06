import type { Database } from 'better-sqlite3';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

export interface JournalRun {
  id: string;
  workspaceId: string;
  status: RunStatus;
  planJson: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface JournalStep {
  seq: number;
  stepId: string;
  status: StepStatus;
  attempts: number;
  resultJson: string | null;
  errorJson: string | null;
}

interface RunRow {
  id: string;
  workspace_id: string;
  status: RunStatus;
  plan_json: string;
  started_at: string;
  finished_at: string | null;
}

interface StepRow {
  seq: number;
  step_id: string;
  status: StepStatus;
  attempts: number;
  result_json: string | null;
  error_json: string | null;
}

const toRun = (r: RunRow): JournalRun => ({
  id: r.id,
  workspaceId: r.workspace_id,
  status: r.status,
  planJson: r.plan_json,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

const toStep = (r: StepRow): JournalStep => ({
  seq: r.seq,
  stepId: r.step_id,
  status: r.status,
  attempts: r.attempts,
  resultJson: r.result_json,
  errorJson: r.error_json,
});

/**
 * The onboarding journal: every step is written before it runs and after it ends, so after a crash
 * the run resumes at its first unfinished step. Each write is its own committed statement.
 */
export class RunJournal {
  constructor(private readonly db: Database) {}

  startRun(id: string, workspaceId: string, planJson: string, stepIds: string[], at: string): void {
    this.db.transaction(() => {
      this.db
        .prepare("INSERT INTO runs (id, workspace_id, status, plan_json, started_at) VALUES (?, ?, 'running', ?, ?)")
        .run(id, workspaceId, planJson, at);
      const insert = this.db.prepare("INSERT INTO run_steps (run_id, seq, step_id, status) VALUES (?, ?, ?, 'pending')");
      stepIds.forEach((stepId, seq) => insert.run(id, seq, stepId));
    })();
  }

  beforeStep(runId: string, seq: number, at: string): void {
    this.db
      .prepare("UPDATE run_steps SET status = 'running', attempts = attempts + 1, started_at = ?, error_json = NULL WHERE run_id = ? AND seq = ?")
      .run(at, runId, seq);
  }

  afterStep(runId: string, seq: number, status: 'done' | 'failed' | 'skipped', detail: unknown, at: string): void {
    const json = JSON.stringify(detail ?? null);
    this.db
      .prepare(
        `UPDATE run_steps SET status = ?, finished_at = ?,
           result_json = CASE WHEN ? = 'failed' THEN result_json ELSE ? END,
           error_json  = CASE WHEN ? = 'failed' THEN ? ELSE NULL END
         WHERE run_id = ? AND seq = ?`,
      )
      .run(status, at, status, json, status, json, runId, seq);
  }

  finishRun(runId: string, status: Exclude<RunStatus, 'running'>, at: string): void {
    this.db.prepare('UPDATE runs SET status = ?, finished_at = ? WHERE id = ?').run(status, at, runId);
  }

  run(runId: string): JournalRun | undefined {
    const row = this.db.prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?').get(runId);
    return row ? toRun(row) : undefined;
  }

  latestRun(workspaceId: string): JournalRun | undefined {
    const row = this.db
      .prepare<[string], RunRow>('SELECT * FROM runs WHERE workspace_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1')
      .get(workspaceId);
    return row ? toRun(row) : undefined;
  }

  /** Runs a crash or restart left behind, oldest first. */
  unfinishedRuns(): JournalRun[] {
    return this.db.prepare<[], RunRow>("SELECT * FROM runs WHERE status = 'running' ORDER BY started_at").all().map(toRun);
  }

  steps(runId: string): JournalStep[] {
    return this.db.prepare<[string], StepRow>('SELECT * FROM run_steps WHERE run_id = ? ORDER BY seq').all(runId).map(toStep);
  }
}
