import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migration';

export interface OpenDatabaseOptions {
  /** Path of a better-sqlite3 native binding built for this runtime (Electron needs its own ABI). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

/** Opens (creating if needed) the app database with WAL, foreign keys and the latest schema. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? allMigrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
