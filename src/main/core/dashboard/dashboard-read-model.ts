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
import { statusReason } from './status-reason';

const STATUS_KINDS: readonly TenantStatusKind[] = tenantStatusKindSchema.options;

function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUS_KINDS.map((k) => [k, 0])) as StatusCounts;
}

/** What the list shows as a tenant's status: the admin's "excluded" wins over the last status read. */
const EFFECTIVE_KIND = "CASE WHEN t.included = 0 THEN 'excluded' ELSE t.status_kind END";

/** Most urgent first; the list's "status" sort and the attention list agree on it. */
const STATUS_RANK = `CASE ${EFFECTIVE_KIND} WHEN 'failed' THEN 1 WHEN 'tenantNotFound' THEN 2 WHEN 'accessNeeded' THEN 3
  WHEN 'partiallyConsented' THEN 4 WHEN 'notStarted' THEN 5 WHEN 'consented' THEN 6 ELSE 7 END`;

const DISPLAY_NAME = 'COALESCE(t.name, t.domain, t.tenant_id) COLLATE NOCASE';

const ORDER: Record<DashboardSort, string> = {
  name: `${DISPLAY_NAME}, w.name COLLATE NOCASE, t.tenant_id`,
  status: `${STATUS_RANK}, ${DISPLAY_NAME}, t.tenant_id, w.name`,
  workspace: `w.name COLLATE NOCASE, ${DISPLAY_NAME}, t.tenant_id`,
  // Oldest read first (never read before anything): what is most out of date is what to look at.
  asOf: `t.as_of, ${DISPLAY_NAME}, t.tenant_id, w.name`,
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
  severity: number;
  kind: AttentionKind;
  workspace_id: string;
  workspace_name: string;
  platform_id: PlatformId;
  tenant_id: string | null;
  title: string;
  status_json: string | null;
  since: string | null;
}

/**
 * The status dashboard across all workspaces, read straight from SQLite (client_tenants of migration 0007,
 * workspaces, app_secrets of 0002). Filtering, ordering and paging happen in SQL, so 10,000 tenants never
 * cross IPC at once; only the rows of one page have their status JSON parsed. The CSV and the HTML report
 * are built from these same queries, so their numbers are the dashboard's.
 */
export class DashboardReadModel {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private where(filter: DashboardFilter): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.text) {
      // LIKE is case-insensitive for ASCII; tenant IDs and domains are stored in lower case.
      clauses.push("(t.name LIKE ? ESCAPE '\\' OR t.domain LIKE ? ESCAPE '\\' OR t.tenant_id LIKE ? ESCAPE '\\')");
      const like = `%${filter.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like, like);
    }
    if (filter.statuses) {
      // "excluded" is the admin's choice, not something read: it matches excluded tenants whatever their last status.
      const read = filter.statuses.filter((s) => s !== 'excluded');
      const parts: string[] = [];
      if (read.length > 0) {
        parts.push(`(t.included = 1 AND t.status_kind IN (${read.map(() => '?').join(',')}))`);
        params.push(...read);
      }
      if (filter.statuses.includes('excluded')) parts.push('t.included = 0');
      clauses.push(parts.length > 0 ? `(${parts.join(' OR ')})` : '0');
    }
    if (filter.platforms) {
      clauses.push(filter.platforms.length > 0 ? `w.platform_id IN (${filter.platforms.map(() => '?').join(',')})` : '0');
      params.push(...filter.platforms);
    }
    if (filter.workspaceIds) {
      clauses.push(filter.workspaceIds.length > 0 ? `t.workspace_id IN (${filter.workspaceIds.map(() => '?').join(',')})` : '0');
      params.push(...filter.workspaceIds);
    }
    if (filter.tenantId) {
      clauses.push('t.tenant_id = ?');
      params.push(filter.tenantId.toLowerCase());
    }
    return { sql: clauses.length > 0 ? clauses.join(' AND ') : '1', params };
  }

  /** The workspaces a filter looks at: those of its platforms/IDs, narrowed to ones holding a matching tenant when it names tenants. */
  private workspacesInScope(filter: DashboardFilter): string[] {
    const namesTenants = Boolean(filter.text || filter.statuses || filter.tenantId);
    if (namesTenants) {
      const { sql, params } = this.where(filter);
      return (
        this.db
          .prepare(`SELECT DISTINCT t.workspace_id AS id FROM client_tenants t JOIN workspaces w ON w.id = t.workspace_id WHERE ${sql}`)
          .all(...params) as { id: string }[]
      ).map((r) => r.id);
    }
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (filter.platforms) {
      clauses.push(filter.platforms.length > 0 ? `platform_id IN (${filter.platforms.map(() => '?').join(',')})` : '0');
      params.push(...filter.platforms);
    }
    if (filter.workspaceIds) {
      clauses.push(filter.workspaceIds.length > 0 ? `id IN (${filter.workspaceIds.map(() => '?').join(',')})` : '0');
      params.push(...filter.workspaceIds);
    }
    return (
      this.db.prepare(`SELECT id FROM workspaces WHERE ${clauses.length > 0 ? clauses.join(' AND ') : '1'}`).all(...params) as { id: string }[]
    ).map((r) => r.id);
  }

  /** Counts per status and per platform for the tenants a filter matches, and the secret expiry timeline of their workspaces. */
  summary(filter: DashboardFilter = {}): DashboardSummary {
    const now = this.now();
    const { sql, params } = this.where(filter);
    const rows = this.db
      .prepare(
        `SELECT ${EFFECTIVE_KIND} AS kind, w.platform_id AS platform_id, COUNT(*) AS n, MIN(t.as_of) AS oldest
         FROM client_tenants t JOIN workspaces w ON w.id = t.workspace_id
         WHERE ${sql} GROUP BY kind, w.platform_id`,
      )
      .all(...params) as { kind: TenantStatusKind; platform_id: PlatformId; n: number; oldest: string | null }[];
    const counts = emptyCounts();
    const byPlatform = new Map<PlatformId, PlatformCount>();
    let total = 0;
    let oldestAsOf: string | null = null;
    for (const r of rows) {
      counts[r.kind] = (counts[r.kind] ?? 0) + r.n;
      total += r.n;
      const p = byPlatform.get(r.platform_id) ?? { platformId: r.platform_id, total: 0, counts: emptyCounts() };
      p.counts[r.kind] = (p.counts[r.kind] ?? 0) + r.n;
      p.total += r.n;
      byPlatform.set(r.platform_id, p);
      if (r.oldest && (oldestAsOf === null || r.oldest < oldestAsOf)) oldestAsOf = r.oldest;
    }
    const workspaceIds = this.workspacesInScope(filter);
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
    for (let i = 0; i < workspaceIds.length; i += 500) {
      const ids = workspaceIds.slice(i, i + 500);
      const rows = this.db
        .prepare(
          `SELECT CASE WHEN julianday(end_date_time) <= julianday(?) THEN 'expired' ELSE strftime('%Y-%m', end_date_time) END AS period,
                  SUM(CASE WHEN julianday(end_date_time) > julianday(?) AND julianday(end_date_time) <= julianday(?) THEN 1 ELSE 0 END) AS soon,
                  COUNT(*) AS n
           FROM app_secrets WHERE workspace_id IN (${ids.map(() => '?').join(',')}) GROUP BY period`,
        )
        .all(nowIso, nowIso, soon, ...ids) as { period: string; soon: number; n: number }[];
      for (const r of rows) {
        total += r.n;
        within30Days += r.soon;
        if (r.period === 'expired') expired += r.n;
        else perMonth.set(r.period, (perMonth.get(r.period) ?? 0) + r.n);
      }
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
    const { sql, params } = this.where(o.filter ?? {});
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM client_tenants t JOIN workspaces w ON w.id = t.workspace_id WHERE ${sql}`).get(...params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT t.workspace_id, w.name AS workspace_name, w.platform_id, t.tenant_id, t.name, t.domain, ${EFFECTIVE_KIND} AS kind,
                t.status_json, t.as_of
         FROM client_tenants t JOIN workspaces w ON w.id = t.workspace_id
         WHERE ${sql} ORDER BY ${ORDER[o.sort ?? 'name']} LIMIT ? OFFSET ?`,
      )
      .all(...params, o.limit ?? 200, o.offset ?? 0) as {
      workspace_id: string;
      workspace_name: string;
      platform_id: PlatformId;
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
        const read = r.status_json ? (JSON.parse(r.status_json) as TenantStatus) : null;
        return {
          workspaceId: r.workspace_id,
          workspaceName: r.workspace_name,
          platformId: r.platform_id,
          tenantId: r.tenant_id,
          name: r.name,
          domain: r.domain,
          status: r.kind,
          reason: r.kind === 'excluded' ? 'Excluded by the admin: runs skip it.' : statusReason(read).reason,
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
   * severity, then age: the oldest status read, the secret that ended (or ends) first.
   */
  attention(o: { limit?: number; expiringWithinDays?: number; filter?: DashboardFilter } = {}): { total: number; items: AttentionItem[] } {
    const now = this.now();
    const nowIso = now.toISOString();
    const soonIso = new Date(now.getTime() + (o.expiringWithinDays ?? 30) * DAY_MS).toISOString();
    const { sql, params } = this.where(o.filter ?? {});
    const secretScope = this.workspacesInScope(o.filter ?? {});
    const sev = ATTENTION_SEVERITY;
    // Only each app's newest secret counts: an old one left beside a rotated secret breaks nothing.
    const union = `
      SELECT CASE t.status_kind WHEN 'failed' THEN ${sev.failed} WHEN 'tenantNotFound' THEN ${sev.tenantNotFound}
               WHEN 'accessNeeded' THEN ${sev.accessNeeded} ELSE ${sev.partiallyConsented} END AS severity,
             t.status_kind AS kind, t.workspace_id, w.name AS workspace_name, w.platform_id, t.tenant_id,
             COALESCE(t.name, t.domain, t.tenant_id) AS title, t.status_json, t.as_of AS since
      FROM client_tenants t JOIN workspaces w ON w.id = t.workspace_id
      WHERE t.included = 1 AND t.status_kind IN ('failed', 'tenantNotFound', 'accessNeeded', 'partiallyConsented') AND ${sql}
      UNION ALL
      SELECT CASE WHEN julianday(s.end_date_time) <= julianday(?) THEN ${sev.secretExpired} ELSE ${sev.secretExpiring} END,
             CASE WHEN julianday(s.end_date_time) <= julianday(?) THEN 'secretExpired' ELSE 'secretExpiring' END,
             s.workspace_id, w.name, w.platform_id, NULL, s.role, s.hint, s.end_date_time
      FROM app_secrets s JOIN workspaces w ON w.id = s.workspace_id
      WHERE julianday(s.end_date_time) <= julianday(?)
        AND s.workspace_id IN (SELECT value FROM json_each(?))
        AND NOT EXISTS (SELECT 1 FROM app_secrets n WHERE n.workspace_id = s.workspace_id AND n.role = s.role
                        AND julianday(n.end_date_time) > julianday(s.end_date_time))`;
    const unionParams = [...params, nowIso, nowIso, soonIso, JSON.stringify(secretScope)];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM (${union})`).get(...unionParams) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM (${union}) ORDER BY severity, since, title COLLATE NOCASE LIMIT ?`)
      .all(...unionParams, o.limit ?? 50) as AttentionRow[];
    return { total, items: rows.map((r) => this.attentionItem(r, now)) };
  }

  private attentionItem(r: AttentionRow, now: Date): AttentionItem {
    const base = {
      kind: r.kind,
      severity: r.severity,
      workspaceId: r.workspace_id,
      workspaceName: r.workspace_name,
      platformId: r.platform_id,
      tenantId: r.tenant_id,
      since: r.since,
    };
    if (r.kind === 'secretExpired' || r.kind === 'secretExpiring') {
      // For a secret the row carries the role as title and the hint (first characters) in status_json.
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
    const { reason, fix } = statusReason(read);
    return { ...base, title: r.title, why: reason, fix };
  }
}
