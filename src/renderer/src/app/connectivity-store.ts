import { create } from 'zustand';
import type { ConnectivityState } from '../../../shared/domain/connectivity';
import { getApi } from './api';

interface ConnectivityStore {
  state: ConnectivityState;
  /** Went offline at some point since the app started: the view offers a refresh when it is back. */
  wasOffline: boolean;
  load(): Promise<void>;
  check(): Promise<void>;
  /** Follows 'connectivity.changed'; returns the unsubscribe. */
  subscribe(): () => void;
}

const initial: ConnectivityState = { status: 'unknown', since: null, checkedAt: null, failure: null };

/** Whether Microsoft answers, as the main process last saw it (real requests and its probe). */
export const useConnectivityStore = create<ConnectivityStore>((set, get) => ({
  state: initial,
  wasOffline: false,
  async load() {
    const r = await getApi().call('connectivity.state', {});
    if (r.ok) set({ state: r.value, wasOffline: get().wasOffline || r.value.status === 'offline' });
  },
  async check() {
    const r = await getApi().call('connectivity.check', {});
    if (r.ok) set({ state: r.value, wasOffline: get().wasOffline || r.value.status === 'offline' });
  },
  subscribe() {
    return getApi().on('connectivity.changed', (state) => set({ state, wasOffline: get().wasOffline || state.status === 'offline' }));
  },
}));

/**
 * For an action that needs Microsoft (sign in, preflight, setup, consent runs, delivery, refresh):
 * whether it is disabled now, and the sentence that says why. Nothing is queued for later.
 */
export function useNetworkGate(action: string): { offline: boolean; reason: string | undefined } {
  const state = useConnectivityStore((s) => s.state);
  if (state.status !== 'offline') return { offline: false, reason: undefined };
  const cause = state.failure ? `${state.failure.message} ` : 'Microsoft cannot be reached. ';
  return { offline: true, reason: `${action} needs Microsoft, and it can’t be reached: ${cause}${state.failure?.fix ?? 'Check the network or VPN.'}` };
}
