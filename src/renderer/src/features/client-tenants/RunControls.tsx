import { Button, Field, ProgressBar, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular, LinkRegular, PlayRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ConsentRunProgress } from '../../../../shared/domain/client-tenants';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { useNetworkGate } from '../../app/connectivity-store';
import { NetworkReason } from '../../components/NetworkReason';
import { ErrorBar } from '../../components/ErrorBar';
import { copyToClipboard } from '../wizard/clipboard';
import { formatDuration } from '../runs/use-consent-run';
import { CONSENT_CONCURRENCY_CHOICES } from '../../../../shared/domain/tenants-in-progress';
import { keepRunConcurrency, keptRunConcurrency } from './run-concurrency';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  narrow: { maxWidth: '32rem' },
});

/** Start, cancel and retry consent runs over the included tenants; export admin consent links for the rest. */
export function RunControls(props: { workspaceId: string; homeAccountId: string | undefined; run: ConsentRunProgress | null | undefined; included: number }) {
  const styles = useStyles();
  const [error, setError] = useState<AppErrorShape | undefined>();
  const [busy, setBusy] = useState(false);
  const [links, setLinks] = useState<{ csv: string; message: string; count: number; fileName: string } | undefined>();
  const [copied, setCopied] = useState<string | undefined>();
  const [concurrency, setConcurrency] = useState(keptRunConcurrency);
  const running = props.run?.state === 'running';

  const act = async (work: () => Promise<{ ok: boolean; error?: AppErrorShape }>) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await work();
      if (!r.ok && r.error) setError(r.error);
    } finally {
      setBusy(false);
    }
  };
  const home = props.homeAccountId;
  // Cancel and the consent links are local; starting or retrying a run reads every tenant from Microsoft.
  const gate = useNetworkGate('A consent run');
  const net = { title: gate.reason, 'aria-describedby': gate.reason ? 'run-network-reason' : undefined };
  const copy = async (what: string, value: string) => {
    await copyToClipboard(value, false);
    setCopied(what);
  };

  return (
    <div className={styles.column}>
      <div className={styles.bar}>
        <Button
          appearance="primary"
          icon={<PlayRegular />}
          disabled={busy || running || !home || props.included === 0 || gate.offline}
          {...net}
          onClick={() => void act(() => getApi().call('consent.start', { workspaceId: props.workspaceId, homeAccountId: home!, mode: 'consent', concurrency }))}
        >
          Start run ({props.included} included)
        </Button>
        <Button icon={<DismissRegular />} disabled={busy || !running} onClick={() => void act(() => getApi().call('consent.cancel', { workspaceId: props.workspaceId }))}>
          Cancel run
        </Button>
        <Button
          icon={<ArrowClockwiseRegular />}
          disabled={busy || running || !home || gate.offline}
          {...net}
          onClick={() => void act(() => getApi().call('consent.retryFailed', { workspaceId: props.workspaceId, homeAccountId: home!, concurrency }))}
        >
          Retry failed
        </Button>
        <Button
          icon={<LinkRegular />}
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const r = await getApi().call('consent.exportLinks', { workspaceId: props.workspaceId, selection: { filter: { strategies: ['adminConsentLink'], included: true } } });
              if (r.ok) setLinks(r.value);
              return r;
            })
          }
        >
          Export admin consent links
        </Button>
      </div>
      <Field
        className={styles.narrow}
        label="Requests to Microsoft at once"
        hint="More finishes sooner on a fast connection. Partner Center’s consents keep to its own limit (50 a second) whatever you choose."
      >
        <Select
          value={String(concurrency)}
          disabled={running}
          onChange={(_, d) => {
            const value = Number(d.value);
            setConcurrency(value);
            keepRunConcurrency(value);
          }}
        >
          {CONSENT_CONCURRENCY_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n === 1 ? '1 (one tenant at a time)' : n}
            </option>
          ))}
        </Select>
      </Field>
      <NetworkReason id="run-network-reason" reason={gate.reason} />
      {props.run ? <RunLine run={props.run} concurrency /> : null}
      {error ? <ErrorBar error={error} /> : null}
      {links ? (
        <div className={styles.column} data-testid="exported-links">
          <Text>
            {links.count} admin consent links for the clients’ own Global Administrators ({links.fileName}).
          </Text>
          <Field label="Links (CSV)">
            <Textarea readOnly value={links.csv} rows={4} />
          </Field>
          <Field label="Message to send">
            <Textarea readOnly value={links.message} rows={4} />
          </Field>
          <div className={styles.bar}>
            <Button onClick={() => void copy('csv', links.csv)}>{copied === 'csv' ? 'Copied' : 'Copy CSV'}</Button>
            <Button onClick={() => void copy('message', links.message)}>{copied === 'message' ? 'Copied' : 'Copy message'}</Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** One line of a run's progress, also shown on the Runs page; `concurrency` adds how many requests it sends at once (the Runs page says that in its own words). */
export function RunLine({ run, concurrency = false }: { run: ConsentRunProgress; concurrency?: boolean }) {
  const words = { running: 'Running', succeeded: 'Finished', failed: 'Finished with failures', cancelled: 'Cancelled', interrupted: 'Interrupted' } as const;
  return (
    <div data-testid="run-line" data-state={run.state}>
      <ProgressBar value={run.total ? run.done / run.total : 0} aria-label="Consent run progress" />
      <Text>
        {words[run.state]}: {run.done} of {run.total} tenants
        {run.inFlight ? `, ${run.inFlight} in progress` : ''}
        {run.ratePerMinute !== null ? `, ${Math.round(run.ratePerMinute)} per minute` : ''}
        {run.state === 'running' && run.etaSeconds !== null ? `, about ${formatDuration(run.etaSeconds)} left` : ''}
        {run.throttled ? `, ${run.throttled} throttled answers waited out` : ''}
        {concurrency ? (run.concurrency > 1 ? `, up to ${run.concurrency} requests at once` : ', one tenant at a time') : ''}.
      </Text>
    </div>
  );
}
