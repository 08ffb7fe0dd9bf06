import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersionOf } from '../../../src/main/core/store/migrate';
import type { Migration } from '../../../src/main/core/store/migration';
import { migrations } from '../../../src/main/core/store/migrations';
import { openDatabase } from '../../../src/main/core/store/open-database';
import { AppError } from '../../../src/main/core/errors/app-error';
import { makeTempDir } from '../../helpers/temp-dir';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function tableNames(db: BetterSqlite3.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);
}

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
  });

  it('bring an empty database to the latest schema with WAL and foreign keys on', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = openDatabase(join(dir.path, 'app.sqlite'));
    expect(schemaVersionOf(db)).toBe(migrations.length);
    expect(tableNames(db)).toContain('workspaces');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('create STRICT tables that refuse a value of the wrong type', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      db
        .prepare('INSERT INTO workspaces (id, name, name_key, platform_id, partner_tenant, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run('id', 'name', 'key', 'clientone', null, Buffer.from('not text'), 'x'),
    ).toThrow(/cannot store BLOB value in TEXT column/);
    db.close();
  });

  it('are a no-op on a database that is already current', () => {
    const db = openDatabase(':memory:');
    expect(migrate(db, migrations)).toEqual({ from: migrations.length, to: migrations.length });
    db.close();
  });

  it('refuse a database written by a newer version, and leave the file untouched', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = join(dir.path, 'newer.sqlite');
    const writer = new BetterSqlite3(file);
    writer.exec('CREATE TABLE future (x TEXT) STRICT');
    writer.pragma(`user_version = ${migrations.length + 5}`);
    writer.close();
    copyFileSync(file, `${file}.before`);

    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('database_too_new');
    expect((caught as AppError).message).toContain(`schema ${migrations.length + 5}`);
    expect((caught as AppError).fix).toMatch(/newer version/);
    expect(readFileSync(file).equals(readFileSync(`${file}.before`))).toBe(true);
  });

  it('run all pending migrations in one transaction: a failure leaves nothing behind', () => {
    const db = new BetterSqlite3(':memory:');
    const failing: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x TEXT) STRICT') },
      { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE two (x TEXT) STRICT') },
      {
        version: 3,
        name: 'broken',
        up: () => {
          throw new Error('migration 3 failed');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow('migration 3 failed');
    expect(schemaVersionOf(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
    db.close();
  });

  it('apply only the pending ones when the database is part-way', () => {
    const db = new BetterSqlite3(':memory:');
    const list: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x TEXT) STRICT') },
    ];
    migrate(db, list);
    list.push({ version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE two (x TEXT) STRICT') });
    expect(migrate(db, list)).toEqual({ from: 1, to: 2 });
    expect(tableNames(db)).toEqual(['one', 'two']);
    db.close();
  });
});
