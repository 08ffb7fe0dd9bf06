import type { Database } from 'better-sqlite3';
import type { ClientTenantRepository } from './client-tenant-repository';
import type { ConsentJournal } from './consent-journal';
import type { TenantOutcome } from './process-tenant';

/**
 * A run's finished tenants, written together rather than one transaction each (a thousand commits were
 * a tenth of a run's CPU). Each tenant's status and journal row still go in the same transaction, so a
 * crash leaves both or neither; a tenant finished but not yet written is simply done again on resume
 * (it reads the tenant first and finds nothing missing).
 */
export class FinishedTenants {
  private readonly waiting: { tenantId: string; outcome: TenantOutcome; at: string }[] = [];

  constructor(private readonly o: { db: Database; repo: ClientTenantRepository; journal: ConsentJournal; workspaceId: string; runId: string }) {}

  add(tenantId: string, outcome: TenantOutcome, at: string): void {
    this.waiting.push({ tenantId, outcome, at });
  }

  /** Writes every tenant finished since the last call; returns their IDs. */
  flush(): string[] {
    if (this.waiting.length === 0) return [];
    const batch = this.waiting.splice(0);
    const { db, repo, journal, workspaceId, runId } = this.o;
    db.transaction(() => {
      for (const f of batch) {
        repo.recordStatus(workspaceId, f.tenantId, f.outcome.status, { summary: f.outcome.summary, runId, strategy: f.outcome.strategy });
        journal.done(runId, f.tenantId, f.outcome.status.kind, f.at);
      }
    })();
    return batch.map((f) => f.tenantId);
  }
}
