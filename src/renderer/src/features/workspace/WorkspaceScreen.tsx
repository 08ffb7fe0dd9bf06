import { Button, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { AccountSummaryDto } from '../../../../shared/domain/auth';
import { platformName } from '../../../../shared/domain/platforms';
import { useNavigation } from '../../app/navigation-store';
import { ErrorBar } from '../../components/ErrorBar';
import { SignInCard } from '../auth/SignInCard';
import { useAuthStore } from '../auth/auth-store';
import { PreflightPanel } from '../preflight/PreflightPanel';
import { WizardPanel } from '../wizard/WizardPanel';
import { useWorkspaceStore } from '../workspaces/workspace-store';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  sub: { color: tokens.colorNeutralForeground2 },
});

/** One workspace: sign in to its partner tenant, then see what the admin can set up. */
export function WorkspaceScreen({ id }: { id: string }) {
  const styles = useStyles();
  const go = useNavigation((s) => s.go);
  const workspace = useWorkspaceStore((s) => s.items.find((w) => w.id === id));
  const { state, loadError, load, subscribe } = useAuthStore();
  const [chosenId, setChosenId] = useState<string | undefined>();

  useEffect(() => {
    void load();
    return subscribe();
  }, [load, subscribe]);

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
    <section className={styles.column} aria-labelledby="workspace-title">
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
      {loadError ? <ErrorBar error={loadError} /> : null}
      {state ? (
        <SignInCard workspaceId={workspace.id} selected={selected} onSelect={(a) => setChosenId(a?.homeAccountId)} />
      ) : (
        <Spinner label="Loading sign-in state…" />
      )}
      {selected ? <PreflightPanel workspaceId={workspace.id} homeAccountId={selected.homeAccountId} /> : null}
      {selected ? <WizardPanel workspaceId={workspace.id} homeAccountId={selected.homeAccountId} /> : null}
    </section>
  );
}
