import { Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { AccountSummaryDto } from '../../../../shared/domain/auth';
import type { Workspace } from '../../../../shared/domain/workspace';
import { SignInCard } from '../auth/SignInCard';
import { ClientTenantsPage } from '../client-tenants/ClientTenantsPage';
import { CachedStateCard } from '../offline/CachedStateCard';
import { PreflightPanel } from '../preflight/PreflightPanel';
import { RunsPage } from '../runs/RunsPage';
import { WizardPanel } from '../wizard/WizardPanel';
import { workspacePages, type WorkspacePageKey } from './workspace-pages';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // The `hidden` attribute alone loses to the class's display: flex.
  hidden: { display: 'none' },
});

/** One page of a workspace, under its own heading; hidden (not unmounted) while another page shows. */
export function WorkspacePage(props: {
  page: WorkspacePageKey;
  hidden: boolean;
  workspace: Workspace;
  selected: AccountSummaryDto | undefined;
  onSelectAccount(account: AccountSummaryDto | undefined): void;
}) {
  const styles = useStyles();
  const { page, workspace, selected } = props;
  const label = workspacePages.find((p) => p.key === page)?.label ?? page;
  const headingId = `page-${page}-title`;
  return (
    <section className={props.hidden ? styles.hidden : styles.page} hidden={props.hidden} aria-labelledby={headingId} data-page={page}>
      <Title3 as="h2" id={headingId}>
        {label}
      </Title3>
      {page === 'setup' ? (
        <>
          <SignInCard workspaceId={workspace.id} selected={selected} onSelect={props.onSelectAccount} />
          <CachedStateCard workspaceId={workspace.id} />
          {selected ? <PreflightPanel workspaceId={workspace.id} homeAccountId={selected.homeAccountId} /> : null}
          {selected ? <WizardPanel workspaceId={workspace.id} homeAccountId={selected.homeAccountId} /> : null}
        </>
      ) : null}
      {page === 'tenants' ? <ClientTenantsPage workspace={workspace} homeAccountId={selected?.homeAccountId} active={!props.hidden} /> : null}
      {page === 'runs' ? <RunsPage workspace={workspace} /> : null}
    </section>
  );
}
