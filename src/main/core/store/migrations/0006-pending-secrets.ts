import type { Migration } from '../migration';

/**
 * Client secrets asked of Microsoft but not yet in the vault. The marker (the secret's displayName) is
 * written before the addPassword call and removed once the value is stored, so a secret whose value
 * was lost to a crash can be recognised on the app afterwards (only ours, only that attempt's) and removed.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'pending-secrets',
  up(db) {
    db.exec(`
      CREATE TABLE pending_secrets (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        role         TEXT NOT NULL,
        marker       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        PRIMARY KEY (workspace_id, marker)
      ) STRICT;
    `);
  },
};
