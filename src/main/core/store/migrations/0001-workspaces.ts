import type { Migration } from '../migration';

export const migration0001: Migration = {
  version: 1,
  name: 'workspaces',
  up(db) {
    db.exec(`
      CREATE TABLE workspaces (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        -- Case- and Unicode-folded name; makes "Contoso" and "contoso" the same workspace name.
        name_key       TEXT NOT NULL UNIQUE,
        platform_id    TEXT NOT NULL,
        partner_tenant TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
    `);
  },
};
