import { stringify } from 'csv-stringify/sync';
import { BoardpackError } from '../../../shared/errors';
import { nearestNames } from '../../../shared/names';
import type { PackCell, PackColumn, PackDocument } from '../../../shared/pack/document';
import { csvSafe } from '../../../shared/views/csv-safe';
import { shownNumber } from '../../../shared/views/build-view-table';
import { csvTables, type PackCsvTable } from './pack-tables';

/**
 * One CSV file per table of the pack, written as the views' CSV export writes
 * (db/services/view-exports.ts): UTF-8 with a BOM so Excel reads "£" and "–",
 * CRLF lines, a header row of the column headings (the caption is the file's
 * name, not a row), and "Provisional" as a last column when any figure is.
 *
 * Numbers are written as the pack prints them, bare: "-45%" is -45, "£75,000"
 * is 75000, "1,108" is 1108, "6.7" is 6.7. The exact value behind a cell (a
 * ratio for a % change, pence for money) is not written: a reader comparing the
 * CSV with the printed pack finds the same numbers, and a spreadsheet does no
 * rounding of its own. A numeric cell with no number ("–", "no base figure")
 * is written as its text. Text that a spreadsheet could run as a formula gets
 * a leading apostrophe (shared/views/csv-safe.ts), captions and headings too.
 */

export interface PackTableFile {
  readonly id: string;
  readonly caption: string;
  /** "03-item-12-table-1-domestic-burglary-by-police-area.csv": agenda number first, so files sort as the pack. */
  readonly fileName: string;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, ' ')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .toLowerCase();
}

function fileName(table: PackCsvTable): string {
  const stem = `${String(table.sectionNumber).padStart(2, '0')}-${slug(table.id)}-${slug(table.caption)}`;
  return `${stem.slice(0, 100).replace(/-+$/, '')}.csv`;
}

/** The tables a pack's CSV export writes, one file each. */
export function packTables(document: PackDocument): readonly PackTableFile[] {
  return csvTables(document).map((table) => ({ id: table.id, caption: table.caption, fileName: fileName(table) }));
}

function csvCell(column: PackColumn | undefined, cell: PackCell | undefined): string | number {
  if (!cell) return '';
  if (column?.numeric && cell.value !== null) {
    const shown = shownNumber(cell.text);
    if (shown !== null) return shown;
  }
  return csvSafe(cell.text);
}

/** One table of the pack as CSV text (with its BOM); an unknown id is refused with the ids there are. */
export function packTableCsv(document: PackDocument, tableId: string): string {
  const tables = csvTables(document);
  const table = tables.find((candidate) => candidate.id === tableId);
  if (!table) {
    const ids = tables.map((candidate) => candidate.id);
    const listed =
      ids.length === 0
        ? 'this pack has no tables'
        : `its tables are ${nearestNames(tableId, ids, ids.length)
            .map((id) => `"${id}"`)
            .join(', ')}`;
    throw new BoardpackError('not-found', `No table "${tableId}" in the pack; ${listed}`, { field: 'tableId' });
  }
  const provisional = table.rows.some((row) => row.cells.some((cell) => cell.provisional === true));
  const header = [...table.columns.map((column) => column.header), ...(provisional ? ['Provisional'] : [])];
  const rows = table.rows.map((row) => [
    ...table.columns.map((column, index) => csvCell(column, row.cells[index])),
    ...(provisional ? [row.cells.some((cell) => cell.provisional === true) ? 'provisional' : ''] : []),
  ]);
  return stringify([header.map((text) => csvSafe(text)), ...rows], { bom: true, record_delimiter: 'windows' });
}
