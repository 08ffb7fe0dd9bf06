import type { TenantStatusKind } from '../../../shared/domain/client-tenants';

export interface SqlClause {
  sql: string;
  params: unknown[];
}

/**
 * Find over a client tenant's name, domain or ID (alias `t` for client_tenants). LIKE is case-insensitive for ASCII;
 * tenant IDs and domains are stored in lower case. The admin's text is matched literally: %, _ and \ are escaped.
 */
export function tenantTextClause(text: string): SqlClause {
  const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return { sql: "(t.name LIKE ? ESCAPE '\\' OR t.domain LIKE ? ESCAPE '\\' OR t.tenant_id LIKE ? ESCAPE '\\')", params: [like, like, like] };
}

/** Tenants in any of these statuses. "excluded" is the admin's choice, not something read: it matches excluded tenants whatever their last status. */
export function tenantStatusClause(statuses: readonly TenantStatusKind[]): SqlClause {
  const read = statuses.filter((s) => s !== 'excluded');
  const parts: string[] = [];
  const params: unknown[] = [];
  if (read.length > 0) {
    parts.push(`(t.included = 1 AND t.status_kind IN (${read.map(() => '?').join(',')}))`);
    params.push(...read);
  }
  if (statuses.includes('excluded')) parts.push('t.included = 0');
  return { sql: parts.length > 0 ? `(${parts.join(' OR ')})` : '0', params };
}
