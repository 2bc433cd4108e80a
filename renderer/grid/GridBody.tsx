import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { HEAD_HEIGHT, ROW_HEIGHT } from './grid-types';

interface GridBodyProps {
  /** How many rows are shown (after filters). */
  readonly count: number;
  /** The id of the row shown at `index`. */
  readonly idAt: (index: number) => string | undefined;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  /** Index of the row holding the tab stop: always rendered, and scrolled to when it moves. */
  readonly activeIndex: number;
  readonly scrollToActive: number;
  readonly width: number;
  /** The row at `index`, `top` pixels down the body, rendered under the React key `slot`. */
  readonly renderRow: (index: number, top: number, slot: string) => ReactNode;
  /** The DOM id a row's element has (for aria-owns). */
  readonly rowElementId: (id: string) => string;
}

const estimateSize = () => ROW_HEIGHT;

/**
 * Which element each row in view is rendered into. A row that stays in view
 * keeps its slot; a row coming into view takes the slot of one that left, so
 * React reuses that row's elements (new text and attributes) instead of
 * removing them and building new ones; and the elements stay in slot order in
 * the DOM, so none is moved either (a moved element is styled and laid out
 * afresh: keeping rows in screen order cost a third of a scrolling frame). The
 * rows' order for assistive technology is the screen order, given by the
 * rowgroup's aria-owns (and each row's aria-rowindex). The active row never
 * leaves the rendered rows (see the range extractor), so the focused cell is
 * never reused.
 */
class RowSlots {
  private slots = new Map<string, number>();
  private made = 0;

  /** Each id's slot, keeping those already placed; new ids take freed slots, lowest first. */
  assign(ids: readonly string[]): ReadonlyMap<string, number> {
    const current = new Set(ids);
    const free: number[] = [];
    for (const [id, slot] of this.slots) {
      if (!current.has(id)) {
        this.slots.delete(id);
        free.push(slot);
      }
    }
    free.sort((a, b) => b - a);
    for (const id of ids) {
      if (!this.slots.has(id)) this.slots.set(id, free.pop() ?? this.made++);
    }
    return this.slots;
  }
}

/**
 * The grid's rows, virtualised: only the rows in view (plus a few, plus the
 * active one) are in the DOM, so 100,000 figures scroll as smoothly as ten.
 * Rows have one fixed height, so the virtualiser's items are keyed by position
 * (its default): sorting, filtering or editing never makes it measure again.
 */
export function GridBody({
  count,
  idAt,
  scrollRef,
  activeIndex,
  scrollToActive,
  width,
  renderRow,
  rowElementId,
}: GridBodyProps) {
  const getScrollElement = useCallback(() => scrollRef.current, [scrollRef]);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex >= 0 && activeIndex < count && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeIndex, count],
  );
  const virtualizer = useVirtualizer({
    count,
    getScrollElement,
    estimateSize,
    overscan: 10,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    rangeExtractor,
  });
  const slots = useRef<RowSlots>(null);
  slots.current ??= new RowSlots();

  // Keyboard moves bring the active row into view before the cell takes focus. A row already in view
  // (by the scroll position and size the virtualiser last saw) is left alone: scrolling to it would
  // read the layout, making the browser lay out the page in the middle of a keystroke.
  useLayoutEffect(() => {
    if (scrollToActive === 0 || activeIndex < 0) return;
    const offset = virtualizer.scrollOffset;
    const height = virtualizer.scrollRect?.height;
    if (offset !== null && height !== undefined) {
      const top = HEAD_HEIGHT + activeIndex * ROW_HEIGHT;
      if (top >= offset + HEAD_HEIGHT && top + ROW_HEIGHT <= offset + height) return;
    }
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [scrollToActive, activeIndex, virtualizer]);

  const items = virtualizer.getVirtualItems().flatMap((item) => {
    const id = idAt(item.index);
    return id === undefined ? [] : [{ id, index: item.index, top: item.start - HEAD_HEIGHT }];
  });
  const slotOf = slots.current.assign(items.map((item) => item.id));
  const inSlotOrder = items
    .map((item) => ({ ...item, slot: slotOf.get(item.id) ?? 0 }))
    .sort((a, b) => a.slot - b.slot);
  return (
    <div
      role="rowgroup"
      className="grid-body"
      style={{ height: virtualizer.getTotalSize(), width }}
      aria-owns={items.length > 0 ? items.map((item) => rowElementId(item.id)).join(' ') : undefined}
    >
      {inSlotOrder.map((item) => renderRow(item.index, item.top, `slot-${item.slot}`))}
    </div>
  );
}
