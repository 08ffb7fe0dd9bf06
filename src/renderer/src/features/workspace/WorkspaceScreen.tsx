import { Button, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { AccountSummaryDto } from '../../../../shared/domain/auth';
import { platformName } from '../../../../shared/domain/platforms';
import { useNavigation } from '../../app/navigation-store';
import { ErrorBar } from '../../components/ErrorBar';
import { SecretExpiryBar } from '../secrets/SecretExpiryBar';
import { useAuthStore } from '../auth/auth-store';
import { useWorkspaceStore } from '../workspaces/workspace-store';
import { WorkspaceNav } from './WorkspaceNav';
import { WorkspacePage } from './WorkspacePage';
import { defaultWorkspacePage, workspacePages, type WorkspacePageKey } from './workspace-pages';

const useStyles = makeStyles({
  console: { display: 'flex', alignItems: 'stretch', minHeight: 'calc(100vh - 56px)' },
  content: {
    flex: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXXL,
    maxWidth: '1200px',
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXXL },
  sub: { color: tokens.colorNeutralForeground2 },
});

/**
 * One workspace as an admin centre: a navigation with its pages on the left, the page on the right.
 * A page stays mounted once visited (hidden when another is shown), so switching to "Runs" and back
 * never loses answers typed into the setup or a run's live progress.
 */
export function WorkspaceScreen({ id, page = defaultWorkspacePage }: { id: string; page?: WorkspacePageKey | undefined }) {
  const styles = useStyles();
  const go = useNavigation((s) => s.go);
  const workspace = useWorkspaceStore((s) => s.items.find((w) => w.id === id));
  const { state, loadError, load, subscribe } = useAuthStore();
  const [chosenId, setChosenId] = useState<string | undefined>();
  const [visited, setVisited] = useState<ReadonlySet<WorkspacePageKey>>(() => new Set([page]));

  useEffect(() => {
    void load();
    return subscribe();
  }, [load, subscribe]);

  // Adjusting state while rendering (React's pattern for state derived from a prop): a page opened once stays mounted.
  if (!visited.has(page)) setVisited(new Set([...visited, page]));

  // The admin's choice while it is still signed in; otherwise an account in this workspace's
  // tenant, or the only account there is.
  const accounts = state?.accounts ?? [];
  const selected: AccountSummaryDto | undefined =
    accounts.find((a) => a.homeAccountId === chosenId) ??
    accounts.find((a) => workspace?.partnerTenant && a.tenantId === workspace.partnerTenant) ??
    (accounts.length === 1 ? accounts[0] : undefined);

  if (!workspace) {
    return (
      <div className={styles.column}>
        <Text>This workspace no longer exists.</Text>
        <Button onClick={() => go({ name: 'home' })}>Back to workspaces</Button>
      </div>
    );
  }

  return (
    <div className={styles.console}>
      <WorkspaceNav workspaceName={workspace.name} page={page} onSelect={(next) => go({ name: 'workspace', id, page: next })} />
      <section className={styles.content} aria-labelledby="workspace-title">
        <div>
          <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => go({ name: 'home' })}>
            Workspaces
          </Button>
          <Title2 as="h1" id="workspace-title" block>
            {workspace.name}
          </Title2>
          <Text className={styles.sub}>
            {platformName(workspace.platformId)}
            {state ? ` · ${state.cloud.name}` : ''}
          </Text>
        </div>
        <SecretExpiryBar workspaceId={workspace.id} />
        {loadError ? <ErrorBar error={loadError} /> : null}
        {!state ? <Spinner label="Loading sign-in state…" /> : null}
        {state
          ? workspacePages
              .filter((p) => visited.has(p.key))
              .map((p) => (
                <WorkspacePage
                  key={p.key}
                  page={p.key}
                  hidden={p.key !== page}
                  workspace={workspace}
                  selected={selected}
                  onSelectAccount={(a) => setChosenId(a?.homeAccountId)}
                />
              ))
          : null}
      </section>
    </div>
  );
}
