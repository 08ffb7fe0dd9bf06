import { activityColumns, type ActivityRow } from '../../activity/activity-row';
import { describeEvent } from '../../activity/describe-event';
import { entryHash, GENESIS_HASH } from '../../activity/entry-hash';
import type { Migration } from '../migration';

/**
 * The activity log (issue 11 item 5): one append-only, hash-chained table for every change the console
 * makes in Entra, Partner Center or the platform, and the admin actions the audit_log table held. Those
 * rows move into the chain in their order (who made them was never recorded: "before the activity log").
 * No foreign key to workspaces: a deleted workspace's history stays.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'activity-log',
  up(db) {
    db.exec(`
      CREATE TABLE activity_log (
        id                INTEGER PRIMARY KEY,
        at                TEXT NOT NULL,
        workspace_id      TEXT,
        workspace_name    TEXT,
        operation         TEXT,
        who               TEXT NOT NULL,
        who_oid           TEXT,
        who_tid           TEXT,
        service           TEXT NOT NULL CHECK (service IN ('graph', 'partnerCenter', 'platform', 'console')),
        method            TEXT,
        target            TEXT NOT NULL,
        what              TEXT NOT NULL,
        result            TEXT NOT NULL CHECK (result IN ('succeeded', 'failed')),
        status            INTEGER,
        error_code        TEXT,
        client_request_id TEXT,
        request_id        TEXT,
        detail_json       TEXT NOT NULL,
        prev_hash         TEXT NOT NULL,
        hash              TEXT NOT NULL
      ) STRICT;
      CREATE INDEX activity_log_by_workspace ON activity_log (workspace_id, id);
    `);
    const old = db
      .prepare<[], { at: string; workspace_id: string | null; action: string; detail_json: string; name: string | null }>(
        'SELECT a.at, a.workspace_id, a.action, a.detail_json, w.name FROM audit_log a LEFT JOIN workspaces w ON w.id = a.workspace_id ORDER BY a.id',
      )
      .all();
    const insert = db.prepare(`INSERT INTO activity_log (${[...activityColumns, 'hash'].join(', ')}) VALUES (${[...activityColumns, 'hash'].map(() => '?').join(', ')})`);
    let previous = GENESIS_HASH;
    old.forEach((r, i) => {
      const event = describeEvent(r.action, JSON.parse(r.detail_json) as Record<string, unknown>);
      const unhashed: Omit<ActivityRow, 'hash'> = {
        id: i + 1,
        at: r.at,
        workspace_id: r.workspace_id,
        workspace_name: r.name,
        operation: null,
        who: 'not recorded (before the activity log)',
        who_oid: null,
        who_tid: null,
        service: 'console',
        method: null,
        target: r.action,
        what: event.what,
        result: event.result,
        status: null,
        error_code: null,
        client_request_id: null,
        request_id: null,
        detail_json: JSON.stringify(event.detail),
        prev_hash: previous,
      };
      const hash = entryHash(unhashed);
      insert.run(...activityColumns.map((c) => unhashed[c]), hash);
      previous = hash;
    });
    db.exec('DROP TABLE audit_log');
  },
};
