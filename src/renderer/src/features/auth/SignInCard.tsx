import {
  Button,
  Card,
  CardHeader,
  Link,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AccountSummaryDto, SignInMethod } from '../../../../shared/domain/auth';
import type { AppErrorShape } from '../../../../shared/result';
import { useNetworkGate } from '../../app/connectivity-store';
import { ErrorBar } from '../../components/ErrorBar';
import { NetworkReason } from '../../components/NetworkReason';
import { SignInAppSetting } from './SignInAppSetting';
import { useAuthStore } from './auth-store';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeHero700, letterSpacing: '0.1em' },
  account: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Sign-in to the partner tenant: system browser (default) or device code, with Cancel throughout. */
export function SignInCard(props: {
  workspaceId: string;
  selected: AccountSummaryDto | undefined;
  onSelect(account: AccountSummaryDto | undefined): void;
}) {
  const styles = useStyles();
  const { state, openUrl, openedInTab, deviceCode, signIn, cancel, signOut } = useAuthStore();
  const [error, setError] = useState<AppErrorShape | undefined>();
  const pending = state?.pending ?? 'none';
  const gate = useNetworkGate('Signing in');

  const start = async (method: SignInMethod) => {
    setError(undefined);
    const result = await signIn(method, props.workspaceId);
    if (result.ok) props.onSelect(result.value);
    else setError(result.error);
  };

  const remove = async (account: AccountSummaryDto) => {
    const result = await signOut(account.homeAccountId);
    if (!result.ok) setError(result.error);
    else if (props.selected?.homeAccountId === account.homeAccountId) props.onSelect(undefined);
  };

  return (
    <Card className={styles.card} aria-label="Partner tenant sign-in">
      <CardHeader header={<Text weight="semibold">Sign in to your partner tenant</Text>} />
      <Text>
        Sign in as an admin of your partner tenant. Entra Onboard asks only to read your profile, roles and tenant
        now; when you preview a setup, it lists what that setup needs, and why, and asks for it all at once.
      </Text>

      {state?.accounts.map((account) => (
        <div className={styles.account} key={account.homeAccountId} data-testid="signed-in-account">
          <div>
            <Text weight="semibold">{account.name ?? account.username}</Text>
            <br />
            <Text size={200}>
              {account.username} · tenant {account.tenantId}
            </Text>
          </div>
          <div className={styles.row}>
            {props.selected?.homeAccountId === account.homeAccountId ? (
              <Text size={200}>In use for this workspace</Text>
            ) : (
              <Button onClick={() => props.onSelect(account)}>Use this account</Button>
            )}
            <Button appearance="subtle" onClick={() => void remove(account)} aria-label={`Sign out ${account.username}`}>
              Sign out
            </Button>
          </div>
        </div>
      ))}

      {pending === 'none' ? (
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={gate.offline}
            title={gate.reason}
            aria-describedby={gate.reason ? 'sign-in-reason' : undefined}
            onClick={() => void start('browser')}
          >
            {state?.accounts.length ? 'Sign in with another account' : 'Sign in with your browser'}
          </Button>
          <Button disabled={gate.offline} title={gate.reason} aria-describedby={gate.reason ? 'sign-in-reason' : undefined} onClick={() => void start('deviceCode')}>
            Use a device code instead
          </Button>
          <NetworkReason id="sign-in-reason" reason={gate.reason} />
        </div>
      ) : null}

      {pending === 'browser' ? (
        <div className={styles.row} role="status">
          {openUrl ? (
            <>
              <Text>{openedInTab ? 'Microsoft’s sign-in page opened in a new tab.' : 'Microsoft’s sign-in page is ready.'}</Text>
              <Link href={openUrl} target="_blank" rel="noopener noreferrer">
                {openedInTab ? 'Open Microsoft sign-in again' : 'Open Microsoft sign-in'}
              </Link>
            </>
          ) : (
            <Spinner size="tiny" label="Finish signing in in your browser…" />
          )}
          <Button onClick={() => void cancel()}>Cancel sign-in</Button>
        </div>
      ) : null}

      {pending === 'deviceCode' ? (
        <div role="status">
          {deviceCode ? (
            <>
              <Text>
                On any device, open <Link href={deviceCode.verificationUri} target="_blank" rel="noopener noreferrer">{deviceCode.verificationUri}</Link> and
                enter this code:
              </Text>
              <div className={styles.code} data-testid="device-code">
                {deviceCode.userCode}
              </div>
              <Text size={200}>The code works for {Math.round(deviceCode.expiresInSeconds / 60)} minutes.</Text>
            </>
          ) : (
            <Spinner size="tiny" label="Asking Microsoft for a code…" />
          )}
          <div className={styles.row}>
            <Button onClick={() => void cancel()}>Cancel sign-in</Button>
          </div>
        </div>
      ) : null}

      {error ? <ErrorBar error={error} /> : null}
      {pending === 'none' ? <SignInAppSetting /> : null}
    </Card>
  );
}
