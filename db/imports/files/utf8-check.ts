import { BoardpackError } from '../../../shared/errors';

/** Text that did not decode as UTF-8 carries U+FFFD: a file saved in another encoding (Windows-1252's "£" is 0xA3). */
const NOT_UTF8 = '\uFFFD';

/** Refuses a record with a cell that is not UTF-8 text, naming the file, row and (below the header) the column. */
export function checkUtf8(file: string, row: number, cells: readonly string[], header: readonly string[] | null): void {
  const bad = cells.findIndex((cell) => cell.includes(NOT_UTF8));
  if (bad === -1) return;
  const column = header?.[bad];
  throw new BoardpackError('invalid-input', 'the file is not UTF-8 text; save it as CSV UTF-8', {
    file,
    row,
    ...(column ? { column } : {}),
  });
}
