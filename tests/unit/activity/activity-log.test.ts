import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activityCsv } from '../../../src/main/core/activity/activity-csv';
import { ActivityLog, type NewActivity } from '../../../src/main/core/activity/activity-log';
import { entryHash, GENESIS_HASH } from '../../../src/main/core/activity/entry-hash';
import { migrations } from '../../../src/main/core/store/migrations';
import { openDatabase } from '../../../src/main/core/store/open-database';
import { makeTempDir } from '../../helpers/temp-dir';

const dirs: Array<{ remove(): void }> = [];
const dbs: Database[] = [];
afterEach(() => {
  dbs.splice(0).forEach((d) => d.close());
  dirs.splice(0).forEach((d) => d.remove());
});

function open(file = ':memory:', options: Parameters<typeof openDatabase>[1] = {}): Database {
  const db = openDatabase(file, options);
  dbs.push(db);
  return db;
}

function entry(over: Partial<NewActivity> = {}): NewActivity {
  return {
    at: '2026-12-01T10:00:00.000Z',
    workspaceId: null,
    operation: 'onboarding.run',
    who: 'admin@contosomsp.onmicrosoft.com',
    whoObjectId: 'oid-1',
    whoTenantId: 'tid-1',
    service: 'graph',
    method: 'POST',
    target: '/applications/a1/addPassword',
    what: 'Add client secret to app a1',
    result: 'succeeded',
    status: 200,
    errorCode: null,
    clientRequestId: 'c-1',
    requestId: 'r-1',
    detail: { 'answer.keyId': 'k1' },
    ...over,
  };
}

describe('the activity log chain', () => {
  it('links each entry to the hash of the one before, from the genesis value', () => {
    const log = new ActivityLog(open());
    const first = log.append(entry());
    const second = log.append(entry({ what: 'Remove client secret k0 from app a1' }));
    expect(first.id).toBe(1);
    expect(second.id).toBe(2);
    expect(second.hash).not.toBe(first.hash);
    expect(log.verify()).toEqual({ intact: true, entries: 2 });
    const rows = dbs[0]!.prepare('SELECT id, prev_hash, hash FROM activity_log ORDER BY id').all() as { prev_hash: string; hash: string }[];
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
  });

  it('an empty log is intact with 0 entries', () => {
    expect(new ActivityLog(open()).verify()).toEqual({ intact: true, entries: 0 });
  });

  it('names the first entry whose content was edited', () => {
    const db = open();
    const log = new ActivityLog(db);
    for (let i = 1; i <= 5; i++) log.append(entry({ what: `change ${i}`, at: `2026-12-01T10:00:0${i}.000Z` }));
    db.prepare("UPDATE activity_log SET what = 'nothing happened' WHERE id = 3").run();
    expect(log.verify()).toEqual({ intact: false, entries: 3, broken: { id: 3, at: '2026-12-01T10:00:03.000Z', what: 'nothing happened', reason: 'changed' } });
  });

  it('names the entry after one that was removed, or rewritten with a fresh hash', () => {
    const db = open();
    const log = new ActivityLog(db);
    for (let i = 1; i <= 4; i++) log.append(entry({ what: `change ${i}` }));
    db.prepare('DELETE FROM activity_log WHERE id = 2').run();
    expect(log.verify().broken).toMatchObject({ id: 3, reason: 'previousMissing' });

    const db2 = open();
    const log2 = new ActivityLog(db2);
    for (let i = 1; i <= 4; i++) log2.append(entry({ what: `change ${i}` }));
    // A careful editor recomputes the edited entry's own hash; the next entry's link still gives it away.
    const row = db2.prepare('SELECT * FROM activity_log WHERE id = 2').get() as Record<string, unknown>;
    const edited = { ...row, who: 'someone else' } as never as Parameters<typeof entryHash>[0];
    db2.prepare('UPDATE activity_log SET who = ?, hash = ? WHERE id = 2').run('someone else', entryHash(edited));
    expect(log2.verify().broken).toMatchObject({ id: 3, reason: 'previousMissing' });
  });

  it('a renumbered entry breaks its hash', () => {
    const db = open();
    const log = new ActivityLog(db);
    for (let i = 1; i <= 3; i++) log.append(entry({ what: `change ${i}` }));
    db.prepare('UPDATE activity_log SET id = 10 WHERE id = 3').run();
    expect(log.verify().broken).toMatchObject({ id: 10, reason: 'changed' });
  });

  it('stays one chain when two connections append to the same file in turn', () => {
    const dir = makeTempDir('eo-activity-');
    dirs.push(dir);
    const file = join(dir.path, 'a.sqlite');
    const a = new ActivityLog(open(file));
    const b = new ActivityLog(open(file));
    for (let i = 0; i < 20; i++) (i % 3 === 0 ? b : a).append(entry({ what: `change ${i}` }));
    expect(a.verify()).toEqual({ intact: true, entries: 20 });
    const prevs = dbs[0]!.prepare('SELECT prev_hash FROM activity_log').pluck().all() as string[];
    expect(new Set(prevs).size).toBe(20);
  });

  it('keeps the workspace’s name as it was, after the workspace is deleted', () => {
    const db = open();
    db.prepare("INSERT INTO workspaces (id, name, name_key, platform_id, created_at, updated_at) VALUES ('w1', 'Contoso – PanelOne', 'x', 'clientone', 'x', 'x')").run();
    const log = new ActivityLog(db);
    log.append(entry({ workspaceId: 'w1' }));
    db.prepare("DELETE FROM workspaces WHERE id = 'w1'").run();
    expect(log.list({ text: '' }, 0, 10).entries[0]).toMatchObject({ workspaceId: 'w1', workspaceName: 'Contoso – PanelOne' });
    expect(log.workspaces()).toEqual([{ id: 'w1', name: 'Contoso – PanelOne' }]);
  });
});

describe('searching the activity log', () => {
  function seeded() {
    const db = open();
    db.prepare("INSERT INTO workspaces (id, name, name_key, platform_id, created_at, updated_at) VALUES ('w1', 'Fabrikam', 'f', 'clientone', 'x', 'x'), ('w2', 'Northwind', 'n', 'clment', 'x', 'x')").run();
    const log = new ActivityLog(db);
    log.append(entry({ workspaceId: 'w1', what: 'Create app registration "Fabrikam PanelOne"', clientRequestId: 'aaaa-1111' }));
    log.append(entry({ workspaceId: 'w2', what: 'Add client secret to app b2', result: 'failed', status: 403, errorCode: 'Authorization_RequestDenied' }));
    log.append(entry({ workspaceId: 'w2', who: 'ops@northwind.example', what: 'Grant 100%_of things' }));
    return log;
  }

  it('finds text in who, what, workspace, result, error code and correlation IDs, newest first', () => {
    const log = seeded();
    const whats = (text: string) => log.list({ text }, 0, 50).entries.map((e) => e.id);
    expect(whats('fabrikam')).toEqual([1]);
    expect(whats('NORTHWIND')).toEqual([3, 2]);
    expect(whats('ops@')).toEqual([3]);
    expect(whats('aaaa-1111')).toEqual([1]);
    expect(whats('RequestDenied')).toEqual([2]);
    expect(whats('failed')).toEqual([2]);
    expect(whats('r-1')).toEqual([3, 2, 1]);
    // The admin's % and _ are literal characters, not wildcards.
    expect(whats('100%_')).toEqual([3]);
    expect(whats('1%1')).toEqual([]);
  });

  it('filters by workspace and result, and pages', () => {
    const log = seeded();
    expect(log.list({ text: '', workspaceId: 'w2' }, 0, 50).total).toBe(2);
    expect(log.list({ text: '', result: 'failed' }, 0, 50).entries.map((e) => e.id)).toEqual([2]);
    const page = log.list({ text: '' }, 1, 1);
    expect(page).toMatchObject({ total: 3, entries: [{ id: 2 }] });
  });

  it('exports CSV oldest first, quoted, with formulas defused', () => {
    const log = seeded();
    log.append(entry({ what: '=HYPERLINK("http://evil.example","x"), more' }));
    const { csv, count } = activityCsv(log.each({ text: '' }));
    expect(count).toBe(4);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,time \(UTC\),who,/);
    expect(lines[1]).toMatch(/^1,2026-12-01T10:00:00.000Z,admin@contosomsp.onmicrosoft.com,oid-1,tid-1,Fabrikam,graph,"Create app registration ""Fabrikam PanelOne""",POST,/);
    expect(lines[4]).toContain(`"'=HYPERLINK(""http://evil.example"",""x""), more"`);
    expect(activityCsv(log.each({ text: '', workspaceId: 'w2' })).count).toBe(2);
  });
});

describe('migration 0008', () => {
  it('moves the audit_log’s events into the chain, in order, intact, and drops audit_log', () => {
    const dir = makeTempDir('eo-activity-mig-');
    dirs.push(dir);
    const file = join(dir.path, 'old.sqlite');
    const old = open(file, { migrations: migrations.slice(0, 7) });
    old.prepare("INSERT INTO workspaces (id, name, name_key, platform_id, created_at, updated_at) VALUES ('w1', 'Contoso', 'c', 'clientone', 'x', 'x')").run();
    const insert = old.prepare('INSERT INTO audit_log (at, workspace_id, action, detail_json) VALUES (?, ?, ?, ?)');
    insert.run('2026-11-01T00:00:00.000Z', 'w1', 'onboarding.apply', JSON.stringify({ runId: 'r1', platform: 'clientone', partnerTenantId: 't1' }));
    insert.run('2026-11-01T00:01:00.000Z', 'w1', 'secret.revealed', JSON.stringify({ role: 'main', keyId: 'k1', hint: 'abc' }));
    old.close();
    dbs.splice(dbs.indexOf(old), 1);

    const db = open(file);
    const log = new ActivityLog(db);
    expect(log.verify()).toEqual({ intact: true, entries: 2 });
    const entries = log.list({ text: '' }, 0, 10).entries.reverse();
    expect(entries.map((e) => [e.target, e.what, e.workspaceName, e.service])).toEqual([
      ['onboarding.apply', 'Started guided setup for clientone (run r1)', 'Contoso', 'console'],
      ['secret.revealed', 'Read the app’s client secret k1 from the vault', 'Contoso', 'console'],
    ]);
    // The secret's hint (its first characters) is not carried over.
    expect(entries[1]!.detail).toEqual({ role: 'main', keyId: 'k1' });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'").pluck().get()).toBe(0);
    // New entries continue the migrated chain.
    log.append(entry());
    expect(log.verify()).toEqual({ intact: true, entries: 3 });
  });
});
