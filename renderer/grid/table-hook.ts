import { createTableHook } from '@tanstack/react-table';
import { BooleanCell, ProvisionalCell, ResizeHandle, SortIndicator, TextCell } from './cells';
import { gridContexts, gridFeatures } from './features';

/** The registered cell renderers: a column's `cell` picks one (`<cell.TextCell />`). */
export const cellComponents = { TextCell, BooleanCell, ProvisionalCell };

/** The registered header renderers: `<h.SortIndicator />`, `<h.ResizeHandle />`. */
export const headerComponents = { SortIndicator, ResizeHandle };

/** Features, defaults and cell renderers, set once for every grid in the app. */
export const { useAppTable, createAppColumnHelper } = createTableHook({
  features: gridFeatures,
  tableContext: gridContexts.tableContext,
  cellContext: gridContexts.cellContext,
  headerContext: gridContexts.headerContext,
  cellComponents,
  headerComponents,
  columnResizeMode: 'onChange',
  enableSortingRemoval: true,
  getRowId: (row: { readonly id: number }) => String(row.id),
});
