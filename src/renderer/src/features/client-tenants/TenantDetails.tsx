import { Badge, Button, Card, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ClientTenant, HistoryEntry } from '../../../../shared/domain/client-tenants';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { ErrorBar } from '../../components/ErrorBar';
import { sourceLabels, statusColors, statusExplanation, statusLabels, strategyLabels } from './tenant-status-text';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

/** The selected tenant: where it was found, its GDAP relationships, why its status is what it is, and its history. */
export function TenantDetails(props: { workspaceId: string; tenant: ClientTenant; homeAccountId: string | undefined; onClose(): void }) {
  const styles = useStyles();
  const t = props.tenant;
  const [history, setHistory] = useState<HistoryEntry[] | undefined>();
  const [error, setError] = useState<AppErrorShape | undefined>();
  const { reason, fix } = statusExplanation(t.status);

  useEffect(() => {
    let current = true;
    void getApi()
      .call('tenants.history', { workspaceId: props.workspaceId, tenantId: t.tenantId })
      .then((r) => {
        if (!current) return;
        if (r.ok) setHistory(r.value.entries);
        else setError(r.error);
      });
    return () => {
      current = false;
    };
  }, [props.workspaceId, t.tenantId, t.status.asOf, t.status.kind]);

  return (
    <Card className={styles.card} role="region" aria-label={`Details of ${t.name ?? t.tenantId}`} data-testid="tenant-details">
      <Title3 as="h3">{t.name ?? t.domain ?? t.tenantId}</Title3>
      <Text className={styles.mono}>{t.tenantId}</Text>
      <Text>
        Status:{' '}
        <Badge appearance="tint" color={statusColors[t.status.kind]}>
          {statusLabels[t.status.kind]}
        </Badge>{' '}
        <span className={styles.muted}>read {when(t.status.asOf)}</span>
      </Text>
      {reason ? <Text data-testid="tenant-reason">{reason}</Text> : null}
      {fix ? <Text data-testid="tenant-fix">What to do: {fix}</Text> : null}
      <Text>
        Strategy: {strategyLabels[t.strategy.chosen]}
        {t.strategy.isDefault ? ' (the default)' : ''}. The default is {strategyLabels[t.strategy.default]} because {t.strategy.defaultReason}
      </Text>
      {t.platform ? <Text data-testid="tenant-platform-answer">Platform: {t.platform.message}</Text> : null}
      <Text weight="semibold">Found by</Text>
      <ul className={styles.list}>
        {t.sources.map((s) => (
          <li key={s.kind}>
            {sourceLabels[s.kind]}
            {s.detail ? `: ${s.detail}` : ''} (first seen {when(s.firstSeenAt)})
          </li>
        ))}
      </ul>
      {t.gdapRelationships.length > 0 ? (
        <>
          <Text weight="semibold">GDAP relationships</Text>
          <ul className={styles.list}>
            {t.gdapRelationships.map((g) => (
              <li key={g.id}>
                {g.displayName}: {g.status}, ends {when(g.endDateTime)}; roles {g.roles.map((r) => r.name).join(', ') || 'none'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {t.status.evidence.length > 0 ? (
        <>
          <Text weight="semibold">Evidence read from the tenant</Text>
          <ul className={styles.list}>
            {t.status.evidence.map((e, i) => (
              <li key={i}>
                {e.ok ? '✓' : '✗'} {e.detail}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Text weight="semibold">History</Text>
      {error ? <ErrorBar error={error} /> : null}
      {!history && !error ? <Spinner size="tiny" label="Loading history…" /> : null}
      {history && history.length === 0 ? <Text className={styles.muted}>Nothing has happened to this tenant yet.</Text> : null}
      {history && history.length > 0 ? (
        <ol className={styles.list} data-testid="tenant-history">
          {history.map((h, i) => (
            <li key={i}>
              {when(h.at)}: {statusLabels[h.status]}. {h.summary}
            </li>
          ))}
        </ol>
      ) : null}
      <div>
        <Button onClick={props.onClose}>Close details</Button>
      </div>
    </Card>
  );
}
