import type { Result } from '../../../shared/result';

type Block<T> = Result<{ rows: readonly T[]; total: number }>;
type Read<Q, T> = (query: Q, offset: number, limit: number) => Promise<Block<T>>;

/**
 * A page's first block of rows, asked for as the admin opens the page (in the click that navigates) instead of once
 * the page has mounted: the read crosses the bridge while the page renders. The page's own first read of that block
 * gets the early answer, once, if it is for the same query and still fresh; any other read goes to `read`.
 */
export function earlyFirstBlock<Q, T>(read: Read<Q, T>, o: { blockSize: number; freshMs: number }) {
  let early: { key: string; at: number; answer: Promise<Block<T>> } | undefined;
  return {
    prefetch(query: Q, now = performance.now()): void {
      early = { key: JSON.stringify(query), at: now, answer: read(query, 0, o.blockSize) };
    },
    fetch(query: Q, offset: number, limit: number, now = performance.now()): Promise<Block<T>> {
      const e = early;
      early = undefined;
      if (e && offset === 0 && limit === o.blockSize && e.key === JSON.stringify(query) && now - e.at < o.freshMs) return e.answer;
      return read(query, offset, limit);
    },
  };
}
