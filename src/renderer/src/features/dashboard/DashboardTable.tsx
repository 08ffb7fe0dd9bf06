import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { DashboardRow } from '../../../../shared/domain/dashboard';
import { platformSummaries } from '../../../../shared/domain/platforms';
import { statusColors, statusLabels } from '../client-tenants/tenant-status-text';

const ROW_HEIGHT = 48;

const useStyles = makeStyles({
  scroller: {
    height: '480px',
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' },
  th: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    textAlign: 'left',
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `0 ${tokens.spacingHorizontalS}`,
    height: '36px',
    fontWeight: tokens.fontWeightSemibold,
  },
  row: { height: `${ROW_HEIGHT}px`, borderTop: `1px solid ${tokens.colorNeutralStroke3}` },
  td: { padding: `0 ${tokens.spacingHorizontalS}`, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  reason: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  nameButton: { maxWidth: '100%', justifyContent: 'flex-start', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

const columns = [
  { key: 'name', label: 'Name', width: '20%' },
  { key: 'domain', label: 'Domain', width: '16%' },
  { key: 'tenantId', label: 'Tenant ID', width: '18%' },
  { key: 'workspace', label: 'Workspace', width: '18%' },
  { key: 'status', label: 'Status', width: '20%' },
  { key: 'report', label: 'Report', width: '8%' },
];

const platformName = (id: string) => platformSummaries.find((p) => p.id === id)?.name ?? id;

/**
 * Every client tenant of every workspace in one table, virtualised like the Client tenants page's: only the rows
 * in view are in the page. A row's name opens that workspace's Client tenants page; "Report" saves the client's report.
 */
export function DashboardTable(props: {
  total: number;
  rowAt(index: number): DashboardRow | undefined;
  ensure(start: number, end: number): void;
  onOpen(row: DashboardRow): void;
  onReport(row: DashboardRow): void;
}) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual's hook returns functions React Compiler must not memoise; it is used as documented.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: props.total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensure } = props;
  useEffect(() => {
    if (props.total > 0) ensure(first, last);
  }, [ensure, first, last, props.total]);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scroller} className={styles.scroller} data-testid="dashboard-table-scroller" tabIndex={-1}>
      <table className={styles.table} aria-label="Client tenants in all workspaces" aria-rowcount={props.total + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={styles.th}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" style={{ height: `${top}px` }}>
              <td colSpan={columns.length} />
            </tr>
          ) : null}
          {items.map((item) => {
            const r = props.rowAt(item.index);
            if (!r) {
              return (
                <tr key={`loading-${item.index}`} className={styles.row} aria-rowindex={item.index + 2}>
                  <td className={styles.td} colSpan={columns.length}>
                    <Text className={styles.reason}>Loading…</Text>
                  </td>
                </tr>
              );
            }
            const label = r.name ?? r.domain ?? r.tenantId;
            return (
              <tr
                key={`${r.workspaceId}/${r.tenantId}`}
                className={mergeClasses(styles.row)}
                aria-rowindex={item.index + 2}
                data-testid="dashboard-row"
                data-tenant-id={r.tenantId}
                data-status={r.status}
              >
                <td className={styles.td}>
                  <Button appearance="transparent" className={styles.nameButton} onClick={() => props.onOpen(r)} aria-label={`Open ${label} in ${r.workspaceName}`}>
                    {r.name ?? '(no name)'}
                  </Button>
                </td>
                <td className={styles.td} title={r.domain ?? undefined}>
                  {r.domain ?? '—'}
                </td>
                <td className={mergeClasses(styles.td, styles.mono)} title={r.tenantId}>
                  {r.tenantId}
                </td>
                <td className={styles.td} title={`${r.workspaceName} (${platformName(r.platformId)})`}>
                  {r.workspaceName}
                  <span className={styles.reason}>{platformName(r.platformId)}</span>
                </td>
                <td className={styles.td} title={r.reason || undefined}>
                  <Badge appearance="tint" color={statusColors[r.status]} data-testid="dashboard-status">
                    {statusLabels[r.status]}
                  </Badge>
                  {r.reason ? <span className={styles.reason}>{r.reason}</span> : null}
                </td>
                <td className={styles.td}>
                  <Button size="small" onClick={() => props.onReport(r)} aria-label={`Report for ${label}`}>
                    Report
                  </Button>
                </td>
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true" style={{ height: `${bottom}px` }}>
              <td colSpan={columns.length} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
