import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DismissCircleRegular, ArrowUndoRegular, CircleRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { RotationResult, RotationStep } from '../../../../shared/domain/secrets';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  steps: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  step: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const stepTitles: Record<RotationStep['key'], string> = {
  create: '1. Create the new secret',
  deliver: '2. Hand it to the platform',
  verify: '3. Verify it works',
  removeOld: '4. Remove the old secret',
};

const statusIcons: Record<RotationStep['status'], ReactElement> = {
  done: <CheckmarkCircleRegular aria-hidden />,
  failed: <DismissCircleRegular aria-hidden />,
  undone: <ArrowUndoRegular aria-hidden />,
  pending: <CircleRegular aria-hidden />,
  skipped: <SubtractCircleRegular aria-hidden />,
};

const statusWords: Record<RotationStep['status'], string> = { done: 'done', failed: 'failed', undone: 'undone', pending: 'to do', skipped: 'skipped' };

/** What a rotation did, step by step, and (when it waits for the admin) how to finish or cancel it. */
export function RotationPanel(props: { result: RotationResult; busy: boolean; copied: boolean; onCopy(): void; onFinish(): void; onCancel(): void }) {
  const styles = useStyles();
  const r = props.result;
  const intent = r.outcome === 'rotated' ? 'success' : r.outcome === 'rolledBack' ? 'error' : 'warning';
  const title = r.outcome === 'rotated' ? 'Secret rotated' : r.outcome === 'rolledBack' ? 'Rotation undone: the old secret keeps working' : 'Hand the new secret to the platform';
  return (
    <section className={styles.panel} aria-label="Rotation" data-testid="rotation" data-outcome={r.outcome}>
      <MessageBar intent={intent} role={r.outcome === 'rolledBack' ? 'alert' : 'status'}>
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          <span data-testid="rotation-message">{r.message}</span>
          {r.error?.fix ? <div>{r.error.fix}</div> : null}
        </MessageBarBody>
      </MessageBar>
      <ol className={styles.steps}>
        {r.steps.map((s) => (
          <li key={s.key} className={styles.step} data-testid="rotation-step" data-step={s.key} data-status={s.status}>
            {statusIcons[s.status]}
            <Text weight="semibold">{stepTitles[s.key]}</Text>
            <Text>
              ({statusWords[s.status]}) {s.detail}
            </Text>
          </li>
        ))}
      </ol>
      {r.envFilePath ? <Text data-testid="rotation-env-path">The .env file is at {r.envFilePath}</Text> : null}
      {r.outcome === 'awaitingHandover' ? (
        <div className={styles.bar}>
          <Button disabled={props.busy} onClick={props.onCopy}>
            {props.copied ? 'Copied (cleared in 30 seconds)' : 'Copy the new secret'}
          </Button>
          <Button appearance="primary" disabled={props.busy} onClick={props.onFinish}>
            Finish rotation
          </Button>
          <Button disabled={props.busy} onClick={props.onCancel}>
            Cancel rotation
          </Button>
        </div>
      ) : null}
    </section>
  );
}
