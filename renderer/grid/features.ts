import {
  columnFilteringFeature,
  columnResizingFeature,
  columnSizingFeature,
  createTableHookContexts,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { FieldSpec } from './field-spec';

/**
 * The features every grid has: sorting, per-column filters, column sizing and
 * resizing. TanStack keeps their state and the header APIs; the rows are
 * sorted and filtered by the grid's own row view (row-view.ts) over keys
 * computed once per record, so no sorted or filtered row model is registered
 * (TanStack's would build an object per row of 100,000 on every change).
 */
export const gridFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  columnSizingFeature,
  columnResizingFeature,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columnMeta: {} as FieldSpec<any>,
});

export type GridFeatures = typeof gridFeatures;

/** Contexts shared by the hook and the registered cell components, kept apart so neither imports the other. */
export const gridContexts = createTableHookContexts<GridFeatures>();
