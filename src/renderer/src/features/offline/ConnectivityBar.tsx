import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { useConnectivityStore, useNetworkGate } from '../../app/connectivity-store';
import { ErrorBar } from '../../components/ErrorBar';
import { NetworkReason } from '../../components/NetworkReason';
import { useCacheStore } from './cache-store';

const useStyles = makeStyles({
  strip: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Under the title bar on every page: whether Microsoft answers, and the one click that re-reads what
 * the app caches once it does ("Refresh"), followed by what changed since the cached snapshot.
 */
export function ConnectivityBar() {
  const styles = useStyles();
  const { state, wasOffline, load, check, subscribe } = useConnectivityStore();
  const { refreshing, result, error, refresh, load: loadCache } = useCacheStore();
  const gate = useNetworkGate('Refresh');

  useEffect(() => {
    void load();
    return subscribe();
  }, [load, subscribe]);

  return (
    <div role="region" aria-label="Connection to Microsoft">
      {state.status === 'offline' ? (
        <MessageBar intent="warning" data-testid="offline-banner">
          <MessageBarBody>
            <MessageBarTitle>Working offline</MessageBarTitle>
            {state.failure?.message ?? 'Microsoft cannot be reached.'} Everything shown comes from this computer’s cache, each with the
            time it was last read; actions that need Microsoft are disabled until it answers again.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void check()}>Check again</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <div className={styles.strip}>
        <Text size={200} data-testid="connectivity-status" data-status={state.status}>
          {state.status === 'online'
            ? wasOffline
              ? 'Microsoft is reachable again: refresh to see what changed while you were offline.'
              : 'Connected to Microsoft.'
            : state.status === 'offline'
              ? 'Offline: showing cached data.'
              : 'Checking the connection to Microsoft…'}
        </Text>
        <Button
          icon={<ArrowClockwiseRegular />}
          appearance={wasOffline && state.status === 'online' ? 'primary' : 'secondary'}
          disabled={gate.offline || refreshing}
          aria-describedby={gate.reason ? 'refresh-reason' : undefined}
          title={gate.reason}
          onClick={() => void refresh().then(() => loadCache())}
        >
          Refresh
        </Button>
        {refreshing ? <Spinner size="tiny" label="Re-reading your workspaces and client tenants from Microsoft…" /> : null}
        <NetworkReason id="refresh-reason" reason={gate.reason} />
      </div>
      {error ? <ErrorBar error={error} /> : null}
      {result && !refreshing ? (
        <MessageBar intent={result.skipped.length > 0 ? 'warning' : 'success'} data-testid="refresh-result">
          <MessageBarBody>
            <MessageBarTitle>
              Refreshed at {new Date(result.at).toLocaleTimeString()}
              {result.changes.length === 0 ? ': nothing changed since the cached data.' : ': what changed since the cached data'}
            </MessageBarTitle>
            {result.changes.length > 0 ? (
              <ul className={styles.list} data-testid="refresh-changes">
                {result.changes.map((c) => (
                  <li key={c}>{c}.</li>
                ))}
              </ul>
            ) : null}
            {result.skipped.map((s) => (
              <div key={s.workspaceId} data-testid="refresh-skipped">
                {s.workspaceName}: {s.reason.message} {s.reason.fix ?? ''}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
