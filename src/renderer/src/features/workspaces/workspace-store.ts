import { create } from 'zustand';
import type { InputOf } from '../../../../shared/contract/requests';
import type { Workspace } from '../../../../shared/domain/workspace';
import type { AppErrorShape, Result } from '../../../../shared/result';
import { getApi } from '../../app/api';

interface WorkspaceState {
  status: 'loading' | 'ready' | 'error';
  items: Workspace[];
  loadError: AppErrorShape | undefined;
  load(): Promise<void>;
  create(input: InputOf<'workspaces.create'>): Promise<Result<Workspace>>;
  rename(id: string, name: string): Promise<Result<Workspace>>;
  remove(id: string): Promise<Result<{ id: string }>>;
}

/**
 * The workspace list as the home screen shows it. The list is always re-read from main after a
 * change, so what the admin sees is what is stored, including changes made in another window.
 */
export const useWorkspaceStore = create<WorkspaceState>((set, get) => ({
  status: 'loading',
  items: [],
  loadError: undefined,

  async load() {
    const result = await getApi().call('workspaces.list', {});
    if (result.ok) set({ status: 'ready', items: result.value, loadError: undefined });
    else set({ status: 'error', loadError: result.error });
  },

  async create(input) {
    const result = await getApi().call('workspaces.create', input);
    if (result.ok) await get().load();
    return result;
  },

  async rename(id, name) {
    const result = await getApi().call('workspaces.rename', { id, name });
    await get().load();
    return result;
  },

  async remove(id) {
    const result = await getApi().call('workspaces.delete', { id });
    await get().load();
    return result;
  },
}));
