import type { Migration } from '../migration';

/**
 * The steps left to do in a platform's own portal (bvoip's, per phone system): which ones the admin
 * has ticked, per workspace, so the list survives a restart. The items themselves come from the
 * profile and the answers, so only the ticks are stored.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'checklists',
  up(db) {
    db.exec(`
      CREATE TABLE checklist_ticks (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        item_key     TEXT NOT NULL,
        ticked_at    TEXT NOT NULL,
        PRIMARY KEY (workspace_id, item_key)
      ) STRICT;
    `);
  },
};
