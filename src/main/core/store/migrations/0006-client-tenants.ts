import type { Migration } from '../migration';

/**
 * Client tenants per workspace (issue 10): the merged list with each source that found a tenant,
 * the admin's include/exclude and strategy choices, the last status read from the tenant with its
 * history, and consent runs with a journal row per tenant so a crash resumes exactly where it stopped.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'client-tenants',
  up(db) {
    db.exec(`
      CREATE TABLE client_tenants (
        workspace_id      TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        tenant_id         TEXT NOT NULL,
        domain            TEXT,
        name              TEXT,
        included          INTEGER NOT NULL DEFAULT 1 CHECK (included IN (0, 1)),
        strategy_override TEXT CHECK (strategy_override IN ('gdapDirect', 'cpv', 'adminConsentLink')),
        -- The console's choice and its reason, recomputed whenever the tenant's sources change.
        default_strategy  TEXT NOT NULL DEFAULT 'adminConsentLink',
        default_reason    TEXT NOT NULL DEFAULT '',
        gdap_json         TEXT NOT NULL DEFAULT '[]',
        status_kind       TEXT NOT NULL DEFAULT 'notStarted',
        status_json       TEXT,
        as_of             TEXT,
        platform_json     TEXT,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        PRIMARY KEY (workspace_id, tenant_id)
      ) STRICT;
      CREATE INDEX client_tenants_by_name ON client_tenants (workspace_id, name COLLATE NOCASE);
      CREATE INDEX client_tenants_by_status ON client_tenants (workspace_id, status_kind);

      CREATE TABLE client_tenant_sources (
        workspace_id  TEXT NOT NULL,
        tenant_id     TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('gdap', 'partnerCenter', 'csv', 'manual')),
        first_seen_at TEXT NOT NULL,
        last_seen_at  TEXT NOT NULL,
        detail        TEXT,
        PRIMARY KEY (workspace_id, tenant_id, kind),
        FOREIGN KEY (workspace_id, tenant_id) REFERENCES client_tenants(workspace_id, tenant_id) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE client_tenant_history (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace_id  TEXT NOT NULL,
        tenant_id     TEXT NOT NULL,
        at            TEXT NOT NULL,
        status_kind   TEXT NOT NULL,
        summary       TEXT NOT NULL,
        evidence_json TEXT NOT NULL,
        run_id        TEXT,
        strategy      TEXT,
        FOREIGN KEY (workspace_id, tenant_id) REFERENCES client_tenants(workspace_id, tenant_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX client_tenant_history_by_tenant ON client_tenant_history (workspace_id, tenant_id, id);

      CREATE TABLE consent_runs (
        id              TEXT PRIMARY KEY,
        workspace_id    TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        mode            TEXT NOT NULL CHECK (mode IN ('consent', 'verify')),
        state           TEXT NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'cancelled')),
        home_account_id TEXT NOT NULL,
        concurrency     INTEGER NOT NULL,
        throttled       INTEGER NOT NULL DEFAULT 0,
        started_at      TEXT NOT NULL,
        finished_at     TEXT
      ) STRICT;
      CREATE INDEX consent_runs_by_workspace ON consent_runs (workspace_id, started_at);

      -- One row per tenant in a run: 'pending' until worked on, 'done' with its outcome. 'step' is the
      -- last write the strategy finished, so a resumed tenant continues after it (writes are read-first
      -- anyway, so a write repeated after a crash finds its object and does not duplicate it).
      CREATE TABLE consent_run_tenants (
        run_id       TEXT NOT NULL REFERENCES consent_runs(id) ON DELETE CASCADE,
        tenant_id    TEXT NOT NULL,
        seq          INTEGER NOT NULL,
        phase        TEXT NOT NULL CHECK (phase IN ('pending', 'working', 'done')),
        step         TEXT,
        attempts     INTEGER NOT NULL DEFAULT 0,
        outcome_kind TEXT,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (run_id, tenant_id)
      ) STRICT;
      CREATE INDEX consent_run_tenants_by_phase ON consent_run_tenants (run_id, phase, seq);
    `);
  },
};
