import {
  columnFilteringFeature,
  columnResizingFeature,
  columnSizingFeature,
  createFilteredRowModel,
  createSortedRowModel,
  createTableHookContexts,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { FieldSpec } from './field-spec';

/** The features every grid has: sorting, per-column filters, column sizing and resizing. */
export const gridFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  columnSizingFeature,
  columnResizingFeature,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columnMeta: {} as FieldSpec<any>,
});

export type GridFeatures = typeof gridFeatures;

/** Contexts shared by the hook and the registered cell components, kept apart so neither imports the other. */
export const gridContexts = createTableHookContexts<GridFeatures>();
