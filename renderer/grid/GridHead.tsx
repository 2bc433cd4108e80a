import { memo, type ComponentType, type ReactNode } from 'react';
import type { Header, RowData } from '@tanstack/react-table';
import type { GridFeatures } from './features';
import type { FieldSpec } from './field-spec';
import { cellKey, FILTER_ROW, HEADER_ROW } from './grid-types';
import type { headerComponents } from './table-hook';

type GridHeader<Row extends RowData> = Header<GridFeatures, Row, unknown>;

/** The hook's AppHeader: gives a header to the registered header renderers. Stable for the table's life. */
export type AppHeaderComponent<Row extends RowData> = ComponentType<{
  header: GridHeader<Row>;
  children: (header: GridHeader<Row> & typeof headerComponents) => ReactNode;
}>;

export interface GridHeadProps<Row extends RowData> {
  readonly AppHeader: AppHeaderComponent<Row>;
  readonly headers: readonly GridHeader<Row>[];
  readonly specs: readonly FieldSpec<Row>[];
  readonly width: number;
  /** Column widths, one array for as long as no column is resized. */
  readonly sizes: readonly number[];
  /** The column holding the tab stop in the header row, or in the filter row; else -1. */
  readonly activeHeader: number;
  readonly activeFilter: number;
  /** The table's sorting, filters and resizing state: the head renders again when they change. */
  readonly sorting: unknown;
  readonly filters: unknown;
  readonly resizing: unknown;
  /** Stable: a header was clicked (with Shift: sort by it as well). */
  readonly onHeaderClick: (col: number, shiftKey: boolean) => void;
  /** Stable: a filter box took the focus. */
  readonly onFilterFocus: (col: number) => void;
}

const classes = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/**
 * The grid's header row (sort by clicking or Enter; resize by dragging or
 * Alt+Left/Right) and its row of filters. Memoised: an edit, a keyboard move in
 * the body or new rows do not render them again.
 */
function GridHeadImpl<Row extends RowData>({
  AppHeader,
  headers,
  specs,
  width,
  sizes,
  activeHeader,
  activeFilter,
  onHeaderClick,
  onFilterFocus,
}: GridHeadProps<Row>) {
  return (
    <div role="rowgroup" className="grid-head" style={{ width }}>
      <div role="row" aria-rowindex={1} className="grid-row grid-header-row">
        {headers.map((header, col) => {
          const sorted = header.column.getIsSorted();
          return (
            <AppHeader header={header} key={header.id}>
              {(h) => (
                <div
                  role="columnheader"
                  aria-colindex={col + 1}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  tabIndex={activeHeader === col ? 0 : -1}
                  data-cell={cellKey(HEADER_ROW, col)}
                  className={classes('grid-header', activeHeader === col && 'is-active')}
                  style={{ width: sizes[col] }}
                  title="Sort (Enter); resize with Alt+Left/Right"
                  onClick={(event) => onHeaderClick(col, event.shiftKey)}
                >
                  <span className="header-label">{specs[col]?.header}</span>
                  <h.SortIndicator />
                  <h.ResizeHandle />
                </div>
              )}
            </AppHeader>
          );
        })}
      </div>
      <div role="row" aria-rowindex={2} className="grid-row grid-filter-row">
        {headers.map((header, col) => (
          <div
            role="gridcell"
            aria-colindex={col + 1}
            key={header.id}
            className="grid-filter-cell"
            style={{ width: sizes[col] }}
          >
            <input
              type="search"
              className="grid-filter"
              aria-label={`Filter ${specs[col]?.header ?? ''}`}
              placeholder="Filter…"
              tabIndex={activeFilter === col ? 0 : -1}
              data-cell={cellKey(FILTER_ROW, col)}
              value={(header.column.getFilterValue() as string | undefined) ?? ''}
              onFocus={() => onFilterFocus(col)}
              onChange={(event) =>
                header.column.setFilterValue(event.target.value === '' ? undefined : event.target.value)
              }
            />
          </div>
        ))}
      </div>
    </div>
  );
}

export const GridHead = memo(GridHeadImpl) as typeof GridHeadImpl;
