import type { Migration } from '../migration';

/**
 * Delivering the configuration to the platform: its API address (the token is in the vault),
 * every push with its idempotency key (so a retry is the same push), and the copy sheet's ticks.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'platform-delivery',
  up(db) {
    db.exec(`
      CREATE TABLE platform_connections (
        workspace_id    TEXT PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        base_url        TEXT NOT NULL,
        token_vault_ref TEXT NOT NULL,
        platform_name   TEXT,
        updated_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE platform_pushes (
        id              TEXT PRIMARY KEY,
        workspace_id    TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        idempotency_key TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
        summary_json    TEXT NOT NULL,
        error_json      TEXT,
        started_at      TEXT NOT NULL,
        finished_at     TEXT
      ) STRICT;
      CREATE INDEX platform_pushes_by_workspace ON platform_pushes (workspace_id, started_at);

      CREATE TABLE copy_sheet_ticks (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        field_key    TEXT NOT NULL,
        ticked_at    TEXT NOT NULL,
        PRIMARY KEY (workspace_id, field_key)
      ) STRICT;
    `);
  },
};
