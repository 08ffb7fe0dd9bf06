import { Badge, Button, makeStyles, mergeClasses } from '@fluentui/react-components';
import type { DashboardRow } from '../../../../shared/domain/dashboard';
import { platformName } from '../../../../shared/domain/platforms';
import { statusColors, statusLabels } from '../client-tenants/tenant-status-text';
import { useWindowedRows } from '../../components/use-windowed-rows';
import { WindowedTableBody } from '../../components/WindowedTableBody';
import { useWindowedTableStyles } from '../../components/windowed-table-styles';

const ROW_HEIGHT = 48;

const useStyles = makeStyles({
  // A fixed box whose contents never size it: rows mounting or scrolling in are laid out and painted inside it alone.
  frame: { height: '480px', contain: 'strict' },
  row: { height: `${ROW_HEIGHT}px` },
});

const columns = [
  { key: 'name', label: 'Name', width: '20%' },
  { key: 'domain', label: 'Domain', width: '16%' },
  { key: 'tenantId', label: 'Tenant ID', width: '18%' },
  { key: 'workspace', label: 'Workspace', width: '18%' },
  { key: 'status', label: 'Status', width: '20%' },
  { key: 'report', label: 'Report', width: '8%' },
];

/**
 * Every client tenant of every workspace in one table, virtualised like the Client tenants page's: only the rows
 * in view are in the page. A row's name opens that workspace's Client tenants page; "Report" saves the client's report.
 */
export function DashboardTable(props: DashboardTableProps) {
  const styles = useStyles();
  const shared = useWindowedTableStyles();
  const { scroller, items, top, bottom } = useWindowedRows({ total: props.total, rowHeight: ROW_HEIGHT, overscan: 10, ensure: props.ensure });

  return (
    <div ref={scroller} className={mergeClasses(shared.scroller, styles.frame)} data-testid="dashboard-table-scroller" tabIndex={-1}>
      <table className={shared.table} aria-label="Client tenants in all workspaces" aria-rowcount={props.total + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={shared.th}>
                {c.label}
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
          renderRow={(r, index) => <DashboardTableRow key={`${r.workspaceId}/${r.tenantId}`} row={r} index={index} props={props} />}
        />
      </table>
    </div>
  );
}

export interface DashboardTableProps {
  total: number;
  rowAt(index: number): DashboardRow | undefined;
  ensure(start: number, end: number): void;
  onOpen(row: DashboardRow): void;
  onReport(row: DashboardRow): void;
}

function DashboardTableRow({ row: r, index, props }: { row: DashboardRow; index: number; props: DashboardTableProps }) {
  const styles = useStyles();
  const shared = useWindowedTableStyles();
  const label = r.name ?? r.domain ?? r.tenantId;
  return (
    <tr
      className={mergeClasses(shared.row, styles.row)}
      aria-rowindex={index + 2}
      data-testid="dashboard-row"
      data-tenant-id={r.tenantId}
      data-status={r.status}
    >
      <td className={shared.td}>
        <Button appearance="transparent" className={shared.nameButton} onClick={() => props.onOpen(r)} aria-label={`Open ${label} in ${r.workspaceName}`}>
          {r.name ?? '(no name)'}
        </Button>
      </td>
      <td className={shared.td} title={r.domain ?? undefined}>
        {r.domain ?? '—'}
      </td>
      <td className={mergeClasses(shared.td, shared.mono)} title={r.tenantId}>
        {r.tenantId}
      </td>
      <td className={shared.td} title={`${r.workspaceName} (${platformName(r.platformId)})`}>
        {r.workspaceName}
        <span className={shared.reason}>{platformName(r.platformId)}</span>
      </td>
      <td className={shared.td} title={r.reason || undefined}>
        <Badge appearance="tint" color={statusColors[r.status]} data-testid="dashboard-status">
          {statusLabels[r.status]}
        </Badge>
        {r.reason ? <span className={shared.reason}>{r.reason}</span> : null}
      </td>
      <td className={shared.td}>
        <Button size="small" onClick={() => props.onReport(r)} aria-label={`Report for ${label}`}>
          Report
        </Button>
      </td>
    </tr>
  );
}
