import type { ViewCell, ViewColumn, ViewRow } from '../../../shared/views/view-table';
import { createViewColumnHelper } from './table-hook';
import { ViewCellText } from './ViewCellText';

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** What a column sorts by: the exact number, else the printed text; nothing (sorted last either way) when empty. */
function sortValue(cell: ViewCell | undefined): number | string | undefined {
  if (!cell) return undefined;
  if (cell.kind === 'number') return cell.value ?? undefined;
  return cell.text === '' ? undefined : cell.text;
}

/** The table's columns from the view's: one accessor per column, rendered through ViewCellText. */
export function viewColumns(columns: readonly ViewColumn[]) {
  const helper = createViewColumnHelper<ViewRow>();
  return helper.columns(
    columns.map((column) =>
      helper.accessor((row: ViewRow) => sortValue(row.cells[column.id]), {
        id: column.id,
        header: column.header,
        meta: column,
        sortUndefined: 'last',
        sortFn: (a, b, columnId) => {
          const x = a.getValue<number | string>(columnId);
          const y = b.getValue<number | string>(columnId);
          if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
          return collator.compare(String(x), String(y));
        },
        cell: ({ row }) => <ViewCellText column={column} row={row.original} />,
      }),
    ),
  );
}
