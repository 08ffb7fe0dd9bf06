import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, LockClosedFilled, SubtractCircleFilled } from '@fluentui/react-icons';
import { useState, type ReactElement } from 'react';
import type { ReachCheck } from '../../../../shared/domain/preflight';
import type { StepId } from '../../../../shared/domain/steps';
import type { AppErrorShape } from '../../../../shared/result';
import { useNetworkGate } from '../../app/connectivity-store';
import { ErrorBar } from '../../components/ErrorBar';
import { useAuthStore } from '../auth/auth-store';

const useStyles = makeStyles({
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const icons: Record<ReachCheck['status'], ReactElement> = {
  ok: <CheckmarkCircleFilled color={tokens.colorPaletteGreenForeground1} aria-label="Reachable" />,
  needsSignIn: <LockClosedFilled color={tokens.colorPaletteMarigoldForeground1} aria-label="Needs you to sign in" />,
  unavailable: <SubtractCircleFilled color={tokens.colorNeutralForeground3} aria-label="Not available" />,
  failed: <DismissCircleFilled color={tokens.colorPaletteRedForeground1} aria-label="Failed" />,
};

const actionLabel: Record<NonNullable<ReachCheck['reason']>, string> = {
  mfa: 'Sign in again with MFA',
  consent: 'Sign in to allow this',
  signIn: 'Sign in again',
};

/** One preflight check beyond sign-in, with the sign-in it needs when it needs one. */
export function ReachCheckItem(props: { check: ReachCheck; workspaceId: string; homeAccountId: string; onSignedIn(): void }) {
  const gate = useNetworkGate('Signing in');
  const styles = useStyles();
  const { check } = props;
  const signIn = useAuthStore((s) => s.signIn);
  const [error, setError] = useState<AppErrorShape | undefined>();

  const signInForStep = async () => {
    setError(undefined);
    // Partner Center refusing a token without MFA (900421) needs a sign-in that asks Microsoft for MFA itself.
    const mfa = check.step === 'partnerCenter' && check.reason === 'mfa';
    const result = await signIn('browser', props.workspaceId, { steps: [check.step as StepId], homeAccountId: props.homeAccountId, ...(mfa ? { mfa } : {}) });
    if (result.ok) props.onSignedIn();
    else setError(result.error);
  };

  return (
    <li className={styles.item} data-testid={`reach-${check.id}`} data-status={check.status}>
      {icons[check.status]}
      <div className={styles.body}>
        <Text weight="semibold">{check.label}</Text>
        <Text>{check.summary}</Text>
        {check.fix && check.status !== 'ok' ? <Text size={200}>{check.fix}</Text> : null}
        {check.items.length > 0 ? <Text size={200}>{check.items.join(' · ')}</Text> : null}
        {check.status === 'needsSignIn' ? (
          <div>
            <Button size="small" disabled={gate.offline} title={gate.reason} onClick={() => void signInForStep()}>
              {actionLabel[check.reason ?? 'signIn']}
            </Button>
          </div>
        ) : null}
        {error ? <ErrorBar error={error} /> : null}
      </div>
    </li>
  );
}
