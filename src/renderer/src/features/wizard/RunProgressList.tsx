import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, DismissCircleFilled } from '@fluentui/react-icons';
import type { RunProgress, RunView } from '../../../../shared/domain/onboarding';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
});

function seconds(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Each step of the run with its state; a replication wait is shown as such, with the time so far. */
export function RunProgressList({ run, live }: { run: RunView; live: Record<number, RunProgress> }) {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label="Progress">
      {run.steps.map((step) => {
        const progress = live[step.seq];
        const status = progress?.status ?? step.status;
        return (
          <li key={step.seq} className={styles.item} data-testid="run-step" data-status={status}>
            {status === 'done' ? (
              <CheckmarkCircleFilled color={tokens.colorPaletteGreenForeground1} aria-label="Done" />
            ) : status === 'failed' ? (
              <DismissCircleFilled color={tokens.colorPaletteRedForeground1} aria-label="Failed" />
            ) : status === 'running' ? (
              <Spinner size="extra-tiny" aria-label="Running" />
            ) : (
              <CircleRegular aria-label="Not started" />
            )}
            <div>
              <Text>{step.title}</Text>
              {status === 'running' && progress?.message ? (
                <Text block size={200}>
                  {progress.message}
                  {progress.waitingMs !== undefined ? ` (${seconds(progress.waitingMs)})` : ''}
                </Text>
              ) : null}
              {status === 'failed' ? (
                <Text block size={200}>
                  {progress?.message ?? step.error?.message} {progress?.fix ?? step.error?.fix}
                </Text>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
