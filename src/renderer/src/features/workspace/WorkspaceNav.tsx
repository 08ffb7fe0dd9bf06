import { NavDrawer, NavDrawerBody, NavItem, NavSectionHeader, makeStyles, tokens } from '@fluentui/react-components';
import { BuildingMultipleRegular, HistoryRegular, WrenchRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { isWorkspacePageKey, workspacePages, type WorkspacePageKey } from './workspace-pages';

const icons: Record<WorkspacePageKey, ReactElement> = {
  setup: <WrenchRegular />,
  tenants: <BuildingMultipleRegular />,
  runs: <HistoryRegular />,
};

const useStyles = makeStyles({
  drawer: { minHeight: '100%', borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
});

/**
 * The workspace's navigation (Fluent's NavDrawer, inline and always open): one Tab stop, arrow keys
 * move between pages, Enter or Space opens one. The selected page carries aria-current="page".
 */
export function WorkspaceNav(props: { workspaceName: string; page: WorkspacePageKey; onSelect(page: WorkspacePageKey): void }) {
  const styles = useStyles();
  return (
    <NavDrawer
      open
      type="inline"
      className={styles.drawer}
      aria-label={`${props.workspaceName}: pages`}
      selectedValue={props.page}
      onNavItemSelect={(_, data) => {
        if (isWorkspacePageKey(data.value)) props.onSelect(data.value);
      }}
    >
      <NavDrawerBody>
        <NavSectionHeader>Workspace</NavSectionHeader>
        {workspacePages.map((p) => (
          <NavItem key={p.key} value={p.key} icon={icons[p.key]} title={p.description}>
            {p.label}
          </NavItem>
        ))}
      </NavDrawerBody>
    </NavDrawer>
  );
}
