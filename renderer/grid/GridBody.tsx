import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, type ReactNode, type RefObject } from 'react';
import type { RowData, Row as TableRow } from '@tanstack/react-table';
import type { GridFeatures } from './features';
import { HEAD_HEIGHT, ROW_HEIGHT } from './grid-types';

interface GridBodyProps<Row extends RowData> {
  readonly rows: readonly TableRow<GridFeatures, Row>[];
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  /** Index of the row holding the tab stop: always rendered, and scrolled to when it moves. */
  readonly activeIndex: number;
  readonly scrollToActive: number;
  readonly width: number;
  readonly renderRow: (row: TableRow<GridFeatures, Row>, index: number, style: React.CSSProperties) => ReactNode;
}

const estimateSize = () => ROW_HEIGHT;

/**
 * The grid's rows, virtualised: only the rows in view (plus a few, plus the
 * active one) are in the DOM, so 100,000 figures scroll as smoothly as ten.
 */
export function GridBody<Row extends RowData>({
  rows,
  scrollRef,
  activeIndex,
  scrollToActive,
  width,
  renderRow,
}: GridBodyProps<Row>) {
  // Stable callbacks: a new getItemKey makes the virtualiser re-measure every row (100,000 of them) on each scroll.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const getScrollElement = useCallback(() => scrollRef.current, [scrollRef]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize,
    overscan: 10,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    getItemKey,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex >= 0 && activeIndex < rows.length && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
  });

  // Keyboard moves bring the active row into view before the cell takes focus.
  useLayoutEffect(() => {
    if (scrollToActive > 0 && activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [scrollToActive, activeIndex, virtualizer]);

  return (
    <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        return renderRow(row, item.index, {
          transform: `translateY(${item.start - HEAD_HEIGHT}px)`,
          height: ROW_HEIGHT,
          width,
        });
      })}
    </div>
  );
}
