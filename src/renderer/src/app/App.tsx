import { FluentProvider, MessageBar, MessageBarBody, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { WorkspaceScreen } from '../features/workspace/WorkspaceScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { ConnectivityBar } from '../features/offline/ConnectivityBar';
import { defaultHomePage } from '../features/home/home-pages';
import { useConnectionStore } from './connection-store';
import { useNavigation } from './navigation-store';

const useStyles = makeStyles({
  shell: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  // A workspace is an admin centre: its navigation runs down the left edge, its page fills the rest.
  console: { padding: 0 },
});

export function App() {
  const styles = useStyles();
  const connection = useConnectionStore((s) => s.state);
  const view = useNavigation((s) => s.view);
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.shell}>
        <header className={styles.bar}>
          <Text weight="semibold" size={500}>
            Entra Onboard
          </Text>
          <Text size={300}>Connect Microsoft 365 tenants to your platforms</Text>
        </header>
        <ConnectivityBar />
        {connection === 'closed' ? (
          <MessageBar intent="warning" role="status">
            <MessageBarBody>
              Lost the connection to the Entra Onboard host. Reconnecting… Nothing you entered was lost.
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {view.name === 'workspace' ? (
          <main className={styles.console}>
            <WorkspaceScreen id={view.id} page={view.page} />
          </main>
        ) : (
          <HomeScreen page={view.page ?? defaultHomePage} />
        )}
      </div>
    </FluentProvider>
  );
}
