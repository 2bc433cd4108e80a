import { displayOf } from './field-spec';
import { gridContexts } from './features';

/** The registered cell renderers: every grid shows its cells through these. */

/** Plain text, straight in the cell (which clips it with an ellipsis): one node per cell, no wrapper element. */
export function TextCell() {
  const cell = gridContexts.useCellContext();
  const spec = cell.column.columnDef.meta;
  if (!spec) return null;
  return displayOf(spec, cell.row.original);
}

export function BooleanCell() {
  const cell = gridContexts.useCellContext();
  const spec = cell.column.columnDef.meta;
  if (!spec) return null;
  const on = Boolean(spec.value(cell.row.original));
  return <span className={on ? 'cell-bool cell-bool-on' : 'cell-bool'}>{on ? 'Yes' : 'No'}</span>;
}

/** A visible badge with its own words, so it reads the same to a screen reader. */
export function ProvisionalCell() {
  const cell = gridContexts.useCellContext();
  const spec = cell.column.columnDef.meta;
  if (!spec) return null;
  return spec.value(cell.row.original) ? (
    <span className="badge badge-provisional">Provisional</span>
  ) : (
    <span className="cell-muted">Final</span>
  );
}

export function SortIndicator() {
  const header = gridContexts.useHeaderContext();
  const sorted = header.column.getIsSorted();
  return (
    <span className="sort-indicator" aria-hidden="true">
      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
    </span>
  );
}

/** The drag handle; keyboard users resize with Alt+Left/Right on the header instead. */
export function ResizeHandle() {
  const header = gridContexts.useHeaderContext();
  const handler = header.getResizeHandler();
  return (
    <span
      className={header.column.getIsResizing() ? 'resize-handle resizing' : 'resize-handle'}
      aria-hidden="true"
      onMouseDown={(event) => {
        event.stopPropagation();
        handler(event);
      }}
      onTouchStart={(event) => {
        event.stopPropagation();
        handler(event);
      }}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={() => header.column.resetSize()}
    />
  );
}
