import { useCallback, useEffect, useRef, useState } from 'react';
import type { DashboardFilter, DashboardRow, DashboardSort } from '../../../../shared/domain/dashboard';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';

/** Rows are read in blocks as the table scrolls to them: 10,000 tenants never cross the bridge at once. */
export const BLOCK_SIZE = 200;

interface Loaded {
  key: string;
  total: number | undefined;
  blocks: ReadonlyMap<number, readonly DashboardRow[]>;
}

/**
 * The dashboard's list as the table sees it: a total and the blocks loaded so far. Filter and sort run in the
 * store (SQL), so a new filter costs one block. `version` re-reads the loaded blocks in place after a change.
 */
export function useDashboardRows(sort: DashboardSort, filter: DashboardFilter, version: number) {
  const key = JSON.stringify([sort, filter]);
  const [loaded, setLoaded] = useState<Loaded>({ key, total: undefined, blocks: new Map() });
  const [error, setError] = useState<AppErrorShape | undefined>();
  const pending = useRef(new Set<string>());
  const latestKey = useRef(key);
  useEffect(() => {
    latestKey.current = key;
  }, [key]);
  const current = loaded.key === key ? loaded : { key, total: undefined, blocks: new Map<number, readonly DashboardRow[]>() };

  const loadBlock = useCallback((block: number, forKey: string, generation = 0) => {
    const id = `${forKey}#${block}#${generation}`;
    if (pending.current.has(id)) return;
    pending.current.add(id);
    const [s, f] = JSON.parse(forKey) as [DashboardSort, DashboardFilter];
    void getApi()
      .call('dashboard.list', { filter: f, sort: s, offset: block * BLOCK_SIZE, limit: BLOCK_SIZE })
      .then((result) => {
        pending.current.delete(id);
        if (!result.ok) return setError(result.error);
        setError(undefined);
        setLoaded((prev) => {
          // An answer for a filter the admin has since changed is dropped.
          if (forKey !== latestKey.current) return prev;
          const blocks = new Map(prev.key === forKey ? prev.blocks : []);
          blocks.set(block, result.value.rows);
          return { key: forKey, total: result.value.total, blocks };
        });
      });
  }, []);

  useEffect(() => loadBlock(0, key), [key, loadBlock]);

  const loadedBlocks = useRef<number[]>([]);
  useEffect(() => {
    loadedBlocks.current = [...current.blocks.keys()];
  });
  useEffect(() => {
    if (version === 0) return;
    for (const block of loadedBlocks.current.length > 0 ? loadedBlocks.current : [0]) loadBlock(block, key, version);
  }, [version, key, loadBlock]);

  const ensure = useCallback(
    (start: number, end: number) => {
      for (let block = Math.floor(start / BLOCK_SIZE); block <= Math.floor(end / BLOCK_SIZE); block++) {
        if (!current.blocks.has(block)) loadBlock(block, key);
      }
    },
    [current.blocks, key, loadBlock],
  );

  const rowAt = (index: number): DashboardRow | undefined => current.blocks.get(Math.floor(index / BLOCK_SIZE))?.[index % BLOCK_SIZE];
  return { total: current.total, rowAt, ensure, error };
}
