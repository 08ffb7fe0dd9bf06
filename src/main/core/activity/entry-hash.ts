import { createHash } from 'node:crypto';
import { activityColumns, type ActivityRow } from './activity-row';

/** What the first entry links to: no entry came before it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The canonical form of an entry: every column but its own hash, in a fixed order, as a JSON array
 * (JSON escapes every string, so no two different rows share a form, which "a|b" joining would allow).
 * The id is in it, so renumbering an entry breaks its hash too.
 */
export function canonicalForm(row: Omit<ActivityRow, 'hash'>): string {
  return JSON.stringify(activityColumns.map((c) => row[c]));
}

/** SHA-256 of the canonical form, hex. */
export function entryHash(row: Omit<ActivityRow, 'hash'>): string {
  return createHash('sha256').update(canonicalForm(row), 'utf8').digest('hex');
}
