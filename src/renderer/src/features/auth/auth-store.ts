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
  /** Web host: Microsoft's page was opened in the tab the admin's click opened (no second click). */
  openedInTab: boolean;
  deviceCode: DeviceCodePromptDto | undefined;
  load(): Promise<void>;
  signIn(method: SignInMethod, workspaceId: string, forStep?: { steps: StepId[]; homeAccountId: string; mfa?: boolean }): Promise<Result<AccountSummaryDto>>;
  cancel(): Promise<void>;
  signOut(homeAccountId: string): Promise<Result<Record<string, never>>>;
  subscribe(): () => void;
}

/**
 * The tab opened by the admin's click on a browser sign-in, until Microsoft's URL arrives. Browsers
 * only let a page open a tab during the click itself, and the URL comes later (MSAL builds it once
 * its loopback listener is up), so the tab is opened empty at once and sent to Microsoft then, as
 * MSAL.js does for its pop-up sign-in. In Electron the window is refused (harden-web-contents.ts)
 * and the shell opens the system browser instead, so this stays null there.
 */
let waitingTab: Window | null = null;

function openWaitingTab(): Window | null {
  const tab = window.open('about:blank', '_blank');
  // Microsoft's page must not reach back into ours (reverse tabnabbing).
  if (tab) tab.opener = null;
  return tab;
}

export const useAuthStore = create<AuthStore>((set, get) => ({
  state: undefined,
  loadError: undefined,
  openUrl: undefined,
  openedInTab: false,
  deviceCode: undefined,

  async load() {
    const result = await getApi().call('auth.state', {});
    if (result.ok) set({ state: result.value, loadError: undefined });
    else set({ loadError: result.error });
  },

  async signIn(method, workspaceId, forStep) {
    // Before any await: still inside the admin's click.
    waitingTab = method === 'browser' ? openWaitingTab() : null;
    set({ openUrl: undefined, openedInTab: false, deviceCode: undefined });
    const result = await getApi().call('auth.signIn', { method, workspaceId, ...(forStep ?? {}) });
    // A sign-in that failed before Microsoft's page was ready leaves an empty tab: close it.
    if (waitingTab && !get().openUrl) waitingTab.close();
    waitingTab = null;
    set({ openUrl: undefined, openedInTab: false, deviceCode: undefined });
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
      api.on('auth.openUrl', ({ url }) => {
        const tab = waitingTab;
        if (tab && !tab.closed) tab.location.replace(url);
        set({ openUrl: url, openedInTab: !!tab && !tab.closed });
      }),
      api.on('auth.deviceCode', (prompt) => set({ deviceCode: prompt })),
    ];
    return () => offs.forEach((off) => off());
  },
}));
