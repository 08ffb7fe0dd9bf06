import { create } from 'zustand';
import type { AccountSummaryDto, AuthState, DeviceCodePromptDto, SignInMethod } from '../../../../shared/domain/auth';
import type { StepId } from '../../../../shared/domain/steps';
import type { AppErrorShape, Result } from '../../../../shared/result';
import { getApi } from '../../app/api';

interface AuthStore {
  state: AuthState | undefined;
  loadError: AppErrorShape | undefined;
  /** Web host: the sign-in URL waiting for the admin to open it in a new tab. */
  openUrl: string | undefined;
  deviceCode: DeviceCodePromptDto | undefined;
  load(): Promise<void>;
  signIn(method: SignInMethod, workspaceId: string, forStep?: { steps: StepId[]; homeAccountId: string }): Promise<Result<AccountSummaryDto>>;
  cancel(): Promise<void>;
  signOut(homeAccountId: string): Promise<Result<Record<string, never>>>;
  subscribe(): () => void;
}

export const useAuthStore = create<AuthStore>((set, get) => ({
  state: undefined,
  loadError: undefined,
  openUrl: undefined,
  deviceCode: undefined,

  async load() {
    const result = await getApi().call('auth.state', {});
    if (result.ok) set({ state: result.value, loadError: undefined });
    else set({ loadError: result.error });
  },

  async signIn(method, workspaceId, forStep) {
    set({ openUrl: undefined, deviceCode: undefined });
    const result = await getApi().call('auth.signIn', { method, workspaceId, ...(forStep ?? {}) });
    set({ openUrl: undefined, deviceCode: undefined });
    await get().load();
    return result;
  },

  async cancel() {
    await getApi().call('auth.cancel', {});
  },

  async signOut(homeAccountId) {
    const result = await getApi().call('auth.signOut', { homeAccountId });
    await get().load();
    return result as Result<Record<string, never>>;
  },

  subscribe() {
    const api = getApi();
    const offs = [
      api.on('auth.changed', () => void get().load()),
      api.on('auth.openUrl', ({ url }) => set({ openUrl: url })),
      api.on('auth.deviceCode', (prompt) => set({ deviceCode: prompt })),
    ];
    return () => offs.forEach((off) => off());
  },
}));
