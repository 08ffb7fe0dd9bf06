import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../src/main/core/store/open-database';
import { statementCache } from '../../../src/main/core/store/statement-cache';

const dbs: Database[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

describe('statementCache', () => {
  it('prepares a statement once per SQL text and keeps at most `max`, dropping the oldest', () => {
    const db = openDatabase(':memory:');
    dbs.push(db);
    const sql = statementCache(db, 2);
    const a = sql('SELECT 1 AS n');
    expect(sql('SELECT 1 AS n')).toBe(a);
    expect(sql<[], { n: number }>('SELECT 1 AS n').get()).toEqual({ n: 1 });
    sql('SELECT 2 AS n');
    sql('SELECT 3 AS n');
    // The first was dropped: asking again prepares a new one, which still answers.
    const again = sql('SELECT 1 AS n');
    expect(again).not.toBe(a);
    expect(again.get()).toEqual({ n: 1 });
  });
});
