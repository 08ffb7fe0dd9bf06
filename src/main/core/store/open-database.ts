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
    // Connection settings only: nothing here writes to the file.
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Migrate (or refuse a newer database) before switching to WAL, which rewrites the file header:
    // a refused file must stay byte for byte as it was.
    migrate(db, options.migrations ?? allMigrations);
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL never corrupts the file and keeps every commit across a process crash; only a
    // power cut may lose the last ones (sqlite.org/pragma.html#pragma_synchronous). FULL would fsync each
    // of a consent run's journal writes, thousands per run.
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
