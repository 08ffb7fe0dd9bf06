import type { Database } from 'better-sqlite3';
import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import type { Migration } from './migration';

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database to the latest schema. All pending migrations run in one transaction, so a
 * failure leaves the file exactly as it was. A database written by a newer version is refused
 * untouched: an older binary cannot know what the newer schema means.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const current = schemaVersionOf(db);
  if (current > latest) {
    throw new AppError(
      ErrorCode.DatabaseTooNew,
      `This data folder was written by a newer version of Entra Onboard (database schema ${current}; this version understands up to ${latest}).`,
      {
        fix: 'Install the newer version of Entra Onboard again, or start this version with another data folder. Nothing in the file was changed.',
        details: { schemaVersion: current, supportedVersion: latest },
      },
    );
  }
  if (current === latest) return { from: current, to: current };
  db.transaction(() => {
    for (const m of migrations.slice(current)) m.up(db);
    // user_version lives in the database header and is part of this transaction.
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from: current, to: latest };
}
