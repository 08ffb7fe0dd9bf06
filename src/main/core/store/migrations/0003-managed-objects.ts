import type { Migration } from '../migration';

/**
 * Directory objects other than apps that a workspace manages in its tenant (security groups,
 * Conditional Access policies), by a key of the platform's choosing ("admin", "mfa:main"). Their
 * object IDs are what the admin hands to the platform, and what a run looks for first next time.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'managed-objects',
  up(db) {
    db.exec(`
      CREATE TABLE managed_objects (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        kind         TEXT NOT NULL,
        key          TEXT NOT NULL,
        object_id    TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (workspace_id, kind, key)
      ) STRICT;
    `);
  },
};
