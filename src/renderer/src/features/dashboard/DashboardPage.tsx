import { Badge, Button, Card, MessageBar, MessageBarBody, Spinner, Text, Title2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { TenantStatusKind } from '../../../../shared/domain/client-tenants';
import type { AttentionItem, DashboardFilter, DashboardRow, DashboardSort, DashboardSummary } from '../../../../shared/domain/dashboard';
import { platformSummaries } from '../../../../shared/domain/platforms';
import type { Workspace } from '../../../../shared/domain/workspace';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { FilterBar, FilterSelect, FindField, optionsOf } from '../../components/FilterBar';
import { useNavigation } from '../../app/navigation-store';
import { ErrorBar } from '../../components/ErrorBar';
import { useAfterPaint } from '../../components/use-after-paint';
import { statusLabels } from '../client-tenants/tenant-status-text';
import { BarChart } from './BarChart';
import { OPENING_QUERY } from './dashboard-first-block';
import { DashboardTable } from './DashboardTable';
import { saveExport } from './save-export';
import { useDashboardRows } from './use-dashboard-rows';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  tiles: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', padding: 0, margin: 0 },
  tile: { minWidth: '128px', padding: tokens.spacingHorizontalM },
  tileNumber: { display: 'block', fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  charts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL },
  attention: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  attentionItem: { display: 'grid', gridTemplateColumns: '150px 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  why: { color: tokens.colorNeutralForeground2 },
});

const statusFill: Record<TenantStatusKind, string> = {
  consented: tokens.colorPaletteGreenBackground3,
  partiallyConsented: tokens.colorPaletteMarigoldBackground3,
  accessNeeded: tokens.colorPaletteYellowForeground2,
  failed: tokens.colorPaletteRedBackground3,
  tenantNotFound: tokens.colorPaletteCranberryBackground2,
  notStarted: tokens.colorBrandBackground,
  excluded: tokens.colorNeutralForeground3,
};

const attentionLabels: Record<AttentionItem['kind'], string> = {
  secretExpired: 'Secret expired',
  failed: 'Failed',
  tenantNotFound: 'Tenant not found',
  secretExpiring: 'Secret expiring',
  accessNeeded: 'Access needed',
  partiallyConsented: 'Partially consented',
};

const sortLabels: Record<DashboardSort, string> = { name: 'Name', status: 'Most urgent first', workspace: 'Workspace', asOf: 'Oldest status first' };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

/**
 * The status dashboard across every workspace (issue 11 §2): what needs attention first, counts and charts for
 * the tenants the filter matches, and one virtualised list of them all; CSV and a self-contained HTML report of
 * exactly what is shown.
 */
export function DashboardPage() {
  const styles = useStyles();
  const go = useNavigation((s) => s.go);
  const [filter, setFilter] = useState<DashboardFilter>(OPENING_QUERY.filter);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<DashboardSort>(OPENING_QUERY.sort);
  const [summary, setSummary] = useState<DashboardSummary | undefined>();
  const [attention, setAttention] = useState<{ total: number; items: AttentionItem[] } | undefined>();
  const [workspaces, setWorkspaces] = useState<Workspace[]>([]);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<AppErrorShape | undefined>();
  const [exported, setExported] = useState<string | undefined>();
  const [exporting, setExporting] = useState(false);
  const rows = useDashboardRows(sort, filter, version);
  // The table's first rows are what the admin waits for when the page opens (issue 11: first rows under 300 ms). The
  // counts, charts and attention list are read at the same time, but mount in the frame after those rows have
  // painted: their cards, badges and buttons would otherwise be laid out in the same frame and hold the rows back.
  const detailsShown = useAfterPaint(rows.total !== undefined || rows.error !== undefined);

  // The text filter applies as the admin pauses typing.
  useEffect(() => {
    const timer = setTimeout(() => {
      setFilter((f) => {
        const next = text.trim();
        if ((f.text ?? '') === next) return f;
        const { text: _old, ...rest } = f;
        return next ? { ...rest, text: next } : rest;
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    let live = true;
    void getApi()
      .call('dashboard.summary', { filter })
      .then((r) => {
        if (!live) return;
        if (r.ok) setSummary(r.value);
        else setError(r.error);
      });
    return () => {
      live = false;
    };
  }, [filter, version]);

  useEffect(() => {
    let live = true;
    void getApi()
      .call('dashboard.attention', { limit: 20 })
      .then((r) => live && (r.ok ? setAttention(r.value) : setError(r.error)));
    void getApi()
      .call('workspaces.list', {})
      .then((r) => live && r.ok && setWorkspaces(r.value));
    return () => {
      live = false;
    };
  }, [version]);

  // Statuses change while a run works in any workspace: read again, at most a few times a second.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = getApi().on('tenants.changed', () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        setVersion((v) => v + 1);
      }, 500);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);

  const set = (patch: Partial<DashboardFilter>) =>
    setFilter((f) => {
      const next: DashboardFilter = { ...f, ...patch };
      for (const k of Object.keys(next) as (keyof DashboardFilter)[]) if (next[k] === undefined) delete next[k];
      return next;
    });

  const runExport = async (kind: 'csv' | 'report', tenant?: DashboardRow) => {
    setExporting(true);
    setExported(undefined);
    const r =
      kind === 'csv'
        ? await getApi().call('dashboard.exportCsv', { filter, sort })
        : await getApi().call('dashboard.exportReport', { filter: tenant ? { tenantId: tenant.tenantId } : filter });
    setExporting(false);
    if (!r.ok) return setError(r.error);
    saveExport(r.value);
    setExported(`Saved ${r.value.fileName}: ${r.value.count} client tenant${r.value.count === 1 ? '' : 's'}.`);
  };

  const open = useCallback((row: { workspaceId: string }) => go({ name: 'workspace', id: row.workspaceId, page: 'tenants' }), [go]);

  const platformsInUse = platformSummaries.filter((p) => workspaces.some((w) => w.platformId === p.id));

  return (
    <section className={styles.page} aria-labelledby="dashboard-title">
      <div>
        <Title2 as="h1" id="dashboard-title">
          Dashboard
        </Title2>
        <Text as="p" block>
          Client tenants in every workspace, as last read from each tenant{summary?.oldestAsOf ? ` (oldest read: ${when(summary.oldestAsOf)})` : ''}.
        </Text>
      </div>
      {error ? <ErrorBar error={error} /> : null}

      <section aria-labelledby="attention-title">
        <Title3 as="h2" id="attention-title">
          Needs attention{attention && detailsShown ? ` (${attention.total})` : ''}
        </Title3>
        {!attention || !detailsShown ? (
          <Spinner size="tiny" label="Reading…" />
        ) : attention.items.length === 0 ? (
          <Text>Nothing needs attention.</Text>
        ) : (
          <ol className={styles.attention} data-testid="attention-list">
            {attention.items.map((a) => (
              <li key={`${a.kind}/${a.workspaceId}/${a.tenantId ?? a.title}`} className={styles.attentionItem} data-testid="attention-item" data-kind={a.kind}>
                <Badge appearance="tint" color={a.severity <= 3 ? 'danger' : 'warning'}>
                  {attentionLabels[a.kind]}
                </Badge>
                <span>
                  <strong>{a.title}</strong> in {a.workspaceName}
                  <br />
                  <span className={styles.why}>
                    {a.why} {a.fix}
                  </span>
                </span>
                <Button size="small" onClick={() => (a.tenantId ? open(a) : go({ name: 'workspace', id: a.workspaceId, page: 'setup' }))}>
                  Open
                </Button>
              </li>
            ))}
          </ol>
        )}
      </section>

      <FilterBar label="Filter the dashboard">
        <FindField id="dashboard-find" label="Find" placeholder="Name, domain or tenant ID" value={text} onChange={setText} />
        <FilterSelect
          id="dashboard-status"
          label="Status"
          any="Any status"
          value={filter.statuses?.[0] ?? ''}
          options={optionsOf(statusLabels)}
          onChange={(v) => set({ statuses: v ? [v] : undefined })}
        />
        <FilterSelect
          id="dashboard-platform"
          label="Platform"
          any="Any platform"
          value={filter.platforms?.[0] ?? ''}
          options={platformsInUse.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v) => set({ platforms: v ? [v] : undefined })}
        />
        <FilterSelect
          id="dashboard-workspace"
          label="Workspace"
          any="Any workspace"
          value={filter.workspaceIds?.[0] ?? ''}
          options={workspaces.map((w) => ({ value: w.id, label: w.name }))}
          onChange={(v) => set({ workspaceIds: v ? [v] : undefined })}
        />
        <FilterSelect id="dashboard-sort" label="Order" value={sort} options={optionsOf(sortLabels)} onChange={(v) => v && setSort(v)} />
        <Button icon={<ArrowDownloadRegular />} disabled={exporting} onClick={() => void runExport('csv')}>
          Export CSV
        </Button>
        <Button icon={<DocumentRegular />} disabled={exporting} onClick={() => void runExport('report')}>
          Export HTML report
        </Button>
      </FilterBar>
      {exported ? (
        <MessageBar intent="success" data-testid="export-result">
          <MessageBarBody>{exported}</MessageBarBody>
        </MessageBar>
      ) : null}

      <section aria-labelledby="summary-title">
        <Title3 as="h2" id="summary-title">
          Summary
        </Title3>
        {summary && detailsShown ? (
          <>
            <ul className={styles.tiles} data-testid="dashboard-tiles">
              <li>
                <Card className={styles.tile} data-testid="tile-total">
                  <span className={styles.tileNumber}>{summary.total}</span>
                  Client tenants in {summary.workspaces} workspace{summary.workspaces === 1 ? '' : 's'}
                </Card>
              </li>
              {(Object.keys(statusLabels) as TenantStatusKind[]).map((k) => (
                <li key={k}>
                  <Card className={styles.tile} data-testid={`tile-${k}`}>
                    <span className={styles.tileNumber}>{summary.counts[k] ?? 0}</span>
                    {statusLabels[k]}
                  </Card>
                </li>
              ))}
              <li>
                <Card className={styles.tile} data-testid="tile-secrets">
                  <span className={styles.tileNumber}>{summary.secrets.expired + summary.secrets.within30Days}</span>
                  Secrets expired or expiring in 30 days
                </Card>
              </li>
            </ul>
            <div className={styles.charts}>
              <BarChart
                testId="status-chart"
                title="Client tenants per status"
                bars={(Object.keys(statusLabels) as TenantStatusKind[]).map((k) => ({ key: k, label: statusLabels[k], value: summary.counts[k] ?? 0, colour: statusFill[k] }))}
              />
              <BarChart
                testId="secret-chart"
                title="App secrets by month of expiry"
                bars={summary.secrets.timeline.map((b) => ({
                  key: b.period,
                  label: b.label,
                  value: b.count,
                  colour: b.period === 'expired' ? tokens.colorPaletteRedBackground3 : tokens.colorBrandBackground,
                }))}
              />
              {summary.byPlatform.length > 1 ? (
                <BarChart
                  testId="platform-chart"
                  title="Client tenants per platform"
                  bars={summary.byPlatform.map((p) => ({
                    key: p.platformId,
                    label: platformSummaries.find((s) => s.id === p.platformId)?.name ?? p.platformId,
                    value: p.total,
                    colour: tokens.colorBrandBackground,
                  }))}
                />
              ) : null}
            </div>
          </>
        ) : (
          <Spinner size="tiny" label="Reading…" />
        )}
      </section>

      <section aria-labelledby="tenants-title">
        <Title3 as="h2" id="tenants-title">
          Client tenants
        </Title3>
        <Text as="p" block data-testid="dashboard-total" aria-live="polite">
          {rows.total === undefined ? 'Reading…' : `${rows.total} tenants match.`}
        </Text>
        {rows.error ? <ErrorBar error={rows.error} /> : null}
        <DashboardTable total={rows.total ?? 0} rowAt={rows.rowAt} ensure={rows.ensure} onOpen={open} onReport={(r) => void runExport('report', r)} />
      </section>
    </section>
  );
}
