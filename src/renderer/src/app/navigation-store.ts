import { create } from 'zustand';
import type { HomePageKey } from '../features/home/home-pages';
import type { WorkspacePageKey } from '../features/workspace/workspace-pages';

export type View = { name: 'home'; page?: HomePageKey } | { name: 'workspace'; id: string; page?: WorkspacePageKey };

/** Which screen (and, in a workspace, which page) is showing. A handful of views do not need a router. */
export const useNavigation = create<{ view: View; go(view: View): void }>((set) => ({
  view: { name: 'home' },
  go: (view) => set({ view }),
}));
