import { create } from 'zustand';
import type { ConnectionState } from '../transport/web-socket-bridge';

export const useConnectionStore = create<{ state: ConnectionState; set: (state: ConnectionState) => void }>(
  (set) => ({ state: 'connecting', set: (state) => set({ state }) }),
);
