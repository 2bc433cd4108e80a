/** One record of a table file: its row as the user sees it (CSV line or worksheet row, 1-based) and its cells as text. */
export interface TableRecord {
  readonly row: number;
  readonly cells: readonly string[];
}

/** Where a reader reports how far it has got, so an import can show progress. */
export interface ReadCounter {
  bytesRead: number;
}

/** True for a record that holds nothing (a blank line, or only delimiters): it is skipped like a blank line. */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
