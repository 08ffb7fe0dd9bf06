import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';

/**
 * The rows of a long table that are in view (and a few around them), for a real <table> that keeps only those in
 * the page: the spacer heights above and below them, and `ensure(first, last)` called whenever that window moves
 * so the page can load the rows it is about to show.
 */
export function useWindowedRows(o: { total: number; rowHeight: number; overscan: number; ensure(start: number, end: number): void }) {
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual's hook returns functions React Compiler must not memoise; it is used as documented.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: o.total, getScrollElement: () => scroller.current, estimateSize: () => o.rowHeight, overscan: o.overscan });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensure, total } = o;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [ensure, first, last, total]);
  return { scroller, items, top: items[0]?.start ?? 0, bottom: virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) };
}
