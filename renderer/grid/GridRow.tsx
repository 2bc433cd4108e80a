import { memo, type ContextType, type ReactNode } from 'react';
import type { Cell, RowData, Row as TableRow } from '@tanstack/react-table';
import { CellEditor, type EditEnd } from './CellEditor';
import { gridContexts, type GridFeatures } from './features';
import { isEditable, type FieldSpec } from './field-spec';
import { cellKey, type Draft, type EditingCell, type RowState } from './grid-types';
import { cellComponents } from './table-hook';

/** The hook's contexts are typed for every TanStack feature; this grid registers four. */
type CellInContext = ContextType<typeof gridContexts.cellContext>;

/**
 * A cell's content through the registered cell renderers, as AppCell and
 * FlexRender would render it: the cell gets the registered components (what
 * AppCell assigns), the column's `cell` picks one (`<cell.TextCell />`), and that
 * reads the cell from the hook's cell context. Called directly rather than
 * through those two components, which cost two more components per cell —
 * a quarter of the script of a frame that scrolls a screen of rows.
 */
function cellContent<Row extends RowData>(cell: Cell<GridFeatures, Row>): ReactNode {
  Object.assign(cell, cellComponents);
  const render = cell.column.columnDef.cell;
  return typeof render === 'function' ? (render(cell.getContext()) as ReactNode) : (render ?? null);
}

export interface GridRowProps<Row extends RowData> {
  readonly row: TableRow<GridFeatures, Row>;
  /** The row element's id, by which the rowgroup's aria-owns gives the rows' order. */
  readonly elementId: string;
  /** Position among the shown rows (0-based). */
  readonly index: number;
  /** Pixels down the body (rows are as wide as the body and ROW_HEIGHT tall: see app.css). */
  readonly top: number;
  /** Column widths, one array for as long as no column is resized. */
  readonly sizes: readonly number[];
  readonly specs: readonly FieldSpec<Row>[];
  readonly gridId: string;
  /** The column holding the grid's tab stop when it is in this row, else -1. */
  readonly activeCol: number;
  /** The cell being edited when it is in this row, else null. */
  readonly editing: EditingCell | null;
  /** The grid's drafts when this row has one, else null. */
  readonly drafts: ReadonlyMap<string, Draft> | null;
  readonly state: RowState | undefined;
  readonly selected: boolean | undefined;
  /** The editor's accessible name, while this row is edited. */
  readonly editorLabel?: string;
  readonly onEditText?: (text: string) => void;
  readonly onEditEnd?: (end: EditEnd) => void;
}

const classes = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/**
 * One data row of the grid. Memoised: while the grid scrolls, rows that stay in
 * view keep their props and are not rendered again; only the rows coming into
 * view are. Clicks and double-clicks on cells are handled by the grid, which
 * finds the cell by its data-cell attribute.
 */
function GridRowImpl<Row extends RowData>({
  row,
  elementId,
  index,
  top,
  sizes,
  specs,
  gridId,
  activeCol,
  editing,
  drafts,
  state,
  selected,
  editorLabel,
  onEditText,
  onEditEnd,
}: GridRowProps<Row>) {
  // Lifted over its neighbours while its editor or a refusal's message spills below it.
  const raised = editing !== null || specs.some((_, col) => drafts?.get(cellKey(row.id, col))?.message);
  return (
    <div
      role="row"
      id={elementId}
      aria-rowindex={index + 3}
      aria-selected={selected}
      data-row-id={row.id}
      data-state={state}
      className={classes(
        'grid-row',
        'grid-data-row',
        state && `row-${state}`,
        index % 2 === 1 && 'is-odd',
        raised && 'is-raised',
      )}
      style={{ top }}
    >
      {row.getAllCells().map((cell, col) => {
        const spec = specs[col];
        const key = cellKey(row.id, col);
        const draft = drafts?.get(key);
        const isActive = activeCol === col;
        const isEditing = editing !== null && editing.col === col;
        const errorId = draft?.message && !draft.conflict ? `${gridId}-error-${key}` : undefined;
        const editable = spec ? isEditable(spec) : false;
        return (
          <div
            role="gridcell"
            key={cell.column.id}
            aria-colindex={col + 1}
            aria-readonly={editable ? undefined : true}
            aria-invalid={draft?.message ? true : undefined}
            aria-describedby={errorId}
            tabIndex={isActive && !isEditing ? 0 : -1}
            data-cell={key}
            data-column={spec?.id}
            className={classes(
              'grid-cell',
              isActive && 'is-active',
              spec?.align === 'end' && 'align-end',
              isEditing && 'is-editing',
              !editable && 'is-readonly',
              draft?.message && 'has-error',
              draft && draft.message === null && 'is-saving',
            )}
            style={{ width: sizes[col] }}
          >
            {isEditing && spec && editing ? (
              <CellEditor
                spec={spec}
                text={editing.text}
                label={editorLabel ?? spec.header}
                errorId={errorId}
                onChange={(text) => onEditText?.(text)}
                onEnd={(end) => onEditEnd?.(end)}
              />
            ) : draft ? (
              <span className="cell-text">{draft.text}</span>
            ) : (
              <gridContexts.cellContext.Provider value={cell as unknown as CellInContext}>
                {cellContent(cell)}
              </gridContexts.cellContext.Provider>
            )}
            {errorId ? (
              <span id={errorId} className="cell-error">
                {draft?.message}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

export const GridRow = memo(GridRowImpl) as typeof GridRowImpl;
