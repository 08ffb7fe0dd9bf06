import { Badge, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ClientTenant, ConsentApp, ConsentStrategy, StatusCounts, TenantFilter, TenantSelection, TenantStatusKind } from '../../../../shared/domain/client-tenants';
import type { Workspace } from '../../../../shared/domain/workspace';
import type { AppErrorShape } from '../../../../shared/result';
import { getApi } from '../../app/api';
import { AsOf } from '../../components/AsOf';
import { ErrorBar } from '../../components/ErrorBar';
import { cachedOf, useCacheStore } from '../offline/cache-store';
import { useConsentRun } from '../runs/use-consent-run';
import { RunControls } from './RunControls';
import { TenantDetails } from './TenantDetails';
import { TenantFilters } from './TenantFilters';
import { TenantSourcesBar } from './TenantSourcesBar';
import { TenantTable } from './TenantTable';
import { statusColors, statusLabels } from './tenant-status-text';
import { useTenantRows, type TenantSort } from './use-tenant-rows';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingHorizontalL },
  withDetails: { gridTemplateColumns: 'minmax(0, 1fr) 340px' },
});

interface Summary {
  app: ConsentApp;
  total: number;
  included: number;
  counts: StatusCounts;
}

/**
 * The workspace's client tenants: one list merged from every source, which of them get the app, how
 * (strategy per tenant), their status as read from each tenant, and runs that consent the app in bulk.
 */
export function ClientTenantsPage({ workspace, homeAccountId, active }: { workspace: Workspace; homeAccountId: string | undefined; active: boolean }) {
  const styles = useStyles();
  const workspaceId = workspace.id;
  const [summary, setSummary] = useState<Summary | undefined>();
  const [error, setError] = useState<AppErrorShape | undefined>();
  const [version, setVersion] = useState(0);
  const [sort, setSort] = useState<TenantSort>({ by: 'name', direction: 'asc' });
  const [filter, setFilter] = useState<TenantFilter>({});
  const [selected, setSelected] = useState<ClientTenant | undefined>();
  const [busy, setBusy] = useState(false);
  /** A tick changes at once; it is put back if saving fails (the row then shows what the store holds). */
  const [includedNow, setIncludedNow] = useState<Readonly<Record<string, boolean>>>({});
  const { run } = useConsentRun(workspaceId);
  const applicable = summary?.app.applicable === true;
  const rows = useTenantRows(workspaceId, sort, filter, version, applicable);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const cachedTenants = useCacheStore((s) => cachedOf(s.workspaces, workspaceId)?.tenants);
  const loadCached = useCacheStore((s) => s.load);
  useEffect(() => {
    void loadCached();
  }, [loadCached, version]);

  useEffect(() => {
    let current = true;
    void getApi()
      .call('tenants.summary', { workspaceId })
      .then((r) => {
        if (!current) return;
        if (r.ok) setSummary(r.value);
        else setError(r.error);
      });
    return () => {
      current = false;
    };
    // Read again whenever the page is shown: setup may have made the app (or changed its audience) meanwhile.
  }, [workspaceId, version, active]);

  useEffect(
    () =>
      getApi().on('tenants.changed', (e) => {
        if (e.workspaceId === workspaceId) refresh();
      }),
    [workspaceId, refresh],
  );

  // The details panel follows the row's latest state (a status read, a toggle) by tenant ID.
  const selectedNow = selected ? (findLoaded(rows, selected.tenantId) ?? selected) : undefined;

  const change = async (work: () => ReturnType<ReturnType<typeof getApi>['call']>) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await work();
      if (!r.ok) {
        setError(r.error);
        setIncludedNow({});
      }
      refresh();
    } finally {
      setBusy(false);
    }
  };
  const one = (t: ClientTenant): TenantSelection => ({ tenantIds: [t.tenantId] });

  if (!summary && !error) return <Spinner label="Loading client tenants…" />;
  if (summary && !summary.app.applicable) {
    return (
      <MessageBar intent="info" data-testid="no-client-tenants">
        <MessageBarBody>
          <MessageBarTitle>No client tenants for this workspace</MessageBarTitle>
          {summary.app.reason}
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div className={styles.column}>
      {error ? <ErrorBar error={error} /> : null}
      {summary ? (
        <div className={styles.counts} data-testid="tenant-counts" aria-label="Tenants per status">
          <Text>
            {summary.app.displayName ?? 'The app'}: {summary.total} client tenants, {summary.included} included.
          </Text>
          {(Object.keys(statusLabels) as TenantStatusKind[])
            .filter((k) => (summary.counts[k] ?? 0) > 0)
            .map((k) => (
              <Badge key={k} appearance="tint" color={statusColors[k]} data-testid={`count-${k}`}>
                {statusLabels[k]}: {summary.counts[k]}
              </Badge>
            ))}
        </div>
      ) : null}
      {cachedTenants && cachedTenants.read > 0 ? (
        <div className={styles.counts} data-testid="tenant-statuses-as-of">
          <Text size={200}>Statuses read from each tenant: oldest</Text>
          <AsOf at={cachedTenants.oldestAsOf} />
          <Text size={200}>· newest</Text>
          <AsOf at={cachedTenants.newestAsOf} />
        </div>
      ) : null}
      <TenantSourcesBar workspaceId={workspaceId} homeAccountId={homeAccountId} onChanged={refresh} />
      <RunControls workspaceId={workspaceId} homeAccountId={homeAccountId} run={run} included={summary?.included ?? 0} />
      <TenantFilters
        filter={filter}
        onChange={setFilter}
        matching={rows.total}
        busy={busy}
        onIncludeMatching={(included) => {
          setIncludedNow({});
          void change(() => getApi().call('tenants.setIncluded', { workspaceId, selection: { filter }, included }));
        }}
      />
      {rows.error ? <ErrorBar error={rows.error} /> : null}
      <Text role="status" data-testid="tenant-total">
        {rows.total === undefined ? 'Loading…' : `${rows.total} tenants match.`}
      </Text>
      <div className={selectedNow ? `${styles.layout} ${styles.withDetails}` : styles.layout}>
        <TenantTable
          total={rows.total ?? 0}
          rowAt={(i) => {
            const t = rows.rowAt(i);
            const now = t ? includedNow[t.tenantId] : undefined;
            return t && now !== undefined && now !== t.included ? { ...t, included: now } : t;
          }}
          ensure={rows.ensure}
          sort={sort}
          onSort={setSort}
          selectedId={selectedNow?.tenantId}
          onSelect={(t) => setSelected((s) => (s?.tenantId === t.tenantId ? undefined : t))}
          onInclude={(t, included) => {
            setIncludedNow((m) => ({ ...m, [t.tenantId]: included }));
            void change(() => getApi().call('tenants.setIncluded', { workspaceId, selection: one(t), included }));
          }}
          onStrategy={(t, strategy: ConsentStrategy | 'default') => void change(() => getApi().call('tenants.setStrategy', { workspaceId, selection: one(t), strategy }))}
        />
        {selectedNow ? <TenantDetails workspaceId={workspaceId} tenant={selectedNow} homeAccountId={homeAccountId} onClose={() => setSelected(undefined)} /> : null}
      </div>
    </div>
  );
}

function findLoaded(rows: { total: number | undefined; rowAt(i: number): ClientTenant | undefined }, tenantId: string): ClientTenant | undefined {
  for (let i = 0; i < (rows.total ?? 0); i++) {
    const t = rows.rowAt(i);
    if (t?.tenantId === tenantId) return t;
  }
  return undefined;
}
