import { Badge, Card, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { ConsentRunProgress, TenantStatusKind } from '../../../../shared/domain/client-tenants';
import type { Workspace } from '../../../../shared/domain/workspace';
import { tenantsInProgress } from '../../../../shared/domain/tenants-in-progress';
import { ErrorBar } from '../../components/ErrorBar';
import { RunLine } from '../client-tenants/RunControls';
import { statusColors, statusLabels } from '../client-tenants/tenant-status-text';
import { formatDuration, useConsentRun } from './use-consent-run';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
});

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

function Counts({ run }: { run: ConsentRunProgress }) {
  const styles = useStyles();
  return (
    <div className={styles.counts} aria-label="Outcomes per status">
      {(Object.keys(statusLabels) as TenantStatusKind[])
        .filter((k) => (run.counts[k] ?? 0) > 0)
        .map((k) => (
          <Badge key={k} appearance="tint" color={statusColors[k]} data-testid={`run-count-${k}`}>
            {statusLabels[k]}: {run.counts[k]}
          </Badge>
        ))}
    </div>
  );
}

/** Consent runs of the workspace: the latest one live (counts per status, rate, time left), then the past ones. */
export function RunsPage({ workspace }: { workspace: Workspace }) {
  const styles = useStyles();
  const { run, history, error } = useConsentRun(workspace.id, { history: true });
  return (
    <>
      {error ? <ErrorBar error={error} /> : null}
      {run === undefined ? <Spinner label="Loading runs…" /> : null}
      {run === null ? <Text data-testid="no-runs">No consent run yet. Start one from the Client tenants page.</Text> : null}
      {run ? (
        <Card className={styles.card} role="region" aria-label="Latest run" data-testid="latest-run">
          <Title3 as="h3">{run.mode === 'verify' ? 'Verification run' : 'Consent run'} started {when(run.startedAt)}</Title3>
          <RunLine run={run} />
          <Counts run={run} />
          <Text>
            {run.concurrency === 1 ? 'One tenant at a time.' : `Up to ${run.concurrency} requests to Microsoft at a time, over ${tenantsInProgress(run.concurrency)} tenants in progress.`}
            {run.finishedAt ? ` Took ${formatDuration((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000)}.` : ''}
          </Text>
        </Card>
      ) : null}
      {history && history.length > 0 ? (
        <table className={styles.table} aria-label="Past runs" data-testid="past-runs">
          <thead>
            <tr>
              {['Started', 'Kind', 'Outcome', 'Tenants', 'Consented', 'Needing attention', 'Finished'].map((h) => (
                <th key={h} scope="col" className={styles.cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {history.map((r) => (
              <tr key={r.runId} data-testid="past-run">
                <td className={styles.cell}>{when(r.startedAt)}</td>
                <td className={styles.cell}>{r.mode === 'verify' ? 'Verify' : 'Consent'}</td>
                <td className={styles.cell}>{r.state}</td>
                <td className={styles.cell}>
                  {r.done} of {r.total}
                </td>
                <td className={styles.cell}>{r.counts.consented ?? 0}</td>
                <td className={styles.cell}>{(r.counts.accessNeeded ?? 0) + (r.counts.failed ?? 0) + (r.counts.partiallyConsented ?? 0)}</td>
                <td className={styles.cell}>{when(r.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
