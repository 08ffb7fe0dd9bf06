/**
 * The console's top-level pages (across all workspaces), in navigation order. A weekly-review feature adds
 * its key here, an icon in HomeNav and a case in HomePage; the navigation and keyboard use come with it.
 */
export const homePages = [
  { key: 'workspaces', label: 'Workspaces', description: 'Every partner tenant connected to a platform' },
  { key: 'dashboard', label: 'Dashboard', description: 'Client tenant status across all workspaces, what needs attention, reports' },
  { key: 'secrets', label: 'Secrets', description: 'Every client secret across workspaces: expiry, reminders and rotation' },
  { key: 'drift', label: 'Drift', description: 'Check every workspace’s tenant and platform against its setup, and repair' },
  { key: 'activity', label: 'Activity', description: 'Every change made in Entra, Partner Center and your platforms, and who made it' },
] as const;

export type HomePageKey = (typeof homePages)[number]['key'];

export const defaultHomePage: HomePageKey = 'workspaces';

export function isHomePageKey(value: string): value is HomePageKey {
  return homePages.some((p) => p.key === value);
}
