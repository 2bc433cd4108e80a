import { createSortedRowModel, createTableHook, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { ViewColumn, ViewRow } from '../../../shared/views/view-table';

/**
 * The read-only table of an evaluated comparison view (TanStack Table 9,
 * createTableHook): sorting only, on the exact numbers for numeric columns and
 * the printed text for the others. The editable grid (renderer/grid) is for
 * records; a computed table is never edited, so it has its own small hook.
 */
export const viewTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnMeta: {} as ViewColumn,
});

export const { useAppTable: useViewTable, createAppColumnHelper: createViewColumnHelper } = createTableHook({
  features: viewTableFeatures,
  enableSortingRemoval: true,
  // Smallest first on the first click, numbers too (-222 before -24): the board reads falls as negatives.
  sortDescFirst: false,
  getRowId: (row: ViewRow) => row.id,
});
