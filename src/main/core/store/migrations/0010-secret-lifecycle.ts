import type { Migration } from '../migration';

/**
 * The secret lifecycle's own state: each rotation's latest stage (so one waiting for the admin's hand-over can be
 * finished or undone later) and which expiry notices the desktop has shown (once per secret and band). State, not
 * history: the activity log records the changes these rotations make in Entra and on the platform.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'secret-lifecycle',
  up(db) {
    db.exec(`
      CREATE TABLE secret_rotations (
        rotation_id  TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        role         TEXT NOT NULL,
        stage        TEXT NOT NULL,
        record_json  TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        seq          INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX secret_rotations_by_app ON secret_rotations (workspace_id, role, seq);

      CREATE TABLE secret_notices_shown (
        key_id       TEXT NOT NULL,
        band         TEXT NOT NULL,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        shown_at     TEXT NOT NULL,
        PRIMARY KEY (key_id, band)
      ) STRICT;
    `);
  },
};
