import type { Database, Statement } from 'better-sqlite3';

/**
 * Prepared statements kept by their SQL text: db.prepare() compiles the SQL each time it is called, and a
 * consent run writes a tenant's journal steps and status thousands of times with the same few statements.
 * At most `max` are kept (the oldest dropped first), so SQL built per call (IN lists) cannot pile up.
 */
export function statementCache(db: Database, max = 64): <P extends unknown[] = unknown[], R = unknown>(sql: string) => Statement<P, R> {
  const kept = new Map<string, Statement>();
  return <P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R> => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > max) kept.delete(kept.keys().next().value as string);
    }
    return statement as unknown as Statement<P, R>;
  };
}
