import { CounterBadge, NavDrawer, NavDrawerBody, NavItem, NavSectionHeader, makeStyles, tokens } from '@fluentui/react-components';
import { AppsListRegular, BranchCompareRegular, DataBarHorizontalRegular, HistoryRegular, KeyMultipleRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useUrgentSecretCount } from '../secrets/use-urgent-secrets';
import { homePages, isHomePageKey, type HomePageKey } from './home-pages';

const icons: Record<HomePageKey, ReactElement> = {
  workspaces: <AppsListRegular />,
  activity: <HistoryRegular />,
  dashboard: <DataBarHorizontalRegular />,
  drift: <BranchCompareRegular />,
  secrets: <KeyMultipleRegular />,
};

const useStyles = makeStyles({
  drawer: { minHeight: '100%', borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** The console's navigation across workspaces; same keyboard model as a workspace's (one Tab stop, arrows). */
export function HomeNav(props: { page: HomePageKey; onSelect(page: HomePageKey): void }) {
  const styles = useStyles();
  const urgentSecrets = useUrgentSecretCount();
  return (
    <NavDrawer
      open
      type="inline"
      className={styles.drawer}
      aria-label="Console pages"
      selectedValue={props.page}
      onNavItemSelect={(_, data) => {
        if (isHomePageKey(data.value)) props.onSelect(data.value);
      }}
    >
      <NavDrawerBody>
        <NavSectionHeader>All workspaces</NavSectionHeader>
        {homePages.map((p) => (
          <NavItem key={p.key} value={p.key} icon={icons[p.key]} title={p.description}>
            {p.label}
            {p.key === 'secrets' && urgentSecrets > 0 ? (
              <CounterBadge count={urgentSecrets} color="danger" size="small" aria-label={`${urgentSecrets} need rotating`} data-testid="secrets-badge" />
            ) : null}
          </NavItem>
        ))}
      </NavDrawerBody>
    </NavDrawer>
  );
}
