import { useMemo } from 'react';
import type { EvaluatedView } from '../../../shared/views/view-table';
import { viewColumns } from './columns';
import { useViewTable } from './table-hook';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * An evaluated view as a read-only, sortable table: a real <table> with a
 * caption, column headers whose buttons sort (Enter or Space; again to reverse,
 * a third time to restore the view's order), and each row headed by its area.
 */
export function ViewGrid({ view, caption }: { readonly view: EvaluatedView; readonly caption: string }) {
  // One indicator: its name and unit are in the line above the table, not repeated on every row (exports keep them).
  const single = view.indicators.length === 1;
  const columns = useMemo(
    () =>
      viewColumns(
        single ? view.columns.filter((column) => column.kind !== 'indicator' && column.kind !== 'unit') : view.columns,
      ),
    [view.columns, single],
  );
  const rows = useMemo(() => [...view.rows], [view.rows]);
  const table = useViewTable({ data: rows, columns });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  return (
    <div className="view-table-scroll">
      <table className="plain-table view-table" aria-label={caption}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => {
              const meta = header.column.columnDef.meta;
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={meta?.numeric ? 'num' : undefined}
                  aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={(event) => header.column.toggleSorting(undefined, event.shiftKey)}
                    title={`Sort by ${meta?.header ?? header.id}`}
                  >
                    {meta?.header ?? header.id}
                    <span className="sort-indicator" aria-hidden="true">
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={`view-row view-row-${row.original.kind}`} data-row={row.original.id}>
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const className = meta?.numeric ? 'num' : undefined;
                return meta?.kind === 'area' ? (
                  <th key={cell.id} scope="row" className={className} data-column={cell.column.id}>
                    <table.FlexRender cell={cell} />
                  </th>
                ) : (
                  <td key={cell.id} className={className} data-column={cell.column.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
