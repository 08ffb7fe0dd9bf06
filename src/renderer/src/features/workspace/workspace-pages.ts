/**
 * The pages of a workspace, in navigation order. The next features (status dashboard, secrets, activity
 * log) add a key here and a case in WorkspacePage; the navigation and the keep-alive come with it.
 */
export const workspacePages = [
  { key: 'setup', label: 'Setup', description: 'Sign in, preflight, the guided setup and delivery to the platform' },
  { key: 'tenants', label: 'Client tenants', description: 'Find client tenants, consent the app in each, enable SSO' },
  { key: 'runs', label: 'Runs', description: 'Consent runs: live progress and history' },
] as const;

export type WorkspacePageKey = (typeof workspacePages)[number]['key'];

export const defaultWorkspacePage: WorkspacePageKey = 'setup';

export function isWorkspacePageKey(value: string): value is WorkspacePageKey {
  return workspacePages.some((p) => p.key === value);
}
