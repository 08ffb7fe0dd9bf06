import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { AsOf } from '../../components/AsOf';
import { cachedOf, useCacheStore } from './cache-store';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  grid: { display: 'grid', gridTemplateColumns: 'max-content max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, alignItems: 'center' },
});

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const roleNames: Record<string, string> = { main: 'Platform app', partnerCenter: 'Partner Center app' };

/**
 * What this computer holds about the workspace's app registrations and secrets (metadata only: the
 * value stays in the vault), each with when it was last written or read from Entra. Shown with or
 * without a sign-in and with or without the network.
 */
export function CachedStateCard({ workspaceId }: { workspaceId: string }) {
  const styles = useStyles();
  const { workspaces, load } = useCacheStore();
  const cached = cachedOf(workspaces, workspaceId);
  useEffect(() => {
    void load();
  }, [load, workspaceId]);
  if (!cached || (cached.apps.length === 0 && cached.secrets.length === 0)) return null;
  return (
    <Card className={styles.card} aria-label="Cached app registrations and secrets" data-testid="cached-state">
      <Text weight="semibold">App registration and secrets on this computer</Text>
      <div className={styles.grid}>
        {cached.apps.map((a) => (
          <div key={`app-${a.role}`} style={{ display: 'contents' }} data-testid="cached-app">
            <Text>{roleNames[a.role] ?? a.role}</Text>
            <Text>{a.appId ? `Application (client) ID ${a.appId}` : 'Not created yet'}</Text>
            <AsOf at={a.asOf} />
          </div>
        ))}
        {cached.secrets.map((s) => (
          <div key={`secret-${s.keyId}`} style={{ display: 'contents' }} data-testid="cached-secret">
            <Text>Secret {s.hint}…</Text>
            <Text>expires {dateFormat.format(new Date(s.endDateTime))}</Text>
            <AsOf at={s.asOf} />
          </div>
        ))}
      </div>
    </Card>
  );
}
