import type { ViewColumn, ViewRow } from '../../../shared/views/view-table';

/**
 * One cell as the view prints it: the engine's text, a visible "p" (read as
 * "provisional") beside provisional figures, and RAG as its word on its colour,
 * never colour alone.
 */
export function ViewCellText({ column, row }: { readonly column: ViewColumn; readonly row: ViewRow }) {
  const cell = row.cells[column.id];
  if (!cell) return null;
  if (column.kind === 'rag') {
    if (!row.rag) return <span className="cell-muted">{cell.text === '' ? '–' : cell.text}</span>;
    return (
      <span className={`rag rag-${row.rag}`} title={row.ragReason ?? undefined}>
        {cell.text}
      </span>
    );
  }
  if (cell.kind === 'number' && cell.provisional && column.kind === 'period') {
    return (
      <>
        {cell.text}
        <span className="provisional-mark" aria-hidden="true" title="provisional">
          p
        </span>
        <span className="visually-hidden"> (provisional)</span>
      </>
    );
  }
  return <>{cell.text}</>;
}
