import { BoardpackError } from '../../../shared/errors';

/**
 * How big a table file's cells and rows may be. A spreadsheet cell holds at
 * most 32,767 characters (Excel's limit), and a row of figures is a few
 * hundred; a file beyond either was not saved from a table of figures, and
 * reading it on would hold megabytes of one row in memory and match them
 * against every name. Such a file is refused where it goes wrong.
 */
export const MAX_CELL_CHARS = 32_767;
export const MAX_ROW_CHARS = 1_048_576;

const count = (n: number): string => n.toLocaleString('en-GB');

/** A row past MAX_ROW_CHARS, naming the column being read when it got there (none in the header row). */
export function rowTooLong(file: string, row: number, column: string | undefined): BoardpackError {
  return new BoardpackError(
    'invalid-input',
    `a row of more than ${count(MAX_ROW_CHARS)} characters: rows of a table of figures are short; is this the right file?`,
    { file, row, ...(column ? { column } : {}) },
  );
}

/**
 * Refuses a record with a cell longer than MAX_CELL_CHARS or more than
 * MAX_ROW_CHARS characters in all, naming the file, row and (below the header)
 * the column.
 */
export function checkRecordSize(
  file: string,
  row: number,
  cells: readonly string[],
  header: readonly string[] | null,
): void {
  let total = 0;
  for (const [index, cell] of cells.entries()) {
    const column = header?.[index];
    if (cell.length > MAX_CELL_CHARS) {
      throw new BoardpackError(
        'invalid-input',
        `a cell of ${count(cell.length)} characters: more than a spreadsheet cell holds (${count(MAX_CELL_CHARS)}); is this the right file?`,
        { file, row, ...(column ? { column } : {}) },
      );
    }
    total += cell.length;
    if (total > MAX_ROW_CHARS) throw rowTooLong(file, row, column);
  }
}
