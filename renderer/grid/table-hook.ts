import { createTableHook } from '@tanstack/react-table';
import { BooleanCell, ProvisionalCell, ResizeHandle, SortIndicator, TextCell } from './cells';
import { gridContexts, gridFeatures } from './features';

/** Features, defaults and cell renderers, set once for every grid in the app. */
export const { useAppTable, createAppColumnHelper } = createTableHook({
  features: gridFeatures,
  tableContext: gridContexts.tableContext,
  cellContext: gridContexts.cellContext,
  headerContext: gridContexts.headerContext,
  cellComponents: { TextCell, BooleanCell, ProvisionalCell },
  headerComponents: { SortIndicator, ResizeHandle },
  columnResizeMode: 'onChange',
  enableSortingRemoval: true,
  getRowId: (row: { readonly id: number }) => String(row.id),
});
