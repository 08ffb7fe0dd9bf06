import type { Migration } from '../migration';

/**
 * Indexes for the status dashboard across all workspaces (issue 11 §2): 10,000 tenants over 20 workspaces,
 * sorted and paged without a sort of the whole table. Each index's expressions are the ones the dashboard's
 * queries order by (src/main/core/dashboard/dashboard-sql.ts), so SQLite walks the index and stops at the page.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'dashboard',
  up(db) {
    db.exec(`
      -- List by name across workspaces; the second serves "by workspace" (workspaces by name, then tenants by name).
      CREATE INDEX client_tenants_dash_name ON client_tenants (COALESCE(name, domain, tenant_id) COLLATE NOCASE, tenant_id, workspace_id);
      CREATE INDEX client_tenants_dash_ws_name ON client_tenants (workspace_id, COALESCE(name, domain, tenant_id) COLLATE NOCASE, tenant_id);
      CREATE INDEX workspaces_dash_name ON workspaces (name COLLATE NOCASE, id);
      -- List by status, most urgent first (the rank the attention list also uses).
      CREATE INDEX client_tenants_dash_status ON client_tenants (
        (CASE WHEN included = 0 THEN 7 ELSE CASE status_kind WHEN 'failed' THEN 1 WHEN 'tenantNotFound' THEN 2 WHEN 'accessNeeded' THEN 3
          WHEN 'partiallyConsented' THEN 4 WHEN 'notStarted' THEN 5 WHEN 'consented' THEN 6 ELSE 7 END END),
        COALESCE(name, domain, tenant_id) COLLATE NOCASE, tenant_id, workspace_id);
      -- List by age of the status read.
      CREATE INDEX client_tenants_dash_as_of ON client_tenants (as_of, COALESCE(name, domain, tenant_id) COLLATE NOCASE, tenant_id, workspace_id);
      -- Counts per workspace and status (covering: the summary never reads the table).
      CREATE INDEX client_tenants_dash_counts ON client_tenants (workspace_id, included, status_kind, as_of);
      -- Attention, per kind, oldest first; excluded tenants need none.
      CREATE INDEX client_tenants_dash_attention ON client_tenants (status_kind, as_of, tenant_id, workspace_id) WHERE included = 1;
      CREATE INDEX app_secrets_by_end ON app_secrets (workspace_id, role, end_date_time);
    `);
  },
};
