import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowSyncRegular, CalendarAddRegular, KeyResetRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { RotationResult, SecretEntry } from '../../../../shared/domain/secrets';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { ErrorBar } from '../../components/ErrorBar';
import { useBusyAction } from '../../components/use-busy-action';
import { copyToClipboard } from '../wizard/clipboard';
import { RotationPanel } from './RotationPanel';
import { appWords, bandWords, expiresText, urgent } from './secret-words';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  intro: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalL },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', marginBottom: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Every client secret across workspaces: when each expires, reminders for the calendar, and rotation. */
export function SecretsScreen() {
  const styles = useStyles();
  const [entries, setEntries] = useState<SecretEntry[] | undefined>();
  const [error, setError] = useState<AppErrorShape | undefined>();
  const [exported, setExported] = useState<{ path: string; events: number } | undefined>();
  const [checked, setChecked] = useState<string | undefined>();
  const [rotation, setRotation] = useState<RotationResult | undefined>();
  const [copied, setCopied] = useState(false);
  const { busy, run } = useBusyAction(() => setError(undefined));

  // Bumped after every action, so the list is read again from the store.
  const [version, setVersion] = useState(0);
  const load = useCallback(async () => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    void getApi()
      .call('secrets.list', {})
      .then((r) => {
        if (!live) return;
        if (r.ok) setEntries(r.value);
        else setError(r.error);
      });
    return () => {
      live = false;
    };
  }, [version]);

  const rotate = (entry: SecretEntry) =>
    run(`Rotating the secret of ${entry.workspaceName}…`, async () => {
      setRotation(undefined);
      setCopied(false);
      const r = await getApi().call('secrets.rotate', { workspaceId: entry.workspaceId, role: entry.role });
      if (r.ok) setRotation(r.value);
      else setError(r.error);
      await load();
    });
  const settle = (channel: 'secrets.finishRotation' | 'secrets.cancelRotation', label: string) =>
    run(label, async () => {
      if (!rotation) return;
      const r = await getApi().call(channel, { rotationId: rotation.rotationId });
      if (r.ok) setRotation(r.value);
      else setError(r.error);
      await load();
    });
  const copyNew = async () => {
    if (!rotation) return;
    const r = await getApi().call('onboarding.revealSecret', { workspaceId: rotation.workspaceId, role: rotation.role });
    if (!r.ok) return setError(r.error);
    await copyToClipboard(r.value.value, true);
    setCopied(true);
  };
  const check = (entry: SecretEntry) =>
    run(`Checking ${entry.workspaceName} in Entra…`, async () => {
      const r = await getApi().call('secrets.checkInEntra', { workspaceId: entry.workspaceId });
      if (r.ok) {
        setChecked(
          r.value.forgotten.length
            ? `${entry.workspaceName}: ${r.value.forgotten.map((h) => `${h}…`).join(', ')} no longer exists in Entra, so it was removed from this computer’s vault too.`
            : `${entry.workspaceName}: every secret listed here still exists in Entra.`,
        );
      } else setError(r.error);
      await load();
    });
  const exportIcs = () =>
    run('Saving the reminders…', async () => {
      const r = await getApi().call('secrets.exportIcs', {});
      if (r.ok) setExported(r.value);
      else setError(r.error);
    });

  const needing = entries ? urgent(entries) : [];
  return (
    <section aria-labelledby="secrets-title">
      <div className={styles.header}>
        <Title2 as="h1" id="secrets-title">
          Secrets
        </Title2>
      </div>
      <Text className={styles.intro}>
        Every client secret your workspaces created, across all of them, with when it expires. Rotating one creates the new
        secret, hands it to the platform, tests it with a real sign-in and only then removes the old one.
      </Text>
      {needing.length > 0 ? (
        <MessageBar intent={needing.some((e) => e.band === 'expired' || e.band === 'd7') ? 'error' : 'warning'} data-testid="secrets-warning">
          <MessageBarBody>
            <MessageBarTitle>
              {needing.length === 1 ? '1 secret needs rotating' : `${needing.length} secrets need rotating`}
            </MessageBarTitle>
            {needing.map((e) => `${e.workspaceName} (${bandWords[e.band].label.toLowerCase()})`).join(', ')}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.bar}>
        <Button icon={<CalendarAddRegular />} disabled={!!busy || !entries?.length} onClick={() => void exportIcs()}>
          Export reminders (.ics)
        </Button>
        {busy ? <Spinner size="tiny" label={busy} /> : null}
      </div>
      {exported ? (
        <MessageBar intent="success" data-testid="ics-exported">
          <MessageBarBody>
            Saved {exported.events} reminder{exported.events === 1 ? '' : 's'} to {exported.path}. Open the file with your calendar app to add them.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {checked ? (
        <MessageBar intent="info" data-testid="entra-check">
          <MessageBarBody>{checked}</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorBar error={error} /> : null}
      {!entries && !error ? <Spinner label="Loading secrets…" /> : null}
      {entries && entries.length === 0 ? <Text>No workspace holds a client secret yet: a finished guided setup creates one.</Text> : null}
      {entries && entries.length > 0 ? (
        <Table aria-label="Client secrets" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Workspace</TableHeaderCell>
              <TableHeaderCell>App</TableHeaderCell>
              <TableHeaderCell>Secret</TableHeaderCell>
              <TableHeaderCell>Expires</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((e) => (
              <TableRow key={e.keyId} data-testid="secret-row" data-band={e.band} data-key-id={e.keyId}>
                <TableCell>{e.workspaceName}</TableCell>
                <TableCell>{appWords(e.role)}</TableCell>
                <TableCell>
                  {e.hint}…{e.inVault ? '' : ' (not in this computer’s vault)'}
                </TableCell>
                <TableCell>{expiresText(e)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={bandWords[e.band].color}>
                    {bandWords[e.band].label}
                  </Badge>
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button size="small" icon={<KeyResetRegular />} disabled={!!busy} onClick={() => void rotate(e)} aria-label={`Rotate the secret of ${e.workspaceName}`}>
                      Rotate
                    </Button>
                    <Button size="small" icon={<ArrowSyncRegular />} disabled={!!busy} onClick={() => void check(e)} aria-label={`Check in Entra: ${e.workspaceName}`}>
                      Check in Entra
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {rotation ? (
        <RotationPanel
          result={rotation}
          busy={!!busy}
          copied={copied}
          onCopy={() => void copyNew()}
          onFinish={() => void settle('secrets.finishRotation', 'Testing the new secret…')}
          onCancel={() => void settle('secrets.cancelRotation', 'Removing the new secret…')}
        />
      ) : null}
    </section>
  );
}
