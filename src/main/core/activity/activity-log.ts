import type { Database, Statement } from 'better-sqlite3';
import type { ActivityEntry, ActivityQuery, ActivityResult, ActivityService, ActivityVerification } from '../../../shared/domain/activity';
import { activityColumns, type ActivityRow } from './activity-row';
import { entryHash, GENESIS_HASH } from './entry-hash';
import { verifyActivityLog } from './verify-activity-log';

/** An entry before the log numbers, names and chains it. */
export interface NewActivity {
  at: string;
  workspaceId: string | null;
  operation: string | null;
  who: string;
  whoObjectId: string | null;
  whoTenantId: string | null;
  service: ActivityService;
  method: string | null;
  target: string;
  what: string;
  result: ActivityResult;
  status: number | null;
  errorCode: string | null;
  clientRequestId: string | null;
  requestId: string | null;
  /** Only values from a whitelist (summarize()); never a request or response body. */
  detail: Record<string, string | number | boolean>;
}

function toEntry(row: ActivityRow): ActivityEntry {
  return {
    id: row.id,
    at: row.at,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    operation: row.operation,
    who: row.who,
    whoObjectId: row.who_oid,
    whoTenantId: row.who_tid,
    service: row.service as ActivityService,
    method: row.method,
    target: row.target,
    what: row.what,
    result: row.result as ActivityResult,
    status: row.status,
    errorCode: row.error_code,
    clientRequestId: row.client_request_id,
    requestId: row.request_id,
    detail: JSON.parse(row.detail_json) as ActivityEntry['detail'],
    hash: row.hash,
  };
}

/** LIKE with the admin's text taken literally (% and _ are not wildcards to them). */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const searched = ['who', 'what', 'workspace_name', 'result', 'target', 'error_code', 'client_request_id', 'request_id', 'operation'];

/**
 * The append-only activity log (issue 11 item 5): every change the console made in Entra, Partner
 * Center or the platform, and the admin actions that matter later (a secret read from the vault). Each
 * entry carries the hash of the one before, so an edited or removed entry is found by verify.
 */
export class ActivityLog {
  private readonly last: Statement<[], { id: number; hash: string }>;
  private readonly workspaceName: Statement<[string], { name: string }>;
  private readonly insert: Statement<unknown[]>;
  private readonly appendTx: (entry: NewActivity) => ActivityRow;

  constructor(private readonly db: Database) {
    this.last = db.prepare('SELECT id, hash FROM activity_log ORDER BY id DESC LIMIT 1');
    this.workspaceName = db.prepare('SELECT name FROM workspaces WHERE id = ?');
    this.insert = db.prepare(`INSERT INTO activity_log (${[...activityColumns, 'hash'].join(', ')}) VALUES (${[...activityColumns, 'hash'].map(() => '?').join(', ')})`);
    // Reading the previous entry and inserting this one in one IMMEDIATE transaction: a second
    // connection (another process on the same file) waits, so two entries never share a predecessor.
    const tx = db.transaction((entry: NewActivity): ActivityRow => {
      const previous = this.last.get();
      const unhashed: Omit<ActivityRow, 'hash'> = {
        id: (previous?.id ?? 0) + 1,
        at: entry.at,
        workspace_id: entry.workspaceId,
        // Kept as it was then: a renamed or deleted workspace's entries still say which it was.
        workspace_name: entry.workspaceId ? (this.workspaceName.get(entry.workspaceId)?.name ?? null) : null,
        operation: entry.operation,
        who: entry.who,
        who_oid: entry.whoObjectId,
        who_tid: entry.whoTenantId,
        service: entry.service,
        method: entry.method,
        target: entry.target,
        what: entry.what,
        result: entry.result,
        status: entry.status,
        error_code: entry.errorCode,
        client_request_id: entry.clientRequestId,
        request_id: entry.requestId,
        detail_json: JSON.stringify(entry.detail),
        prev_hash: previous?.hash ?? GENESIS_HASH,
      };
      const row: ActivityRow = { ...unhashed, hash: entryHash(unhashed) };
      this.insert.run(...[...activityColumns, 'hash' as const].map((c) => row[c]));
      return row;
    });
    this.appendTx = (entry) => tx.immediate(entry);
  }

  append(entry: NewActivity): ActivityEntry {
    return toEntry(this.appendTx(entry));
  }

  private where(query: ActivityQuery): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (query.text) {
      clauses.push(`(${searched.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
      params.push(...searched.map(() => likePattern(query.text)));
    }
    if (query.workspaceId) {
      clauses.push('workspace_id = ?');
      params.push(query.workspaceId);
    }
    if (query.result) {
      clauses.push('result = ?');
      params.push(query.result);
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  /** Newest first, one page; LIKE is case-insensitive for ASCII, as an admin types. */
  list(query: ActivityQuery, offset: number, limit: number): { total: number; entries: ActivityEntry[] } {
    const { sql, params } = this.where(query);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM activity_log ${sql}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM activity_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as ActivityRow[];
    return { total, entries: rows.map(toEntry) };
  }

  /** Every matching entry, oldest first (the export). */
  *each(query: ActivityQuery): Generator<ActivityEntry> {
    const { sql, params } = this.where(query);
    for (const row of this.db.prepare(`SELECT * FROM activity_log ${sql} ORDER BY id`).iterate(...params) as IterableIterator<ActivityRow>) yield toEntry(row);
  }

  /** Walks the whole chain (verifyActivityLog). */
  verify(): ActivityVerification {
    return verifyActivityLog(this.db);
  }

  /** The workspaces the log names, with the newest name each had. */
  workspaces(): { id: string; name: string }[] {
    return this.db
      .prepare<[], { id: string; name: string }>(
        `SELECT workspace_id AS id, workspace_name AS name FROM activity_log
         WHERE id IN (SELECT max(id) FROM activity_log WHERE workspace_id IS NOT NULL AND workspace_name IS NOT NULL GROUP BY workspace_id)
         ORDER BY name COLLATE NOCASE`,
      )
      .all();
  }
}
