import type { Database } from 'better-sqlite3';
import { tenantStatusKindSchema } from '../../../shared/domain/client-tenants';
import type { StatusCounts, TenantStatus, TenantStatusKind } from '../../../shared/domain/client-tenants';
import type {
  AttentionItem,
  AttentionKind,
  DashboardFilter,
  DashboardRow,
  DashboardSort,
  DashboardSummary,
  ExpiryBucket,
  PlatformCount,
} from '../../../shared/domain/dashboard';
import type { PlatformId } from '../../../shared/domain/platforms';
import { DISPLAY_NAME, EFFECTIVE_KIND, STATUS_RANK } from './dashboard-sql';
import { statusExplanation } from '../../../shared/domain/tenant-status-text';
import { tenantStatusClause, tenantTextClause } from '../consent/tenant-filter-clauses';

const STATUS_KINDS: readonly TenantStatusKind[] = tenantStatusKindSchema.options;

function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUS_KINDS.map((k) => [k, 0])) as StatusCounts;
}

const ORDER: Record<DashboardSort, string> = {
  name: `${DISPLAY_NAME}, t.tenant_id, t.workspace_id`,
  status: `${STATUS_RANK}, ${DISPLAY_NAME}, t.tenant_id, t.workspace_id`,
  workspace: `w.name COLLATE NOCASE, w.id, ${DISPLAY_NAME}, t.tenant_id`,
  // Oldest read first (never read before anything): what is most out of date is what to look at.
  asOf: `t.as_of, ${DISPLAY_NAME}, t.tenant_id, t.workspace_id`,
};

/**
 * Severity of each attention kind (1 = first). An expired secret breaks sign-in for every client of the
 * workspace, so it comes before any one tenant; a failed or unknown tenant is broken; a secret about to
 * expire will break everything soon; access needed and partial consent wait on someone's action.
 */
export const ATTENTION_SEVERITY: Record<AttentionKind, number> = {
  secretExpired: 1,
  failed: 2,
  tenantNotFound: 3,
  secretExpiring: 4,
  accessNeeded: 5,
  partiallyConsented: 6,
};

const DAY_MS = 86_400_000;

interface AttentionRow {
  kind: AttentionKind;
  workspace_id: string;
  tenant_id: string | null;
  title: string;
  status_json: string | null;
  since: string | null;
}

interface WorkspaceInfo {
  id: string;
  name: string;
  platformId: PlatformId;
}

const ATTENTION_STATUS = ['failed', 'tenantNotFound', 'accessNeeded', 'partiallyConsented'] as const;

/**
 * The status dashboard across all workspaces, read straight from SQLite (client_tenants of migration 0007,
 * workspaces, app_secrets of 0002, the indexes of 0010). Filtering, ordering and paging happen in SQL, so
 * 10,000 tenants never cross IPC at once; only the rows of one page have their status JSON parsed. The
 * workspaces (a few dozen at most) are read whole and joined in code, which keeps every tenant query on
 * client_tenants and its indexes. The CSV and the HTML report are built from these same queries.
 */
export class DashboardReadModel {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private workspaces(): Map<string, WorkspaceInfo> {
    const rows = this.db.prepare('SELECT id, name, platform_id FROM workspaces').all() as { id: string; name: string; platform_id: PlatformId }[];
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, platformId: r.platform_id }]));
  }

  /** The workspaces a filter's platforms and workspace IDs allow (undefined: all). */
  private allowedWorkspaces(filter: DashboardFilter, all: Map<string, WorkspaceInfo>): string[] | undefined {
    if (!filter.platforms && !filter.workspaceIds) return undefined;
    return [...all.values()]
      .filter((w) => (!filter.platforms || filter.platforms.includes(w.platformId)) && (!filter.workspaceIds || filter.workspaceIds.includes(w.id)))
      .map((w) => w.id);
  }

  private where(filter: DashboardFilter, all: Map<string, WorkspaceInfo>): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.text) {
      const text = tenantTextClause(filter.text);
      clauses.push(text.sql);
      params.push(...text.params);
    }
    if (filter.statuses) {
      const status = tenantStatusClause(filter.statuses);
      clauses.push(status.sql);
      params.push(...status.params);
    }
    const allowed = this.allowedWorkspaces(filter, all);
    if (allowed) {
      clauses.push(allowed.length > 0 ? `t.workspace_id IN (${allowed.map(() => '?').join(',')})` : '0');
      params.push(...allowed);
    }
    if (filter.tenantId) {
      clauses.push('t.tenant_id = ?');
      params.push(filter.tenantId.toLowerCase());
    }
    return { sql: clauses.length > 0 ? clauses.join(' AND ') : '1', params };
  }

  /** The workspaces a filter looks at: those of its platforms/IDs, narrowed to ones holding a matching tenant when it names tenants. */
  private workspacesInScope(filter: DashboardFilter, all: Map<string, WorkspaceInfo>, withTenants: Iterable<string>): string[] {
    if (filter.text || filter.statuses || filter.tenantId) return [...new Set(withTenants)];
    return this.allowedWorkspaces(filter, all) ?? [...all.keys()];
  }

  /** Counts per status and per platform for the tenants a filter matches, and the secret expiry timeline of their workspaces. */
  summary(filter: DashboardFilter = {}): DashboardSummary {
    const now = this.now();
    const all = this.workspaces();
    const { sql, params } = this.where(filter, all);
    const rows = this.db
      .prepare(
        `SELECT t.workspace_id AS workspace_id, t.included AS included, t.status_kind AS status_kind, COUNT(*) AS n, MIN(t.as_of) AS oldest
         FROM client_tenants t WHERE ${sql} GROUP BY t.workspace_id, t.included, t.status_kind`,
      )
      .all(...params)
      // Grouped in the index's order (no sort); "excluded" is folded in here as EFFECTIVE_KIND does in SQL.
      .map((r) => {
        const row = r as { workspace_id: string; included: number; status_kind: TenantStatusKind; n: number; oldest: string | null };
        return { ...row, kind: row.included === 0 ? ('excluded' as const) : row.status_kind };
      });
    const counts = emptyCounts();
    const byPlatform = new Map<PlatformId, PlatformCount>();
    let total = 0;
    let oldestAsOf: string | null = null;
    for (const r of rows) {
      const platformId = all.get(r.workspace_id)?.platformId;
      if (!platformId) continue;
      counts[r.kind] = (counts[r.kind] ?? 0) + r.n;
      total += r.n;
      const p = byPlatform.get(platformId) ?? { platformId, total: 0, counts: emptyCounts() };
      p.counts[r.kind] = (p.counts[r.kind] ?? 0) + r.n;
      p.total += r.n;
      byPlatform.set(platformId, p);
      if (r.oldest && (oldestAsOf === null || r.oldest < oldestAsOf)) oldestAsOf = r.oldest;
    }
    const workspaceIds = this.workspacesInScope(filter, all, rows.map((r) => r.workspace_id));
    return {
      at: now.toISOString(),
      workspaces: workspaceIds.length,
      total,
      counts,
      byPlatform: [...byPlatform.values()].sort((a, b) => b.total - a.total || a.platformId.localeCompare(b.platformId)),
      oldestAsOf,
      secrets: this.secretTimeline(workspaceIds, now),
    };
  }

  /**
   * Secrets per month of their end date (UTC) for the next twelve months, with the expired ones first and
   * the rest after. The aggregate the chart needs only; the secret inventory is its own page.
   */
  private secretTimeline(workspaceIds: readonly string[], now: Date): DashboardSummary['secrets'] {
    const nowIso = now.toISOString();
    const soon = new Date(now.getTime() + 30 * DAY_MS).toISOString();
    let expired = 0;
    let within30Days = 0;
    let total = 0;
    const perMonth = new Map<string, number>();
    const rows = this.db
      .prepare(
        `SELECT CASE WHEN julianday(end_date_time) <= julianday(?) THEN 'expired' ELSE strftime('%Y-%m', end_date_time) END AS period,
                SUM(CASE WHEN julianday(end_date_time) > julianday(?) AND julianday(end_date_time) <= julianday(?) THEN 1 ELSE 0 END) AS soon,
                COUNT(*) AS n
         FROM app_secrets WHERE workspace_id IN (SELECT value FROM json_each(?)) GROUP BY period`,
      )
      .all(nowIso, nowIso, soon, JSON.stringify(workspaceIds)) as { period: string; soon: number; n: number }[];
    for (const r of rows) {
      total += r.n;
      within30Days += r.soon;
      if (r.period === 'expired') expired += r.n;
      else perMonth.set(r.period, (perMonth.get(r.period) ?? 0) + r.n);
    }
    const timeline: ExpiryBucket[] = [{ period: 'expired', label: 'Expired', count: expired }];
    const monthName = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    let inWindow = 0;
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m, 1));
      const period = d.toISOString().slice(0, 7);
      const count = perMonth.get(period) ?? 0;
      inWindow += count;
      timeline.push({ period, label: monthName.format(d), count });
    }
    timeline.push({ period: 'later', label: 'Later', count: total - expired - inWindow });
    return { total, expired, within30Days, timeline };
  }

  /** One page of the matching tenants across workspaces, in the order asked. */
  list(o: { filter?: DashboardFilter; sort?: DashboardSort; offset?: number; limit?: number } = {}): { total: number; rows: DashboardRow[] } {
    const all = this.workspaces();
    const { sql, params } = this.where(o.filter ?? {}, all);
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM client_tenants t WHERE ${sql}`).get(...params) as { n: number }).n;
    const sort = o.sort ?? 'name';
    // Only "by workspace" needs the workspace's name in SQL; every other order stays on client_tenants' indexes.
    // CROSS JOIN keeps workspaces as the outer loop (sqlite.org/optoverview.html#manual_control_of_query_plans_using_cross_join),
    // so both sides are read in index order and nothing is sorted.
    const from = sort === 'workspace' ? 'workspaces w CROSS JOIN client_tenants t ON t.workspace_id = w.id' : 'client_tenants t';
    const rows = this.db
      .prepare(
        `SELECT t.workspace_id, t.tenant_id, t.name, t.domain, ${EFFECTIVE_KIND} AS kind, t.status_json, t.as_of
         FROM ${from} WHERE ${sql} ORDER BY ${ORDER[sort]} LIMIT ? OFFSET ?`,
      )
      .all(...params, o.limit ?? 200, o.offset ?? 0) as {
      workspace_id: string;
      tenant_id: string;
      name: string | null;
      domain: string | null;
      kind: TenantStatusKind;
      status_json: string | null;
      as_of: string | null;
    }[];
    return {
      total,
      rows: rows.map((r) => {
        const w = all.get(r.workspace_id);
        const read = r.status_json ? (JSON.parse(r.status_json) as TenantStatus) : null;
        return {
          workspaceId: r.workspace_id,
          workspaceName: w?.name ?? r.workspace_id,
          platformId: w?.platformId ?? 'custom',
          tenantId: r.tenant_id,
          name: r.name,
          domain: r.domain,
          status: r.kind,
          reason: r.kind === 'excluded' ? 'Excluded by the admin: runs skip it.' : statusExplanation(read).reason,
          asOf: r.as_of,
        };
      }),
    };
  }

  /** Every matching row in list order, a page at a time (for the CSV and the report). */
  *allRows(filter: DashboardFilter = {}, sort: DashboardSort = 'name'): Generator<DashboardRow> {
    const page = 1000;
    for (let offset = 0; ; offset += page) {
      const { rows } = this.list({ filter, sort, offset, limit: page });
      yield* rows;
      if (rows.length < page) return;
    }
  }

  /**
   * What needs the admin first, with why: failed and unknown tenants, access needed (with its reason),
   * partial consent (with the missing permissions), and app secrets expired or expiring. Ordered by
   * severity, then age: the oldest status read, the secret that ended (or ends) first. Each kind is read
   * in its own indexed query, oldest first, only as far as the page needs.
   */
  attention(o: { limit?: number; expiringWithinDays?: number; filter?: DashboardFilter } = {}): { total: number; items: AttentionItem[] } {
    const now = this.now();
    const limit = o.limit ?? 50;
    const filter = o.filter ?? {};
    const all = this.workspaces();
    const { sql, params } = this.where(filter, all);
    const perKind = new Map(
      (
        this.db
          .prepare(
            `SELECT t.status_kind AS kind, COUNT(*) AS n FROM client_tenants t
             WHERE t.included = 1 AND t.status_kind IN (${ATTENTION_STATUS.map(() => '?').join(',')}) AND ${sql} GROUP BY t.status_kind`,
          )
          .all(...ATTENTION_STATUS, ...params) as { kind: AttentionKind; n: number }[]
      ).map((r) => [r.kind, r.n]),
    );
    const scope = this.workspacesInScope(filter, all, this.tenantWorkspaces(filter, all));
    const secrets = this.attentionSecrets(scope, now, o.expiringWithinDays ?? 30);
    perKind.set('secretExpired', secrets.filter((s) => s.kind === 'secretExpired').length);
    perKind.set('secretExpiring', secrets.filter((s) => s.kind === 'secretExpiring').length);

    const items: AttentionItem[] = [];
    const kinds = (Object.keys(ATTENTION_SEVERITY) as AttentionKind[]).sort((a, b) => ATTENTION_SEVERITY[a] - ATTENTION_SEVERITY[b]);
    for (const kind of kinds) {
      const room = limit - items.length;
      if (room <= 0) break;
      if (!perKind.get(kind)) continue;
      if (kind === 'secretExpired' || kind === 'secretExpiring') {
        for (const s of secrets.filter((x) => x.kind === kind).slice(0, room)) items.push(this.attentionItem(s, all, now));
        continue;
      }
      const rows = this.db
        .prepare(
          `SELECT t.status_kind AS kind, t.workspace_id, t.tenant_id, COALESCE(t.name, t.domain, t.tenant_id) AS title, t.status_json, t.as_of AS since
           FROM client_tenants t WHERE t.included = 1 AND t.status_kind = ? AND ${sql}
           ORDER BY t.as_of, t.tenant_id, t.workspace_id LIMIT ?`,
        )
        .all(kind, ...params, room) as AttentionRow[];
      for (const r of rows) items.push(this.attentionItem(r, all, now));
    }
    return { total: [...perKind.values()].reduce((a, b) => a + b, 0), items };
  }

  /** The workspaces holding a tenant the filter matches (only asked when the filter names tenants). */
  private tenantWorkspaces(filter: DashboardFilter, all: Map<string, WorkspaceInfo>): string[] {
    if (!(filter.text || filter.statuses || filter.tenantId)) return [];
    const { sql, params } = this.where(filter, all);
    return (this.db.prepare(`SELECT DISTINCT t.workspace_id AS id FROM client_tenants t WHERE ${sql}`).all(...params) as { id: string }[]).map((r) => r.id);
  }

  /** Each app's newest secret, when it has ended or ends soon: an old one left beside a rotated secret breaks nothing. */
  private attentionSecrets(workspaceIds: readonly string[], now: Date, withinDays: number): AttentionRow[] {
    const nowIso = now.toISOString();
    const soonIso = new Date(now.getTime() + withinDays * DAY_MS).toISOString();
    return this.db
      .prepare(
        `SELECT CASE WHEN julianday(s.end_date_time) <= julianday(?) THEN 'secretExpired' ELSE 'secretExpiring' END AS kind,
                s.workspace_id, NULL AS tenant_id, s.role AS title, s.hint AS status_json, s.end_date_time AS since
         FROM app_secrets s
         WHERE s.workspace_id IN (SELECT value FROM json_each(?)) AND julianday(s.end_date_time) <= julianday(?)
           AND NOT EXISTS (SELECT 1 FROM app_secrets n WHERE n.workspace_id = s.workspace_id AND n.role = s.role
                           AND julianday(n.end_date_time) > julianday(s.end_date_time))
         ORDER BY julianday(s.end_date_time), s.workspace_id, s.role`,
      )
      .all(nowIso, JSON.stringify(workspaceIds), soonIso) as AttentionRow[];
  }

  private attentionItem(r: AttentionRow, all: Map<string, WorkspaceInfo>, now: Date): AttentionItem {
    const w = all.get(r.workspace_id);
    const base = {
      kind: r.kind,
      severity: ATTENTION_SEVERITY[r.kind],
      workspaceId: r.workspace_id,
      workspaceName: w?.name ?? r.workspace_id,
      platformId: w?.platformId ?? ('custom' as const),
      tenantId: r.tenant_id,
      since: r.since,
    };
    if (r.kind === 'secretExpired' || r.kind === 'secretExpiring') {
      // For a secret the row carries the app's role as title and the secret's hint (its first characters).
      const app = r.title === 'main' ? 'The app' : `The ${r.title} app`;
      const days = Math.ceil((Date.parse(r.since ?? '') - now.getTime()) / DAY_MS);
      const hint = r.status_json ? ` (${r.status_json}…)` : '';
      return {
        ...base,
        title: `${r.title === 'main' ? 'App' : r.title} secret${hint}`,
        why:
          r.kind === 'secretExpired'
            ? `${app}'s client secret expired on ${r.since?.slice(0, 10)}: sign-ins through this workspace fail.`
            : `${app}'s client secret expires on ${r.since?.slice(0, 10)} (in ${days} day${days === 1 ? '' : 's'}).`,
        fix: 'Rotate the secret: create a new one, hand it to the platform, then remove the old one.',
      };
    }
    const read = r.status_json ? (JSON.parse(r.status_json) as TenantStatus) : null;
    const { reason, fix } = statusExplanation(read);
    return { ...base, title: r.title, why: reason, fix };
  }
}
