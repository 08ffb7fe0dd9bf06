import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { DeliveryStatus, PushResultDto } from '../../../../shared/domain/delivery';
import { fieldIssuesOf, type AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { useNetworkGate } from '../../app/connectivity-store';
import { NetworkReason } from '../../components/NetworkReason';
import { ErrorBar } from '../../components/ErrorBar';
import { useBusyAction } from '../../components/use-busy-action';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Diff = { hasConfiguration: boolean; changes: { field: string; from: string | null; to: string | null }[] };

/**
 * Delivering the values to the platform: push through its Platform Onboarding API (connect once
 * with an API token, preview the differences, push, read back, test), or write a .env file.
 */
export function DeliveryPanel({ workspaceId, status, onChanged }: { workspaceId: string; status: DeliveryStatus; onChanged(): void }) {
  // Connecting and pushing talk to the platform and test the credentials against Entra: not offline.
  const gate = useNetworkGate('Delivery to the platform');
  const net = { title: gate.reason, 'aria-describedby': gate.reason ? 'delivery-network-reason' : undefined };
  const styles = useStyles();
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');
  const [diff, setDiff] = useState<Diff | undefined>();
  const [result, setResult] = useState<PushResultDto | undefined>();
  const [envPath, setEnvPath] = useState<string | undefined>();
  const [error, setError] = useState<AppErrorShape | undefined>();
  const [reviewAttempt, setReviewAttempt] = useState(0);
  const issues = Object.fromEntries(fieldIssuesOf(error ?? { code: '', message: '' }).map((i) => [i.path, i.message]));

  const { busy, run } = useBusyAction(() => setError(undefined));

  // What a push would change, read from the platform whenever the panel shows a connection.
  useEffect(() => {
    // Offline the platform is not asked (it answers again once the connection is back).
    if (!status.connection || gate.offline) return;
    let current = true;
    void getApi()
      .call('delivery.diff', { workspaceId })
      .then((r) => {
        if (!current) return;
        if (r.ok) setDiff(r.value);
        else setError(r.error);
      });
    return () => {
      current = false;
    };
  }, [workspaceId, status.connection, reviewAttempt, gate.offline]);

  const connect = () =>
    run('Connecting…', async () => {
      const r = await getApi().call('delivery.connect', { workspaceId, baseUrl, token });
      if (!r.ok) return setError(r.error);
      setToken('');
      onChanged();
    });

  const push = () =>
    run('Pushing…', async () => {
      const r = await getApi().call('delivery.push', { workspaceId });
      if (!r.ok) return setError(r.error);
      setResult(r.value);
      setReviewAttempt((n) => n + 1);
    });

  const writeEnv = () =>
    run('Writing…', async () => {
      const r = await getApi().call('delivery.writeEnvFile', { workspaceId });
      if (!r.ok) return setError(r.error);
      setEnvPath(r.value.path);
    });

  return (
    <section className={styles.section} aria-label="Deliver to the platform">
      <Text weight="semibold">Give the values to the platform</Text>

      {status.envFile ? (
        <div className={styles.section}>
          <Text size={200}>This platform reads its settings from a .env file on its server.</Text>
          <div className={styles.row}>
            <Button onClick={() => void writeEnv()} disabled={!!busy}>
              Write the .env file
            </Button>
          </div>
          {envPath ? (
            <Text size={200} data-testid="env-path">
              Written to {envPath}, readable by you only. It contains the client secret: copy it to the platform’s server, then delete it here.
            </Text>
          ) : null}
        </div>
      ) : null}

      {!status.connection ? (
        <form
          className={styles.row}
          onSubmit={(e) => {
            e.preventDefault();
            void connect();
          }}
        >
          <Field label="Platform API address" validationMessage={issues['baseUrl']} hint="If the platform supports the Platform Onboarding API: the address from its documentation.">
            <Input value={baseUrl} onChange={(_e, d) => setBaseUrl(d.value)} placeholder="https://platform.example.com/api" />
          </Field>
          <Field label="API token" validationMessage={issues['token']} hint="From the platform’s settings. Kept only in this computer’s secure vault.">
            <Input type="password" value={token} onChange={(_e, d) => setToken(d.value)} />
          </Field>
          <Button type="submit" disabled={!!busy || gate.offline} {...net}>
            Connect
          </Button>
          <NetworkReason id="delivery-network-reason" reason={gate.reason} />
        </form>
      ) : (
        <div className={styles.section}>
          <Text size={200}>
            Connected to {status.connection.platformName ?? 'the platform'} at {status.connection.baseUrl}.
          </Text>
          {diff ? (
            diff.changes.length === 0 ? (
              <Text data-testid="platform-in-sync">The platform already has these values.</Text>
            ) : (
              <ul className={styles.list} aria-label="Changes on the platform">
                {diff.changes.map((c) => (
                  <li key={c.field} data-testid="platform-change">
                    <Text>
                      {c.field}: {c.from ?? 'not set'} → {c.to ?? 'not set'}
                    </Text>
                  </li>
                ))}
              </ul>
            )
          ) : null}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void push()} disabled={!!busy || gate.offline} {...net}>
              {error ? 'Try again' : `Push to ${status.connection.platformName ?? 'the platform'}`}
            </Button>
            <NetworkReason id="delivery-network-reason" reason={gate.reason} />
          </div>
          {result ? (
            <ul className={styles.list} aria-label="Push result" data-testid="push-result">
              <li>
                <Text>{result.readBack.matches ? 'Read back from the platform: it matches.' : `Read back: ${result.readBack.problems.join(' ')}`}</Text>
              </li>
              {result.test.checks.map((c) => (
                <li key={c.name} data-testid="platform-test" data-ok={c.ok}>
                  {c.ok ? <CheckmarkCircleFilled color={tokens.colorPaletteGreenForeground1} aria-label="Passed" /> : <DismissCircleFilled color={tokens.colorPaletteRedForeground1} aria-label="Failed" />}{' '}
                  <Text>
                    The platform’s own test, {c.name}: {c.message}
                  </Text>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      {busy ? <Text size={200}>{busy}</Text> : null}
      {error ? <ErrorBar error={error} /> : null}
    </section>
  );
}
