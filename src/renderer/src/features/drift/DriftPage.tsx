import { Badge, Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Text, Title2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, WrenchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { DriftItem, DriftState, WorkspaceDrift } from '../../../../shared/domain/drift';
import { ErrorBar } from '../../components/ErrorBar';
import { kindLabels, stateColors, stateLabels } from './drift-text';
import { useDrift } from './use-drift';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  workspace: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderTop: `1px solid ${tokens.colorNeutralStroke3}`, overflowWrap: 'anywhere' },
  fix: { color: tokens.colorNeutralForeground2 },
});

const when = (iso: string) => new Date(iso).toLocaleString();

function StateBadge({ state }: { state: DriftState }) {
  return (
    <Badge appearance="tint" color={stateColors[state]}>
      {stateLabels[state]}
    </Badge>
  );
}

function ItemRow(props: { workspaceId: string; item: DriftItem; busy: boolean; anyBusy: boolean; error: { message: string; fix?: string } | undefined; onRepair(): void }) {
  const styles = useStyles();
  const { item } = props;
  return (
    <tr data-testid="drift-item" data-key={item.key} data-state={item.state}>
      <th scope="row" className={styles.cell}>
        <Text weight="semibold">{item.title}</Text>
        <div className={styles.fix}>{kindLabels[item.kind]}</div>
      </th>
      <td className={styles.cell}>
        <StateBadge state={item.state} />
      </td>
      <td className={styles.cell}>{item.expected || '—'}</td>
      <td className={styles.cell}>
        {item.state === 'notChecked' && item.problem ? (
          <>
            <div>{item.problem.message}</div>
            {item.problem.fix ? <div className={styles.fix}>{item.problem.fix}</div> : null}
          </>
        ) : (
          <>
            <div>{item.actual}</div>
            {item.state === 'drifted' && item.problem?.fix ? <div className={styles.fix}>{item.problem.fix}</div> : null}
          </>
        )}
        {props.error ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>Repair failed: {props.error.message}</MessageBarTitle>
              {props.error.fix ? <span> {props.error.fix}</span> : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </td>
      <td className={styles.cell}>
        {item.state === 'drifted' && item.repair ? (
          <Button
            icon={<WrenchRegular />}
            disabled={props.anyBusy}
            onClick={props.onRepair}
            title={item.repair}
            aria-label={`Repair: ${item.title}. ${item.repair}`}
            data-testid="drift-repair"
          >
            {props.busy ? 'Repairing…' : 'Repair'}
          </Button>
        ) : null}
      </td>
    </tr>
  );
}

function WorkspaceSection(props: {
  result: WorkspaceDrift;
  showInSync: boolean;
  repairing: string | undefined;
  repairErrors: Record<string, { message: string; fix?: string }>;
  onRepair(item: DriftItem): void;
}) {
  const styles = useStyles();
  const { result } = props;
  const shown = result.items.filter((i) => props.showInSync || i.state !== 'inSync');
  const inSync = result.items.filter((i) => i.state === 'inSync').length;
  return (
    <section className={styles.workspace} aria-labelledby={`drift-ws-${result.workspaceId}`} data-testid="drift-workspace" data-state={result.state}>
      <div className={styles.heading}>
        <Title3 as="h3" id={`drift-ws-${result.workspaceId}`}>
          {result.workspaceName}
        </Title3>
        <StateBadge state={result.state} />
        <Text size={200}>
          Checked {when(result.checkedAt)}; {inSync} of {result.items.length} item{result.items.length === 1 ? '' : 's'} in sync
        </Text>
      </div>
      {result.problem ? (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            <MessageBarTitle>{result.problem.message}</MessageBarTitle>
            {result.problem.fix ? <span> {result.problem.fix}</span> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {shown.length > 0 ? (
        <table className={styles.table} aria-label={`Drift items of ${result.workspaceName}`}>
          <thead>
            <tr>
              {['What', 'State', 'Expected', 'Actual', 'Action'].map((h) => (
                <th key={h} scope="col" className={styles.cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => {
              const id = `${result.workspaceId}|${item.key}`;
              return (
                <ItemRow
                  key={item.key}
                  workspaceId={result.workspaceId}
                  item={item}
                  busy={props.repairing === id}
                  anyBusy={props.repairing !== undefined}
                  error={props.repairErrors[id]}
                  onRepair={() => props.onRepair(item)}
                />
              );
            })}
          </tbody>
        </table>
      ) : result.items.length > 0 ? (
        <Text>Everything matches what setup left.</Text>
      ) : null}
    </section>
  );
}

/**
 * Drift for every workspace at once (issue 11 §4): the live tenant, the platform and each consented
 * client tenant against what setup left, with a repair per drifted item.
 */
export function DriftPage() {
  const styles = useStyles();
  const { report, progress, checking, error, checkAll, repair, repairing, repairErrors } = useDrift();
  const [showInSync, setShowInSync] = useState(false);
  const workspaces = report?.workspaces ?? [];
  const count = (s: DriftState) => workspaces.filter((w) => w.state === s).length;
  return (
    <div className={styles.page}>
      <Title2 as="h2">Drift</Title2>
      <Text>
        Compares every workspace’s tenant, platform and consented client tenants with what its setup left: redirect URIs, permissions, admin consent,
        the client secret, the enterprise application, assignment, the platform’s configuration and each client’s consent.
      </Text>
      <div className={styles.bar}>
        <Button appearance="primary" icon={<ArrowSyncRegular />} disabled={checking || repairing !== undefined} onClick={() => void checkAll()} data-testid="drift-check-all">
          {checking ? 'Checking…' : 'Check all'}
        </Button>
        <Checkbox label="Show items in sync" checked={showInSync} onChange={(_, d) => setShowInSync(d.checked === true)} />
      </div>
      {checking ? (
        <div role="status" aria-live="polite" data-testid="drift-progress">
          <ProgressBar value={progress && progress.total > 0 ? progress.done / progress.total : undefined} aria-label="Drift check progress" />
          <Text>{progress ? `Checked ${progress.done} of ${progress.total} workspace${progress.total === 1 ? '' : 's'}…` : 'Starting…'}</Text>
        </div>
      ) : null}
      {error ? <ErrorBar error={error} /> : null}
      {report === null && !checking ? <Text data-testid="drift-none">No check yet in this session. Check all reads every set-up workspace; it changes nothing.</Text> : null}
      {report && report.finishedAt ? (
        <Text role="status" data-testid="drift-summary">
          {count('drifted')} drifted, {count('inSync')} in sync, {count('notChecked')} could not be checked, as of {when(report.finishedAt)}.
        </Text>
      ) : null}
      {workspaces.map((w) => (
        <WorkspaceSection
          key={w.workspaceId}
          result={w}
          showInSync={showInSync}
          repairing={repairing}
          repairErrors={repairErrors}
          onRepair={(item) => void repair(w.workspaceId, item)}
        />
      ))}
      {report && report.skipped.length > 0 ? (
        <section aria-labelledby="drift-skipped">
          <Title3 as="h3" id="drift-skipped">
            Not checked
          </Title3>
          <ul>
            {report.skipped.map((s) => (
              <li key={s.workspaceId} data-testid="drift-skipped">
                {s.workspaceName}: {s.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
