import type { Database } from 'better-sqlite3';
import { statementCache } from '../store/statement-cache';
import { tenantStatusKindSchema } from '../../../shared/domain/client-tenants';
import { tenantStatusClause, tenantTextClause } from './tenant-filter-clauses';
import type {
  ClientTenant,
  ConsentStrategy,
  Evidence,
  GdapRelationship,
  HistoryEntry,
  PlatformEnablement,
  StatusCounts,
  TenantFilter,
  TenantSelection,
  TenantSourceKind,
  TenantStatus,
  TenantStatusKind,
} from '../../../shared/domain/client-tenants';

/** A tenant as a source reports it; merged into the list by tenant ID. */
export interface FoundTenant {
  tenantId: string;
  domain?: string | null;
  name?: string | null;
  source: TenantSourceKind;
  detail?: string;
  /** GDAP only: the tenant's relationships as read now (replaces what was stored). */
  gdapRelationships?: GdapRelationship[];
}

interface TenantRow {
  tenant_id: string;
  domain: string | null;
  name: string | null;
  included: number;
  strategy_override: ConsentStrategy | null;
  default_strategy: ConsentStrategy;
  default_reason: string;
  gdap_json: string;
  status_kind: TenantStatusKind;
  status_json: string | null;
  as_of: string | null;
  platform_json: string | null;
}

interface SourceRow {
  tenant_id: string;
  kind: TenantSourceKind;
  first_seen_at: string;
  last_seen_at: string;
  detail: string | null;
}

export type ListSort = { by: 'name' | 'domain' | 'tenantId' | 'status' | 'strategy' | 'asOf'; direction: 'asc' | 'desc' };

const SORT_COLUMN: Record<ListSort['by'], string> = {
  name: 'COALESCE(name, domain, tenant_id) COLLATE NOCASE',
  domain: 'COALESCE(domain, tenant_id) COLLATE NOCASE',
  tenantId: 'tenant_id',
  status: 'status_kind',
  strategy: 'COALESCE(strategy_override, default_strategy)',
  asOf: 'as_of',
};

/** Every status kind, in the contract's order (one list: the shared schema's). */
export const STATUS_KINDS: readonly TenantStatusKind[] = tenantStatusKindSchema.options;

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUS_KINDS.map((k) => [k, 0])) as StatusCounts;
}

/**
 * The merged client-tenant list of a workspace in SQLite. Sorting, filtering and paging happen in
 * SQL so 5,000 tenants never cross IPC at once. A tenant excluded by the admin reads "excluded"
 * whatever was last read from it; its last read status is kept for when it is included again.
 */
export class ClientTenantRepository {
  /** Statements a run uses per tenant (get, recordStatus, hydrate), prepared once (statementCache). */
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(private readonly db: Database) {
    this.sql = statementCache(db);
  }

  /**
   * Adds what is new and records each source once (a source seen again only moves last_seen_at).
   * Name and domain fill in when unknown; GDAP relationships are replaced by the latest read.
   * Returns the tenant IDs that were new to the list.
   */
  merge(workspaceId: string, found: readonly FoundTenant[], at: string): string[] {
    const insertTenant = this.db.prepare(
      `INSERT INTO client_tenants (workspace_id, tenant_id, domain, name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, tenant_id) DO NOTHING`,
    );
    const fillNames = this.db.prepare(
      `UPDATE client_tenants SET domain = COALESCE(domain, ?), name = COALESCE(name, ?), updated_at = ?
       WHERE workspace_id = ? AND tenant_id = ?`,
    );
    const setGdap = this.db.prepare('UPDATE client_tenants SET gdap_json = ? WHERE workspace_id = ? AND tenant_id = ?');
    const upsertSource = this.db.prepare(
      `INSERT INTO client_tenant_sources (workspace_id, tenant_id, kind, first_seen_at, last_seen_at, detail)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (workspace_id, tenant_id, kind) DO UPDATE SET last_seen_at = excluded.last_seen_at,
         detail = COALESCE(excluded.detail, client_tenant_sources.detail)`,
    );
    const added: string[] = [];
    this.db.transaction(() => {
      for (const t of found) {
        const id = t.tenantId.toLowerCase();
        const r = insertTenant.run(workspaceId, id, t.domain?.toLowerCase() ?? null, t.name ?? null, at, at);
        if (r.changes > 0) added.push(id);
        else fillNames.run(t.domain?.toLowerCase() ?? null, t.name ?? null, at, workspaceId, id);
        if (t.gdapRelationships) setGdap.run(JSON.stringify(t.gdapRelationships), workspaceId, id);
        upsertSource.run(workspaceId, id, t.source, at, at, t.detail ?? null);
      }
    })();
    return added;
  }

  has(workspaceId: string, tenantId: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM client_tenants WHERE workspace_id = ? AND tenant_id = ?').get(workspaceId, tenantId.toLowerCase()) !==
      undefined
    );
  }

  /** Every tenant ID of the workspace, for duplicate checks in bulk imports. */
  allIds(workspaceId: string): Set<string> {
    return new Set(
      this.db
        .prepare<[string], { tenant_id: string }>('SELECT tenant_id FROM client_tenants WHERE workspace_id = ?')
        .all(workspaceId)
        .map((r) => r.tenant_id),
    );
  }

  /** Domain (lower case) to tenant ID, for CSV rows that name a tenant by a domain already listed. */
  domainIndex(workspaceId: string): Map<string, string> {
    return new Map(
      this.db
        .prepare<[string], { domain: string; tenant_id: string }>('SELECT domain, tenant_id FROM client_tenants WHERE workspace_id = ? AND domain IS NOT NULL')
        .all(workspaceId)
        .map((r) => [r.domain, r.tenant_id]),
    );
  }

  /** What the default strategy is computed from, for many tenants in one query. */
  strategyInputs(workspaceId: string, tenantIds: readonly string[]): { tenantId: string; gdap: GdapRelationship[]; sources: TenantSourceKind[] }[] {
    const out: { tenantId: string; gdap: GdapRelationship[]; sources: TenantSourceKind[] }[] = [];
    for (let i = 0; i < tenantIds.length; i += 500) {
      const ids = tenantIds.slice(i, i + 500);
      const rows = this.db
        .prepare(
          `SELECT t.tenant_id, t.gdap_json, (SELECT group_concat(kind) FROM client_tenant_sources s WHERE s.workspace_id = t.workspace_id AND s.tenant_id = t.tenant_id) AS kinds
           FROM client_tenants t WHERE t.workspace_id = ? AND t.tenant_id IN (${ids.map(() => '?').join(',')})`,
        )
        .all(workspaceId, ...ids) as { tenant_id: string; gdap_json: string; kinds: string | null }[];
      for (const r of rows) {
        out.push({ tenantId: r.tenant_id, gdap: JSON.parse(r.gdap_json) as GdapRelationship[], sources: (r.kinds ?? '').split(',').filter(Boolean) as TenantSourceKind[] });
      }
    }
    return out;
  }

  setDefaultStrategy(workspaceId: string, tenantId: string, strategy: ConsentStrategy, reason: string): void {
    this.db
      .prepare('UPDATE client_tenants SET default_strategy = ?, default_reason = ? WHERE workspace_id = ? AND tenant_id = ?')
      .run(strategy, reason, workspaceId, tenantId);
  }

  private where(workspaceId: string, filter: TenantFilter): { sql: string; params: unknown[] } {
    const clauses = ['t.workspace_id = ?'];
    const params: unknown[] = [workspaceId];
    if (filter.text) {
      const text = tenantTextClause(filter.text);
      clauses.push(text.sql);
      params.push(...text.params);
    }
    if (filter.included !== undefined) {
      clauses.push('t.included = ?');
      params.push(filter.included ? 1 : 0);
    }
    if (filter.statuses) {
      const status = tenantStatusClause(filter.statuses);
      clauses.push(status.sql);
      params.push(...status.params);
    }
    if (filter.strategies) {
      clauses.push(`COALESCE(t.strategy_override, t.default_strategy) IN (${filter.strategies.map(() => '?').join(',')})`);
      params.push(...filter.strategies);
    }
    if (filter.sources) {
      clauses.push(
        `EXISTS (SELECT 1 FROM client_tenant_sources s WHERE s.workspace_id = t.workspace_id AND s.tenant_id = t.tenant_id AND s.kind IN (${filter.sources.map(() => '?').join(',')}))`,
      );
      params.push(...filter.sources);
    }
    return { sql: clauses.join(' AND '), params };
  }

  list(workspaceId: string, o: { offset: number; limit: number; sort: ListSort; filter: TenantFilter }): { total: number; rows: ClientTenant[] } {
    const { sql, params } = this.where(workspaceId, o.filter);
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM client_tenants t WHERE ${sql}`).get(...params) as { n: number }).n;
    const statusOrder = o.sort.by === 'status' ? 'CASE WHEN t.included = 0 THEN \'excluded\' ELSE t.status_kind END' : SORT_COLUMN[o.sort.by];
    const dir = o.sort.direction === 'desc' ? 'DESC' : 'ASC';
    const rows = this.db
      .prepare(`SELECT t.* FROM client_tenants t WHERE ${sql} ORDER BY ${statusOrder} ${dir}, t.tenant_id ${dir} LIMIT ? OFFSET ?`)
      .all(...params, o.limit, o.offset) as TenantRow[];
    return { total, rows: this.hydrate(workspaceId, rows) };
  }

  get(workspaceId: string, tenantId: string): ClientTenant | undefined {
    const row = this.sql('SELECT * FROM client_tenants WHERE workspace_id = ? AND tenant_id = ?').get(workspaceId, tenantId.toLowerCase()) as
      | TenantRow
      | undefined;
    return row ? this.hydrate(workspaceId, [row])[0] : undefined;
  }

  /** The tenant IDs a selection names (explicit IDs are kept only when listed), in list order. */
  select(workspaceId: string, selection: TenantSelection): string[] {
    if ('tenantIds' in selection) {
      const known = this.allIds(workspaceId);
      return [...new Set(selection.tenantIds.map((id) => id.toLowerCase()))].filter((id) => known.has(id));
    }
    const { sql, params } = this.where(workspaceId, selection.filter);
    return (
      this.db.prepare(`SELECT t.tenant_id FROM client_tenants t WHERE ${sql} ORDER BY t.rowid`).all(...params) as { tenant_id: string }[]
    ).map((r) => r.tenant_id);
  }

  setIncluded(workspaceId: string, tenantIds: readonly string[], included: boolean, at: string): number {
    const stmt = this.db.prepare('UPDATE client_tenants SET included = ?, updated_at = ? WHERE workspace_id = ? AND tenant_id = ? AND included <> ?');
    let changed = 0;
    this.db.transaction(() => {
      for (const id of tenantIds) changed += stmt.run(included ? 1 : 0, at, workspaceId, id, included ? 1 : 0).changes;
    })();
    return changed;
  }

  setStrategy(workspaceId: string, tenantIds: readonly string[], strategy: ConsentStrategy | null, at: string): number {
    const stmt = this.db.prepare(
      'UPDATE client_tenants SET strategy_override = ?, updated_at = ? WHERE workspace_id = ? AND tenant_id = ? AND strategy_override IS NOT ?',
    );
    let changed = 0;
    this.db.transaction(() => {
      for (const id of tenantIds) changed += stmt.run(strategy, at, workspaceId, id, strategy).changes;
    })();
    return changed;
  }

  /** Stores a status read from the tenant and appends it to the tenant's history. */
  recordStatus(
    workspaceId: string,
    tenantId: string,
    status: TenantStatus,
    entry: { summary: string; runId: string | null; strategy: ConsentStrategy | null },
  ): void {
    const at = status.asOf ?? new Date().toISOString();
    this.db.transaction(() => {
      this.sql('UPDATE client_tenants SET status_kind = ?, status_json = ?, as_of = ?, updated_at = ? WHERE workspace_id = ? AND tenant_id = ?')
        .run(status.kind, JSON.stringify(status), status.asOf, at, workspaceId, tenantId);
      this.sql(
        `INSERT INTO client_tenant_history (workspace_id, tenant_id, at, status_kind, summary, evidence_json, run_id, strategy)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(workspaceId, tenantId, at, status.kind, entry.summary, JSON.stringify(status.evidence), entry.runId, entry.strategy);
    })();
  }

  setPlatform(workspaceId: string, tenantId: string, platform: PlatformEnablement): void {
    this.db.prepare('UPDATE client_tenants SET platform_json = ? WHERE workspace_id = ? AND tenant_id = ?').run(JSON.stringify(platform), workspaceId, tenantId);
  }

  history(workspaceId: string, tenantId: string): HistoryEntry[] {
    return (
      this.db
        .prepare(
          'SELECT at, status_kind, summary, evidence_json, run_id, strategy FROM client_tenant_history WHERE workspace_id = ? AND tenant_id = ? ORDER BY id DESC',
        )
        .all(workspaceId, tenantId.toLowerCase()) as {
        at: string;
        status_kind: TenantStatusKind;
        summary: string;
        evidence_json: string;
        run_id: string | null;
        strategy: ConsentStrategy | null;
      }[]
    ).map((r) => ({
      at: r.at,
      status: r.status_kind,
      summary: r.summary,
      evidence: JSON.parse(r.evidence_json) as Evidence[],
      runId: r.run_id,
      strategy: r.strategy,
    }));
  }

  /** Counts per status as the list shows them (excluded tenants count as excluded). */
  counts(workspaceId: string): { total: number; included: number; counts: StatusCounts } {
    const counts = emptyCounts();
    let total = 0;
    let included = 0;
    const rows = this.db
      .prepare(
        `SELECT CASE WHEN included = 0 THEN 'excluded' ELSE status_kind END AS kind, included, COUNT(*) AS n
         FROM client_tenants WHERE workspace_id = ? GROUP BY kind, included`,
      )
      .all(workspaceId) as { kind: TenantStatusKind; included: number; n: number }[];
    for (const r of rows) {
      counts[r.kind] = (counts[r.kind] ?? 0) + r.n;
      total += r.n;
      if (r.included === 1) included += r.n;
    }
    return { total, included, counts };
  }

  private hydrate(workspaceId: string, rows: TenantRow[]): ClientTenant[] {
    if (rows.length === 0) return [];
    const sources = new Map<string, SourceRow[]>();
    // Chunked: SQLite limits bound parameters (32,766 in current builds; stay well under).
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => r.tenant_id);
      const found = this.sql(
        `SELECT tenant_id, kind, first_seen_at, last_seen_at, detail FROM client_tenant_sources
         WHERE workspace_id = ? AND tenant_id IN (${ids.map(() => '?').join(',')}) ORDER BY first_seen_at, kind`,
      ).all(workspaceId, ...ids) as SourceRow[];
      for (const s of found) {
        const list = sources.get(s.tenant_id) ?? [];
        list.push(s);
        sources.set(s.tenant_id, list);
      }
    }
    return rows.map((r): ClientTenant => {
      const read: TenantStatus = r.status_json
        ? (JSON.parse(r.status_json) as TenantStatus)
        : { kind: 'notStarted', asOf: null, evidence: [] };
      const status: TenantStatus = r.included === 1 ? read : { kind: 'excluded', asOf: read.asOf, evidence: read.evidence };
      return {
        tenantId: r.tenant_id,
        domain: r.domain,
        name: r.name,
        sources: (sources.get(r.tenant_id) ?? []).map((s) => ({
          kind: s.kind,
          firstSeenAt: s.first_seen_at,
          lastSeenAt: s.last_seen_at,
          ...(s.detail ? { detail: s.detail } : {}),
        })),
        gdapRelationships: JSON.parse(r.gdap_json) as GdapRelationship[],
        included: r.included === 1,
        strategy: {
          chosen: r.strategy_override ?? r.default_strategy,
          isDefault: r.strategy_override === null,
          default: r.default_strategy,
          defaultReason: r.default_reason,
        },
        status,
        platform: r.platform_json ? (JSON.parse(r.platform_json) as PlatformEnablement) : null,
      };
    });
  }
}
