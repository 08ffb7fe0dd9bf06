import type { Migration } from '../migration';

/**
 * What the onboarding wizard keeps: the admin's answers (so nothing typed is lost), the objects it
 * manages in the tenant, secret metadata (never the value: that is in the vault), and every run
 * with its journal, so a run resumes at its first unfinished step after a crash or restart.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'onboarding',
  up(db) {
    db.exec(`
      ALTER TABLE workspaces ADD COLUMN partner_tenant_id TEXT;
      ALTER TABLE workspaces ADD COLUMN account_home_id TEXT;

      CREATE TABLE wizard_answers (
        workspace_id TEXT PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        answers_json TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;

      -- One row per app registration a workspace manages ("main", "partnerCenter").
      CREATE TABLE managed_apps (
        workspace_id   TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        role           TEXT NOT NULL,
        unique_name    TEXT NOT NULL,
        app_object_id  TEXT,
        app_id         TEXT,
        sp_object_id   TEXT,
        updated_at     TEXT NOT NULL,
        PRIMARY KEY (workspace_id, role)
      ) STRICT;

      -- Secret metadata only; the value lives in the vault under vault_ref.
      CREATE TABLE app_secrets (
        workspace_id    TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        role            TEXT NOT NULL,
        key_id          TEXT NOT NULL,
        hint            TEXT NOT NULL,
        start_date_time TEXT NOT NULL,
        end_date_time   TEXT NOT NULL,
        vault_ref       TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        PRIMARY KEY (workspace_id, role, key_id)
      ) STRICT;

      CREATE TABLE runs (
        id           TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        status       TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
        plan_json    TEXT NOT NULL,
        started_at   TEXT NOT NULL,
        finished_at  TEXT
      ) STRICT;
      CREATE INDEX runs_by_workspace ON runs (workspace_id, started_at);

      -- The journal: each step is written before it runs and after it finishes.
      CREATE TABLE run_steps (
        run_id      TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        step_id     TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed', 'skipped')),
        attempts    INTEGER NOT NULL DEFAULT 0,
        result_json TEXT,
        error_json  TEXT,
        started_at  TEXT,
        finished_at TEXT,
        PRIMARY KEY (run_id, seq)
      ) STRICT;

      CREATE TABLE audit_log (
        id           INTEGER PRIMARY KEY,
        at           TEXT NOT NULL,
        workspace_id TEXT,
        action       TEXT NOT NULL,
        detail_json  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
