import type { PackCell, PackColumn, PackRow, PackTable } from '../../../shared/pack/document';
import type { EvaluatedView, ViewColumn, ViewRow } from '../../../shared/views/view-table';

/**
 * An evaluated comparison view as a pack table: the view's own columns, cells
 * and notes (never recomputed), a RAG cell carrying its colour and its word,
 * total and comparator rows marked, and each indicator's definition under the
 * table. One indicator's name goes in the caption rather than in every row.
 */

const ROW_KINDS: Readonly<Record<ViewRow['kind'], PackRow['kind']>> = {
  area: 'body',
  total: 'total',
  comparator: 'comparator',
};

function shownColumns(view: EvaluatedView): ViewColumn[] {
  const several = view.indicators.length > 1;
  return view.columns.filter((column) => column.kind !== 'unit' && (several || column.kind !== 'indicator'));
}

function cellOf(row: ViewRow, column: ViewColumn): PackCell {
  const cell = row.cells[column.id];
  if (column.kind === 'rag') return { text: cell?.text ?? '', rag: row.rag };
  if (cell?.kind === 'number') {
    return { text: cell.text, value: cell.value, ...(cell.provisional ? { provisional: true } : {}) };
  }
  return { text: cell?.text ?? '' };
}

/** "Domestic burglary (count): Apr-Dec 2012 to Apr-Dec 2013", or the view's own name when it has one. */
function captionOf(view: EvaluatedView): string {
  const [only] = view.indicators;
  if (view.name) return view.name;
  return view.indicators.length === 1 && only ? `${view.title} (${only.unitText})` : view.title;
}

export function viewPackTable(view: EvaluatedView, id: string): PackTable {
  const columns = shownColumns(view);
  const definitions = view.indicators.flatMap((indicator) =>
    indicator.definition ? [`${indicator.name} (${indicator.unitText}): ${indicator.definition}`] : [],
  );
  return {
    id,
    caption: captionOf(view),
    columns: columns.map((column): PackColumn => ({ header: column.header, numeric: column.numeric })),
    rows: view.rows.map((row): PackRow => ({
      id: row.id,
      kind: ROW_KINDS[row.kind],
      cells: columns.map((column) => cellOf(row, column)),
    })),
    notes: [...view.notes, ...definitions],
  };
}
