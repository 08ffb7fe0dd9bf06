import { create } from 'zustand';

export type View = { name: 'home' } | { name: 'workspace'; id: string };

/** Which screen is showing. Two screens do not need a router. */
export const useNavigation = create<{ view: View; go(view: View): void }>((set) => ({
  view: { name: 'home' },
  go: (view) => set({ view }),
}));
