import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape, Result } from '../../../shared/result';

/** Rows are read in blocks as a table scrolls to them: thousands of tenants never cross the bridge at once. */
export const BLOCK_SIZE = 200;

/** Reads one block of the list `query` describes; a module-level function, so it never changes identity. */
export type FetchBlock<Q, T> = (query: Q, offset: number, limit: number) => Promise<Result<{ rows: readonly T[]; total: number }>>;

interface Loaded<T> {
  key: string;
  total: number | undefined;
  blocks: ReadonlyMap<number, readonly T[]>;
}

/**
 * A long sorted, filtered list as a windowed table sees it: a total and the blocks loaded so far. Sorting and
 * filtering happen in the store (SQL), so a new query costs one block, not the whole list. `version` re-reads the
 * loaded blocks in place (after a change event) without emptying the table. An answer for a query the admin has
 * since changed is dropped.
 */
export function useBlockRows<Q, T>(query: Q, fetchBlock: FetchBlock<Q, T>, version: number, enabled = true) {
  const key = JSON.stringify(query);
  const [loaded, setLoaded] = useState<Loaded<T>>({ key, total: undefined, blocks: new Map() });
  const [error, setError] = useState<AppErrorShape | undefined>();
  const pending = useRef(new Set<string>());
  const latestKey = useRef(key);
  useEffect(() => {
    latestKey.current = key;
  }, [key]);
  const current: Loaded<T> = loaded.key === key ? loaded : { key, total: undefined, blocks: new Map() };

  const loadBlock = useCallback(
    (block: number, forKey: string, generation = 0) => {
      const id = `${forKey}#${block}#${generation}`;
      if (pending.current.has(id)) return;
      pending.current.add(id);
      void fetchBlock(JSON.parse(forKey) as Q, block * BLOCK_SIZE, BLOCK_SIZE).then((result) => {
        pending.current.delete(id);
        if (!result.ok) return setError(result.error);
        setError(undefined);
        setLoaded((prev) => {
          if (forKey !== latestKey.current) return prev;
          const blocks = new Map(prev.key === forKey ? prev.blocks : []);
          blocks.set(block, result.value.rows);
          return { key: forKey, total: result.value.total, blocks };
        });
      });
    },
    [fetchBlock],
  );

  // A new query: the first block.
  useEffect(() => {
    if (enabled) loadBlock(0, key);
  }, [enabled, key, loadBlock]);

  // Something changed in the store: read again what is on screen, in place.
  const loadedBlocks = useRef<number[]>([]);
  useEffect(() => {
    loadedBlocks.current = [...current.blocks.keys()];
  });
  useEffect(() => {
    if (!enabled || version === 0) return;
    for (const block of loadedBlocks.current.length > 0 ? loadedBlocks.current : [0]) loadBlock(block, key, version);
  }, [enabled, version, key, loadBlock]);

  /** Asks for the blocks covering rows start..end (inclusive) that are not loaded yet. */
  const ensure = useCallback(
    (start: number, end: number) => {
      for (let block = Math.floor(start / BLOCK_SIZE); block <= Math.floor(end / BLOCK_SIZE); block++) {
        if (!current.blocks.has(block)) loadBlock(block, key);
      }
    },
    [current.blocks, key, loadBlock],
  );

  const rowAt = (index: number): T | undefined => current.blocks.get(Math.floor(index / BLOCK_SIZE))?.[index % BLOCK_SIZE];
  return { total: current.total, rowAt, ensure, error };
}
