import { Badge, Button, Checkbox, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import type { ClientTenant, ConsentStrategy } from '../../../../shared/domain/client-tenants';
import { AsOfText } from '../../components/AsOf';
import { sourceLabels, statusColors, statusExplanation, statusLabels, strategyLabels } from './tenant-status-text';
import type { TenantSort } from './use-tenant-rows';
import { useWindowedRows } from '../../components/use-windowed-rows';
import { WindowedTableBody } from '../../components/WindowedTableBody';
import { useWindowedTableStyles } from '../../components/windowed-table-styles';

const ROW_HEIGHT = 52;

const useStyles = makeStyles({
  frame: { height: '520px' },
  row: { height: `${ROW_HEIGHT}px` },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, overflow: 'hidden' },
  select: { minWidth: 0 },
});

const columns: { key: string; label: string; width: string; sort?: TenantSort['by'] }[] = [
  { key: 'include', label: 'Include', width: '72px' },
  { key: 'name', label: 'Name', width: '18%', sort: 'name' },
  { key: 'domain', label: 'Domain', width: '16%', sort: 'domain' },
  { key: 'tenantId', label: 'Tenant ID', width: '17%', sort: 'tenantId' },
  { key: 'sources', label: 'Sources', width: '11%' },
  { key: 'strategy', label: 'Strategy', width: '14%', sort: 'strategy' },
  { key: 'status', label: 'Status', width: '16%', sort: 'status' },
  { key: 'platform', label: 'Platform', width: '8%' },
];

export interface TenantTableProps {
  total: number;
  rowAt(index: number): ClientTenant | undefined;
  ensure(start: number, end: number): void;
  sort: TenantSort;
  onSort(sort: TenantSort): void;
  selectedId: string | undefined;
  onSelect(tenant: ClientTenant): void;
  onInclude(tenant: ClientTenant, included: boolean): void;
  onStrategy(tenant: ClientTenant, strategy: ConsentStrategy | 'default'): void;
}

/**
 * The client tenants as one table, virtualised: only the rows in view (and a few around them) are in the
 * page, so 5,000 tenants scroll, sort and filter like 50. It stays a real <table> for screen readers, with
 * aria-rowcount and aria-rowindex saying where the rendered rows sit in the whole list.
 */
export function TenantTable(props: TenantTableProps) {
  const styles = useStyles();
  const shared = useWindowedTableStyles();
  const { scroller, items, top, bottom } = useWindowedRows({ total: props.total, rowHeight: ROW_HEIGHT, overscan: 12, ensure: props.ensure });

  const sortButton = (c: (typeof columns)[number]) => {
    if (!c.sort) return c.label;
    const active = props.sort.by === c.sort;
    const next: TenantSort = { by: c.sort, direction: active && props.sort.direction === 'asc' ? 'desc' : 'asc' };
    return (
      <Button
        appearance="transparent"
        size="small"
        icon={active ? props.sort.direction === 'asc' ? <ArrowSortUpRegular /> : <ArrowSortDownRegular /> : undefined}
        iconPosition="after"
        onClick={() => props.onSort(next)}
      >
        {c.label}
      </Button>
    );
  };

  return (
    <div ref={scroller} className={mergeClasses(shared.scroller, styles.frame)} data-testid="tenant-table-scroller" tabIndex={-1}>
      <table className={shared.table} aria-label="Client tenants" aria-rowcount={props.total + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={shared.th}
                aria-sort={c.sort && props.sort.by === c.sort ? (props.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {sortButton(c)}
              </th>
            ))}
          </tr>
        </thead>
        <WindowedTableBody
          items={items}
          top={top}
          bottom={bottom}
          columnCount={columns.length}
          rowClassName={styles.row}
          rowAt={props.rowAt}
          renderRow={(t, index) => <TenantRow key={t.tenantId} tenant={t} index={index} selected={t.tenantId === props.selectedId} props={props} />}
        />
      </table>
    </div>
  );
}

function TenantRow({ tenant: t, index, selected, props }: { tenant: ClientTenant; index: number; selected: boolean; props: TenantTableProps }) {
  const styles = useStyles();
  const shared = useWindowedTableStyles();
  const label = t.name ?? t.domain ?? t.tenantId;
  const { reason, fix } = statusExplanation(t.status);
  return (
    <tr
      className={mergeClasses(shared.row, styles.row, selected && styles.selected)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="tenant-row"
      data-tenant-id={t.tenantId}
      data-status={t.status.kind}
    >
      <td className={shared.td}>
        <Checkbox aria-label={`Include ${label}`} checked={t.included} onChange={(_, d) => props.onInclude(t, d.checked === true)} />
      </td>
      <td className={shared.td}>
        <Button appearance="transparent" className={shared.nameButton} onClick={() => props.onSelect(t)} aria-label={`Details of ${label}`} aria-pressed={selected}>
          {t.name ?? '(no name)'}
        </Button>
      </td>
      <td className={shared.td} title={t.domain ?? undefined}>
        {t.domain ?? '—'}
      </td>
      <td className={mergeClasses(shared.td, shared.mono)} title={t.tenantId}>
        {t.tenantId}
      </td>
      <td className={shared.td}>
        <span className={styles.badges} title={t.sources.map((s) => `${sourceLabels[s.kind]}${s.detail ? `: ${s.detail}` : ''}`).join('\n')}>
          {t.sources.map((s) => (
            <Badge key={s.kind} appearance="outline" color="informative" data-testid="tenant-source">
              {sourceLabels[s.kind]}
            </Badge>
          ))}
        </span>
      </td>
      <td className={shared.td}>
        <Select
          className={styles.select}
          size="small"
          aria-label={`Strategy for ${label}`}
          title={`Default: ${strategyLabels[t.strategy.default]}, because ${t.strategy.defaultReason}`}
          value={t.strategy.isDefault ? 'default' : t.strategy.chosen}
          onChange={(_, d) => props.onStrategy(t, d.value as ConsentStrategy | 'default')}
        >
          <option value="default">Default ({strategyLabels[t.strategy.default]})</option>
          {(Object.keys(strategyLabels) as ConsentStrategy[]).map((s) => (
            <option key={s} value={s}>
              {strategyLabels[s]}
            </option>
          ))}
        </Select>
      </td>
      <td className={shared.td} title={[reason, fix].filter(Boolean).join('\n')}>
        <Badge appearance="tint" color={statusColors[t.status.kind]} data-testid="tenant-status">
          {statusLabels[t.status.kind]}
        </Badge>
        {reason ? <span className={shared.reason}>{reason}</span> : null}
        <AsOfText at={t.status.asOf} />
      </td>
      <td className={shared.td} title={t.platform?.message}>
        {t.platform ? (
          <Badge appearance="outline" color={t.platform.state === 'enabled' ? 'success' : t.platform.state === 'failed' ? 'danger' : 'subtle'} data-testid="tenant-platform">
            {t.platform.state === 'enabled' ? 'Enabled' : t.platform.state === 'failed' ? 'Failed' : 'Not connected'}
          </Badge>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}
