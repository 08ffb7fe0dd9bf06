/**
 * The console's top-level pages (across all workspaces), in navigation order. A weekly-review feature adds
 * its key here, an icon in HomeNav and a case in HomePage; the navigation and keyboard use come with it.
 */
export const homePages = [
  { key: 'workspaces', label: 'Workspaces', description: 'Every partner tenant connected to a platform' },
  { key: 'secrets', label: 'Secrets', description: 'Every client secret across workspaces: expiry, reminders and rotation' },
] as const;

export type HomePageKey = (typeof homePages)[number]['key'];

export const defaultHomePage: HomePageKey = 'workspaces';

export function isHomePageKey(value: string): value is HomePageKey {
  return homePages.some((p) => p.key === value);
}
