import {
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
import { ArrowDownloadRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ActivityEntry, ActivityVerification } from '../../../../shared/domain/activity';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { FilterBar, FilterSelect, FindField } from '../../components/FilterBar';
import { ErrorBar } from '../../components/ErrorBar';
import { formatTime, serviceLabels, verificationText } from './activity-text';
import { downloadText } from './download-text';

const PAGE = 50;

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalL },
  bar: { marginBottom: tokens.spacingVerticalM },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  small: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, display: 'block', wordBreak: 'break-all' },
  pager: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  // Account names, object IDs and paths have no spaces: they wrap anywhere rather than run into the next column.
  cell: { overflowWrap: 'anywhere' },
});

interface Filter {
  text: string;
  workspaceId: string;
  result: '' | 'succeeded' | 'failed';
}

const resultOptions = [
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
] as const;

const queryOf = (f: Filter) => ({ text: f.text, ...(f.workspaceId ? { workspaceId: f.workspaceId } : {}), ...(f.result ? { result: f.result } : {}) });

/**
 * Every change the console made in Entra, Partner Center and the platforms, across workspaces: searched
 * and filtered in the store, a page at a time, exported as CSV, and verified entry by entry.
 */
export function ActivityPage() {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<Filter>({ text: '', workspaceId: '', result: '' });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; entries: ActivityEntry[]; workspaces: { id: string; name: string }[] }>();
  const [error, setError] = useState<AppErrorShape>();
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<ActivityVerification>();
  const [exported, setExported] = useState<string>();
  /** A narrower (or wider) filter starts again at the first page. */
  const narrow = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setOffset(0);
  };

  // Applied as the admin pauses typing, as the client tenants' Find box does.
  useEffect(() => {
    const timer = setTimeout(() => {
      setFilter((f) => (f.text === text.trim() ? f : { ...f, text: text.trim() }));
      setOffset(0);
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    let current = true;
    void getApi()
      .call('activity.list', { ...queryOf(filter), offset, limit: PAGE })
      .then((r) => {
        if (!current) return;
        if (r.ok) {
          setPage(r.value);
          setError(undefined);
        } else setError(r.error);
      });
    return () => {
      current = false;
    };
  }, [filter, offset]);

  const verify = async () => {
    setVerifying(true);
    setVerification(undefined);
    const r = await getApi().call('activity.verify', {});
    setVerifying(false);
    if (r.ok) setVerification(r.value);
    else setError(r.error);
  };

  const exportCsv = async () => {
    const r = await getApi().call('activity.exportCsv', queryOf(filter));
    if (!r.ok) return setError(r.error);
    downloadText(r.value.fileName, r.value.csv, 'text/csv');
    setExported(`${r.value.count} ${r.value.count === 1 ? 'entry' : 'entries'} exported to ${r.value.fileName}.`);
  };

  const verified = verification ? verificationText(verification) : undefined;
  const total = page?.total ?? 0;

  return (
    <section aria-labelledby="activity-title" className={styles.column}>
      <div>
        <Title2 as="h1" id="activity-title">
          Activity
        </Title2>
        <Text className={styles.intro}>
          Every change Entra Onboard made in Microsoft Entra, Partner Center or your platforms, who made it and what Microsoft
          answered, with the correlation IDs support asks for. Secrets are never written here. Each entry carries a fingerprint
          of the one before it, so a changed or removed entry shows when you verify the log.
        </Text>
      </div>

      <FilterBar label="Search the activity log" className={styles.bar}>
        <FindField id="activity-text" label="Search" placeholder="Who, what, workspace, result or correlation ID" value={text} onChange={setText} />
        <FilterSelect
          id="activity-workspace"
          label="Workspace"
          any="All workspaces"
          value={filter.workspaceId}
          options={(page?.workspaces ?? []).map((w) => ({ value: w.id, label: w.name }))}
          onChange={(workspaceId) => narrow({ workspaceId })}
        />
        <FilterSelect id="activity-result" label="Result" any="Succeeded or failed" value={filter.result} options={resultOptions} onChange={(result) => narrow({ result })} />
        <Button icon={<ShieldCheckmarkRegular />} disabled={verifying} onClick={() => void verify()}>
          Verify log
        </Button>
        <Button icon={<ArrowDownloadRegular />} disabled={total === 0} onClick={() => void exportCsv()}>
          Export CSV
        </Button>
      </FilterBar>

      {verifying ? <Spinner size="tiny" label="Checking every entry…" /> : null}
      {verified ? (
        <MessageBar intent={verified.intent} role={verified.intent === 'error' ? 'alert' : 'status'} data-testid="activity-verification">
          <MessageBarBody>
            <MessageBarTitle>{verified.title}</MessageBarTitle> {verified.body}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {exported ? (
        <Text role="status" data-testid="activity-exported">
          {exported}
        </Text>
      ) : null}
      {error ? <ErrorBar error={error} /> : null}

      {!page ? <Spinner label="Loading the activity log…" /> : null}
      {page && total === 0 ? (
        <Text>
          {filter.text || filter.workspaceId || filter.result
            ? 'Nothing in the log matches this search.'
            : 'Nothing yet. Changes appear here as soon as a setup, consent run or push makes them.'}
        </Text>
      ) : null}
      {page && total > 0 ? (
        <>
          <Table aria-label="Activity log" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Time</TableHeaderCell>
                <TableHeaderCell>Who</TableHeaderCell>
                <TableHeaderCell>Workspace</TableHeaderCell>
                <TableHeaderCell>What</TableHeaderCell>
                <TableHeaderCell>Result</TableHeaderCell>
                <TableHeaderCell>Correlation IDs</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.entries.map((e) => (
                <TableRow key={e.id} data-testid="activity-row" data-id={e.id}>
                  <TableCell className={styles.cell}>
                    <span title={e.at}>{formatTime(e.at)}</span>
                    <span className={styles.small}>#{e.id}</span>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {e.who}
                    {e.whoTenantId ? <span className={styles.small}>tenant {e.whoTenantId}</span> : null}
                  </TableCell>
                  <TableCell className={styles.cell}>{e.workspaceName ?? (e.workspaceId ? 'a deleted workspace' : '—')}</TableCell>
                  <TableCell className={styles.cell}>
                    {e.what}
                    <span className={styles.small}>
                      {serviceLabels[e.service]}
                      {e.method ? `: ${e.method} ${e.target}` : ''}
                    </span>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <span className={e.result === 'failed' ? styles.failed : undefined}>{e.result === 'failed' ? 'Failed' : 'Succeeded'}</span>
                    {e.status !== null || e.errorCode ? (
                      <span className={styles.small}>
                        {e.status !== null ? `HTTP ${e.status}` : ''}
                        {e.errorCode ? ` ${e.errorCode}` : ''}
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {e.clientRequestId ? <span className={styles.small}>sent {e.clientRequestId}</span> : null}
                    {e.requestId ? <span className={styles.small}>answered {e.requestId}</span> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <nav className={styles.pager} aria-label="Activity log pages">
            <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Newer
            </Button>
            <Text aria-live="polite">
              {offset + 1}–{Math.min(offset + PAGE, total)} of {total}
            </Text>
            <Button disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              Older
            </Button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
