import type { FieldSpec } from './field-spec';

export const ROW_HEIGHT = 34;
export const HEADER_HEIGHT = 36;
export const FILTER_HEIGHT = 36;
export const HEAD_HEIGHT = HEADER_HEIGHT + FILTER_HEIGHT;

/** The cell that has the grid's one tab stop: a row id, or the header or filter row; and a column index. */
export interface ActiveCell {
  readonly row: string;
  readonly col: number;
}

export const HEADER_ROW = 'header';
export const FILTER_ROW = 'filter';

/** What was typed in a cell and not (yet) saved: saving now, or refused with a reason. */
export interface Draft {
  readonly text: string;
  readonly message: string | null;
  /** Refused as stale, while the grid asks the user beside the cell (the question says why, not the cell). */
  readonly conflict?: boolean;
}

export type RowState = 'saving' | 'saved' | 'failed';

export interface EditingCell {
  readonly row: string;
  readonly col: number;
  readonly text: string;
}

export const cellKey = (row: string, col: number) => `${row}:${col}`;

/** A block pasted at a cell: the grid's rows and columns as shown, and where the block starts. */
export interface GridPaste<Row> {
  readonly cells: string[][];
  /** Index into `rows` of the first pasted line; `rows.length` when pasted below the last row. */
  readonly rowIndex: number;
  readonly colIndex: number;
  readonly rows: readonly Row[];
  readonly specs: readonly FieldSpec<Row>[];
}
