/**
 * The expressions the dashboard filters and orders by. Migration 0009 indexes these same expressions, so
 * SQLite walks an index and stops at the page instead of sorting 10,000 rows: change one, change both.
 */

/** What the list shows as a tenant's status: the admin's "excluded" wins over the last status read. */
export const EFFECTIVE_KIND = "CASE WHEN t.included = 0 THEN 'excluded' ELSE t.status_kind END";

/** Most urgent first (1 failed … 6 consented, 7 excluded); the attention list agrees with it. */
export const STATUS_RANK = `CASE WHEN t.included = 0 THEN 7 ELSE CASE t.status_kind WHEN 'failed' THEN 1 WHEN 'tenantNotFound' THEN 2 WHEN 'accessNeeded' THEN 3
  WHEN 'partiallyConsented' THEN 4 WHEN 'notStarted' THEN 5 WHEN 'consented' THEN 6 ELSE 7 END END`;

export const DISPLAY_NAME = 'COALESCE(t.name, t.domain, t.tenant_id) COLLATE NOCASE';
