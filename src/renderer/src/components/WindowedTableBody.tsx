import { Text, mergeClasses } from '@fluentui/react-components';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { ReactNode } from 'react';
import { useWindowedTableStyles } from './windowed-table-styles';

/**
 * The body of a windowed table (useWindowedRows): a spacer row for the rows above the window, the rows in it (a
 * "Loading…" row where a block has not arrived yet) and a spacer for the rows below, so the scrollbar is the whole
 * list's while only the window is in the page. `renderRow` draws a loaded row; its aria-rowindex is index + 2
 * (the header is row 1).
 */
export function WindowedTableBody<T>(props: {
  items: VirtualItem[];
  top: number;
  bottom: number;
  columnCount: number;
  /** The class of every row, loading rows included (their fixed height). */
  rowClassName: string;
  rowAt(index: number): T | undefined;
  renderRow(row: T, index: number): ReactNode;
}) {
  const shared = useWindowedTableStyles();
  return (
    <tbody>
      {props.top > 0 ? (
        <tr aria-hidden="true" style={{ height: `${props.top}px` }}>
          <td colSpan={props.columnCount} />
        </tr>
      ) : null}
      {props.items.map((item) => {
        const row = props.rowAt(item.index);
        if (row) return props.renderRow(row, item.index);
        return (
          <tr key={`loading-${item.index}`} className={mergeClasses(shared.row, props.rowClassName)} aria-rowindex={item.index + 2}>
            <td className={shared.td} colSpan={props.columnCount}>
              <Text className={shared.reason}>Loading…</Text>
            </td>
          </tr>
        );
      })}
      {props.bottom > 0 ? (
        <tr aria-hidden="true" style={{ height: `${props.bottom}px` }}>
          <td colSpan={props.columnCount} />
        </tr>
      ) : null}
    </tbody>
  );
}
