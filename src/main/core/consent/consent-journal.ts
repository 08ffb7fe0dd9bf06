import type { Database } from 'better-sqlite3';
import { statementCache } from '../store/statement-cache';
import type { StatusCounts, TenantStatusKind } from '../../../shared/domain/client-tenants';
import { emptyCounts } from './client-tenant-repository';

export type RunState = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JournalRun {
  id: string;
  workspaceId: string;
  mode: 'consent' | 'verify';
  state: RunState;
  homeAccountId: string;
  concurrency: number;
  throttled: number;
  startedAt: string;
  finishedAt: string | null;
}

interface RunRow {
  id: string;
  workspace_id: string;
  mode: 'consent' | 'verify';
  state: RunState;
  home_account_id: string;
  concurrency: number;
  throttled: number;
  started_at: string;
  finished_at: string | null;
}

const toRun = (r: RunRow): JournalRun => ({
  id: r.id,
  workspaceId: r.workspace_id,
  mode: r.mode,
  state: r.state,
  homeAccountId: r.home_account_id,
  concurrency: r.concurrency,
  throttled: r.throttled,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/**
 * The journal of consent runs: one row per run, one per tenant in it. A tenant is 'pending' until a
 * worker takes it, 'working' while it does (with the last write finished in `step`), 'done' with its
 * outcome. Each change is its own small transaction, so a SIGKILL loses at most the tenant in hand,
 * which a resume redoes read-first (finding whatever its interrupted write created).
 */
export class ConsentJournal {
  /** The per-tenant writes' statements, prepared once (statementCache). */
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(private readonly db: Database) {
    this.sql = statementCache(db);
  }

  create(run: Omit<JournalRun, 'throttled' | 'finishedAt' | 'state'>, tenantIds: readonly string[]): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO consent_runs (id, workspace_id, mode, state, home_account_id, concurrency, throttled, started_at)
           VALUES (?, ?, ?, 'running', ?, ?, 0, ?)`,
        )
        .run(run.id, run.workspaceId, run.mode, run.homeAccountId, run.concurrency, run.startedAt);
      const insert = this.db.prepare(`INSERT INTO consent_run_tenants (run_id, tenant_id, seq, phase, updated_at) VALUES (?, ?, ?, 'pending', ?)`);
      tenantIds.forEach((id, seq) => insert.run(run.id, id, seq, run.startedAt));
    })();
  }

  get(runId: string): JournalRun | undefined {
    const row = this.db.prepare('SELECT * FROM consent_runs WHERE id = ?').get(runId) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  latest(workspaceId: string): JournalRun | undefined {
    const row = this.db.prepare('SELECT * FROM consent_runs WHERE workspace_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1').get(workspaceId) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  list(workspaceId: string, limit: number): JournalRun[] {
    return (this.db.prepare('SELECT * FROM consent_runs WHERE workspace_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?').all(workspaceId, limit) as RunRow[]).map(toRun);
  }

  /** Tenants not yet done, in run order ('working' ones first: they were in hand when the run stopped). */
  unfinished(runId: string): { tenantId: string; step: string | null }[] {
    return (
      this.db
        .prepare(`SELECT tenant_id, step FROM consent_run_tenants WHERE run_id = ? AND phase <> 'done' ORDER BY phase = 'pending', seq`)
        .all(runId) as { tenant_id: string; step: string | null }[]
    ).map((r) => ({ tenantId: r.tenant_id, step: r.step }));
  }

  begin(runId: string, tenantId: string, at: string): void {
    this.sql(`UPDATE consent_run_tenants SET phase = 'working', attempts = attempts + 1, updated_at = ? WHERE run_id = ? AND tenant_id = ?`)
      .run(at, runId, tenantId);
  }

  step(runId: string, tenantId: string, step: string, at: string): void {
    this.sql('UPDATE consent_run_tenants SET step = ?, updated_at = ? WHERE run_id = ? AND tenant_id = ?').run(step, at, runId, tenantId);
  }

  /** The tenant's outcome; written in the same transaction as its status (see finishTenant in the engine). */
  done(runId: string, tenantId: string, outcome: TenantStatusKind, at: string): void {
    this.sql(`UPDATE consent_run_tenants SET phase = 'done', outcome_kind = ?, updated_at = ? WHERE run_id = ? AND tenant_id = ?`)
      .run(outcome, at, runId, tenantId);
  }

  addThrottled(runId: string, n: number): void {
    if (n > 0) this.db.prepare('UPDATE consent_runs SET throttled = throttled + ? WHERE id = ?').run(n, runId);
  }

  finish(runId: string, state: RunState, at: string): void {
    this.db.prepare('UPDATE consent_runs SET state = ?, finished_at = ? WHERE id = ?').run(state, at, runId);
  }

  /** Resuming: a cancelled or interrupted run is running again. */
  reopen(runId: string): void {
    this.db.prepare(`UPDATE consent_runs SET state = 'running', finished_at = NULL WHERE id = ?`).run(runId);
  }

  totals(runId: string): { total: number; done: number; counts: StatusCounts } {
    const counts = emptyCounts();
    let total = 0;
    let done = 0;
    for (const r of this.db
      .prepare('SELECT phase, outcome_kind, COUNT(*) AS n FROM consent_run_tenants WHERE run_id = ? GROUP BY phase, outcome_kind')
      .all(runId) as { phase: string; outcome_kind: TenantStatusKind | null; n: number }[]) {
      total += r.n;
      if (r.phase === 'done') {
        done += r.n;
        if (r.outcome_kind) counts[r.outcome_kind] = (counts[r.outcome_kind] ?? 0) + r.n;
      }
    }
    return { total, done, counts };
  }

  /** Tenants of a run with a given outcome. */
  withOutcome(runId: string, outcome: TenantStatusKind): string[] {
    return (this.db.prepare('SELECT tenant_id FROM consent_run_tenants WHERE run_id = ? AND outcome_kind = ? ORDER BY seq').all(runId, outcome) as { tenant_id: string }[]).map(
      (r) => r.tenant_id,
    );
  }
}
