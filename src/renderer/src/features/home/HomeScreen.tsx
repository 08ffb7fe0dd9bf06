import { makeStyles, tokens } from '@fluentui/react-components';
import { useNavigation } from '../../app/navigation-store';
import { ActivityPage } from '../activity/ActivityPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { prefetchDashboardFirstBlock } from '../dashboard/dashboard-first-block';
import { DriftPage } from '../drift/DriftPage';
import { SecretsScreen } from '../secrets/SecretsScreen';
import { WorkspacesScreen } from '../workspaces/WorkspacesScreen';
import { HomeNav } from './HomeNav';
import type { HomePageKey } from './home-pages';

const useStyles = makeStyles({
  console: { display: 'flex', alignItems: 'stretch', minHeight: 'calc(100vh - 56px)' },
  content: { flex: 1, minWidth: 0, padding: tokens.spacingHorizontalXXL, maxWidth: '1200px' },
});

/** The console before a workspace is opened: pages that look across every workspace. */
export function HomeScreen({ page }: { page: HomePageKey }) {
  const styles = useStyles();
  const go = useNavigation((s) => s.go);
  return (
    <div className={styles.console}>
      <HomeNav
        page={page}
        onSelect={(next) => {
          if (next === 'dashboard' && page !== 'dashboard') prefetchDashboardFirstBlock();
          go({ name: 'home', page: next });
        }}
      />
      <main className={styles.content}>
        {page === 'workspaces' ? <WorkspacesScreen /> : null}
        {page === 'dashboard' ? <DashboardPage /> : null}
        {page === 'activity' ? <ActivityPage /> : null}
        {page === 'drift' ? <DriftPage /> : null}
        {page === 'secrets' ? <SecretsScreen /> : null}
      </main>
    </div>
  );
}
