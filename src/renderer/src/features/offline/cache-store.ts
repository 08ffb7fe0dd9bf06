import { create } from 'zustand';
import type { CachedWorkspace, RefreshResult } from '../../../../shared/domain/offline';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';

interface CacheStore {
  workspaces: CachedWorkspace[];
  refreshing: boolean;
  result: RefreshResult | undefined;
  error: AppErrorShape | undefined;
  load(): Promise<void>;
  refresh(): Promise<void>;
}

/** The cached picture of every workspace (SQLite only) and the last refresh's outcome. */
export const useCacheStore = create<CacheStore>((set, get) => ({
  workspaces: [],
  refreshing: false,
  result: undefined,
  error: undefined,
  async load() {
    const r = await getApi().call('offline.cache', {});
    if (r.ok) set({ workspaces: r.value.workspaces });
  },
  async refresh() {
    if (get().refreshing) return;
    set({ refreshing: true, error: undefined });
    try {
      const r = await getApi().call('offline.refresh', {});
      if (r.ok) set({ result: r.value, workspaces: r.value.workspaces });
      else set({ error: r.error });
    } finally {
      set({ refreshing: false });
    }
  },
}));

export function cachedOf(workspaces: CachedWorkspace[], workspaceId: string): CachedWorkspace | undefined {
  return workspaces.find((w) => w.workspaceId === workspaceId);
}
