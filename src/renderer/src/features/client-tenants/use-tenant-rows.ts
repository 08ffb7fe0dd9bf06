import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientTenant, TenantFilter } from '../../../../shared/domain/client-tenants';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';

export type TenantSort = { by: 'name' | 'domain' | 'tenantId' | 'status' | 'strategy' | 'asOf'; direction: 'asc' | 'desc' };

/** Rows are read in blocks as the table scrolls to them: 5,000 tenants never cross the bridge at once. */
export const BLOCK_SIZE = 200;

interface Loaded {
  key: string;
  total: number | undefined;
  blocks: ReadonlyMap<number, readonly ClientTenant[]>;
}

/**
 * The sorted, filtered tenant list as the table sees it: a total and the rows loaded so far. Sorting and
 * filtering happen in the store (SQL), so a new sort or filter costs one block, not the whole list.
 * `version` re-reads the loaded blocks in place (after a 'tenants.changed' event) without emptying the table.
 */
export function useTenantRows(workspaceId: string, sort: TenantSort, filter: TenantFilter, version: number, enabled: boolean) {
  const key = JSON.stringify([workspaceId, sort, filter]);
  const [loaded, setLoaded] = useState<Loaded>({ key, total: undefined, blocks: new Map() });
  const [error, setError] = useState<AppErrorShape | undefined>();
  const pending = useRef(new Set<string>());
  const latestKey = useRef(key);
  useEffect(() => {
    latestKey.current = key;
  }, [key]);
  const current = loaded.key === key ? loaded : { key, total: undefined, blocks: new Map<number, readonly ClientTenant[]>() };

  const loadBlock = useCallback(
    (block: number, forKey: string, generation = 0) => {
      const id = `${forKey}#${block}#${generation}`;
      if (pending.current.has(id)) return;
      pending.current.add(id);
      const [, s, f] = JSON.parse(forKey) as [string, TenantSort, TenantFilter];
      void getApi()
        .call('tenants.list', { workspaceId, offset: block * BLOCK_SIZE, limit: BLOCK_SIZE, sort: s, filter: f })
        .then((result) => {
          pending.current.delete(id);
          if (!result.ok) return setError(result.error);
          setError(undefined);
          setLoaded((prev) => {
            // An answer for a sort or filter the admin has since changed is dropped.
            if (forKey !== latestKey.current) return prev;
            const blocks = new Map(prev.key === forKey ? prev.blocks : []);
            blocks.set(block, result.value.rows);
            return { key: forKey, total: result.value.total, blocks };
          });
        });
    },
    [workspaceId],
  );

  // A new sort or filter: the first block.
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

  const rowAt = (index: number): ClientTenant | undefined => current.blocks.get(Math.floor(index / BLOCK_SIZE))?.[index % BLOCK_SIZE];
  return { total: current.total, rowAt, ensure, error };
}
