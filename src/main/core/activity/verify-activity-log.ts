import type { Database } from 'better-sqlite3';
import type { ActivityVerification } from '../../../shared/domain/activity';
import type { ActivityRow } from './activity-row';
import { entryHash, GENESIS_HASH } from './entry-hash';

/**
 * Walks the chain from the first entry: each must link to the hash of the one before (genesis for the
 * first) and hash to what it carries. The first entry where either fails is named: "changed" when its
 * own content no longer matches its hash, "previousMissing" when the entry before it was removed or
 * rewritten with a new hash. What a chain alone cannot show: entries cut from the end, or a whole
 * chain recomputed by someone running this code (no key is involved; the point is evidence of an
 * edit made with a SQLite tool).
 */
export function verifyActivityLog(db: Database): ActivityVerification {
  let expectedPrevious = GENESIS_HASH;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM activity_log ORDER BY id').iterate() as IterableIterator<ActivityRow>) {
    const { hash, ...rest } = row;
    const broken = (reason: 'changed' | 'previousMissing'): ActivityVerification => ({
      intact: false,
      entries: entries + 1,
      broken: { id: row.id, at: String(row.at), what: String(row.what), reason },
    });
    if (entryHash(rest) !== hash) return broken('changed');
    if (row.prev_hash !== expectedPrevious) return broken('previousMissing');
    expectedPrevious = hash;
    entries++;
  }
  return { intact: true, entries };
}
