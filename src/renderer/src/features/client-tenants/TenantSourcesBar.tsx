import { Button, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DocumentArrowUpRegular, GlobeSearchRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import type { CsvImportResult, DiscoverResult } from '../../../../shared/domain/client-tenants';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { useNetworkGate } from '../../app/connectivity-store';
import { NetworkReason } from '../../components/NetworkReason';
import { ErrorBar } from '../../components/ErrorBar';
import { useAuthStore } from '../auth/auth-store';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  form: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  problems: { maxHeight: '160px', overflow: 'auto', margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const sourceNames = { gdap: 'GDAP', partnerCenter: 'Partner Center' } as const;
const stateWords = { ok: 'found', needsSignIn: 'needs you to sign in', unavailable: 'not available', failed: 'failed' } as const;
const PROBLEMS_SHOWN = 200;

/** Where tenants come from: discovery (GDAP + Partner Center), a CSV file, or one domain typed in. */
export function TenantSourcesBar(props: { workspaceId: string; homeAccountId: string | undefined; onChanged(): void }) {
  // Discovery and a domain lookup ask Microsoft; a CSV of tenant IDs needs nothing (its domains say why they failed).
  const gate = useNetworkGate('Discovering or adding tenants');
  const net = { title: gate.reason, 'aria-describedby': gate.reason ? 'tenant-sources-reason' : undefined };
  const styles = useStyles();
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<AppErrorShape | undefined>();
  const [discovered, setDiscovered] = useState<DiscoverResult | undefined>();
  const [imported, setImported] = useState<(CsvImportResult & { fileName: string }) | undefined>();
  const [domain, setDomain] = useState('');
  const [added, setAdded] = useState<string | undefined>();
  const signIn = useAuthStore((s) => s.signIn);
  // The web host hands Microsoft's page to this window to open (Electron opens the browser itself).
  const openUrl = useAuthStore((s) => s.openUrl);

  const act = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await work();
      props.onChanged();
    } finally {
      setBusy(undefined);
    }
  };

  const discover = () =>
    act('Discovering…', async () => {
      if (!props.homeAccountId) return;
      const r = await getApi().call('tenants.discover', { workspaceId: props.workspaceId, homeAccountId: props.homeAccountId, sources: ['gdap', 'partnerCenter'] });
      if (r.ok) setDiscovered(r.value);
      else setError(r.error);
    });

  /**
   * Discovery asks for its own permissions (GDAP, Partner Center) only when a source says it needs them; one
   * browser trip per source, since Partner Center is another resource than Microsoft Graph.
   */
  const signInAndDiscover = (kind: 'gdap' | 'partnerCenter') =>
    act('Waiting for you to sign in…', async () => {
      if (!props.homeAccountId) return;
      const signedIn = await signIn('browser', props.workspaceId, { steps: [kind === 'gdap' ? 'listGdapCustomers' : 'partnerCenter'], homeAccountId: props.homeAccountId });
      if (!signedIn.ok) return setError(signedIn.error);
      const r = await getApi().call('tenants.discover', { workspaceId: props.workspaceId, homeAccountId: props.homeAccountId, sources: ['gdap', 'partnerCenter'] });
      if (r.ok) setDiscovered(r.value);
      else setError(r.error);
    });

  const importFile = (f: File) =>
    act('Importing…', async () => {
      // Read here, in the renderer: the file's text is all the core needs (no path crosses the bridge).
      const text = await f.text();
      const r = await getApi().call('tenants.importCsv', { workspaceId: props.workspaceId, fileName: f.name, text });
      if (r.ok) setImported({ ...r.value, fileName: f.name });
      else setError(r.error);
    });

  const addDomain = (e: FormEvent) => {
    e.preventDefault();
    void act('Adding…', async () => {
      const r = await getApi().call('tenants.addByDomain', { workspaceId: props.workspaceId, domain });
      if (!r.ok) return setError(r.error);
      const name = r.value.tenant.name ?? r.value.tenant.domain ?? r.value.tenant.tenantId;
      setAdded(`${r.value.alreadyListed ? 'Already listed' : 'Added'}: ${name} (${r.value.tenant.tenantId}).${r.value.warning ? ` ${r.value.warning}` : ''}`);
      setDomain('');
    });
  };

  return (
    <div>
      <div className={styles.bar}>
        <Button icon={<GlobeSearchRegular />} disabled={!!busy || !props.homeAccountId || gate.offline} {...net} onClick={() => void discover()}>
          {busy === 'Discovering…' ? busy : 'Discover (GDAP + Partner Center)'}
        </Button>
        <Button icon={<DocumentArrowUpRegular />} disabled={!!busy} onClick={() => file.current?.click()}>
          {busy === 'Importing…' ? busy : 'Import CSV'}
        </Button>
        <input
          ref={file}
          type="file"
          accept=".csv,text/csv"
          className="visually-hidden"
          aria-label="CSV file of client tenants"
          tabIndex={-1}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
        <form className={styles.form} onSubmit={addDomain}>
          <div className={styles.field}>
            <label htmlFor="tenant-add-domain">Add by domain or tenant ID</label>
            <Input id="tenant-add-domain" placeholder="contoso.com" value={domain} onChange={(_, d) => setDomain(d.value)} />
          </div>
          <Button type="submit" icon={<AddRegular />} disabled={!!busy || !domain.trim() || gate.offline} {...net}>
            {busy === 'Adding…' ? busy : 'Add'}
          </Button>
        </form>
      </div>
      <NetworkReason id="tenant-sources-reason" reason={gate.reason} />
      {!props.homeAccountId ? <MessageBar intent="info"><MessageBarBody>Sign in on the Setup page to discover tenants through GDAP and Partner Center.</MessageBarBody></MessageBar> : null}
      {error ? <ErrorBar error={error} /> : null}
      {discovered ? (
        <MessageBar intent={discovered.sources.every((s) => s.state === 'ok') ? 'success' : 'warning'} role="status" data-testid="discover-result">
          <MessageBarBody>
            <MessageBarTitle>
              Discovery: {discovered.added} new, {discovered.total} listed.
            </MessageBarTitle>
            {discovered.sources.map((s) => `${sourceNames[s.kind]} ${stateWords[s.state]}${s.state === 'ok' ? ` ${s.found}` : ''}${s.error ? `: ${s.error.message} ${s.error.fix}` : ''}`).join('. ')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {discovered?.sources.some((s) => s.state === 'needsSignIn') ? (
        <div>
          {discovered.sources
            .filter((s) => s.state === 'needsSignIn')
            .map((s) => (
              <Button key={s.kind} disabled={!!busy} onClick={() => void signInAndDiscover(s.kind)}>
                Sign in to allow {sourceNames[s.kind]}
              </Button>
            ))}
          {busy === 'Waiting for you to sign in…' && openUrl ? (
            <Link href={openUrl} target="_blank" rel="noopener noreferrer">
              Open Microsoft sign-in
            </Link>
          ) : null}
        </div>
      ) : null}
      {imported ? (
        <MessageBar intent={imported.problems.length ? 'warning' : 'success'} role="status" data-testid="import-result">
          <MessageBarBody>
            <MessageBarTitle>
              {imported.fileName}: {imported.rows} rows, {imported.imported} imported, {imported.alreadyListed} already listed, {imported.problems.length} with problems.
            </MessageBarTitle>
            {imported.problems.length ? (
              <ul className={styles.problems} aria-label="Rows not imported">
                {imported.problems.slice(0, PROBLEMS_SHOWN).map((p) => (
                  <li key={`${p.line}-${p.value}`} data-testid="import-problem">
                    Line {p.line} ({p.value || 'empty'}): {p.reason}
                  </li>
                ))}
                {imported.problems.length > PROBLEMS_SHOWN ? <li>and {imported.problems.length - PROBLEMS_SHOWN} more.</li> : null}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {added ? (
        <MessageBar intent="success" role="status" data-testid="add-result">
          <MessageBarBody>{added}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
