import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { RAG_COLOURS } from '../../shared/charts/nivo-props';
import { csvSafe } from '../../shared/views/csv-safe';
import type { ViewFile } from '../../shared/views/view-file';
import type { EvaluatedView, NumberCell, NumberFormat, ViewCell, ViewRow } from '../../shared/views/view-table';

/**
 * An evaluated view as a file: CSV (UTF-8 with a BOM so Excel reads "£" and "–",
 * CRLF lines, numbers as bare numbers the way the table prints them, text made
 * safe from formula injection) or XLSX (numbers as numeric cells with number
 * formats, the exact values behind them, RAG as words on their colour, a Notes
 * sheet). Both carry the same columns as the table, plus "Provisional" when any
 * figure is.
 */

/** "domestic-burglary-apr-dec-2012-to-apr-dec-2013". */
export function fileStem(view: EvaluatedView): string {
  const stem = (view.name ?? view.title)
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, ' ')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .toLowerCase()
    .slice(0, 80)
    .replace(/-+$/, '');
  return stem === '' ? 'comparison' : stem;
}

const anyProvisional = (view: EvaluatedView) => view.rows.some((row) => row.provisional);

function csvValue(cell: ViewCell | undefined): string | number {
  if (!cell) return '';
  if (cell.kind === 'number' && cell.shown !== null) return cell.shown;
  return csvSafe(cell.text);
}

export function viewCsv(view: EvaluatedView): ViewFile {
  const provisional = anyProvisional(view);
  const header = [...view.columns.map((column) => column.header), ...(provisional ? ['Provisional'] : [])];
  const rows = view.rows.map((row) => [
    ...view.columns.map((column) => csvValue(row.cells[column.id])),
    ...(provisional ? [row.provisional ? 'provisional' : ''] : []),
  ]);
  const content = stringify([header.map((text) => csvSafe(text)), ...rows], { bom: true, record_delimiter: 'windows' });
  return { fileName: `${fileStem(view)}.csv`, mimeType: 'text/csv', encoding: 'utf8', content };
}

/** An Excel number format that prints a cell the way the table does. */
export function excelFormat(format: NumberFormat, value: number): string {
  const decimals = format.decimals > 0 ? `.${'0'.repeat(format.decimals)}` : '';
  const signed = (body: string, zero = body) => (format.signed ? `+${body};-${body};${zero}` : body);
  switch (format.style) {
    case 'number':
      return signed(`#,##0${decimals}`, `0${decimals}`);
    case 'percent':
      return signed(`0${decimals}%`);
    case 'points':
      return signed(`0${decimals}" pp"`);
    case 'percentage':
      return `0${decimals}"%"`;
    case 'money':
      return signed(Number.isInteger(value / 100) ? '"£"#,##0' : '"£"#,##0.00');
  }
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

function sheetName(view: EvaluatedView): string {
  const name = (view.name ?? 'Comparison').replace(SHEET_NAME_FORBIDDEN, ' ').trim().slice(0, 31);
  return name === '' ? 'Comparison' : name;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function writeNumber(cell: ExcelJS.Cell, number: NumberCell): void {
  if (number.value === null) {
    cell.value = number.text;
    cell.alignment = { horizontal: 'right' };
    return;
  }
  // Money is stored in pence; a spreadsheet wants pounds.
  cell.value = number.format.style === 'money' ? number.value / 100 : number.value;
  cell.numFmt = excelFormat(number.format, number.value);
  if (number.provisional) cell.note = 'Provisional figure: it may still be revised';
}

function writeRag(cell: ExcelJS.Cell, row: ViewRow): void {
  if (!row.rag) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(RAG_COLOURS[row.rag]) } };
  cell.font = { bold: true, color: { argb: row.rag === 'amber' ? 'FF1B1F24' : 'FFFFFFFF' } };
  if (row.ragReason) cell.note = row.ragReason;
}

export async function viewXlsx(view: EvaluatedView): Promise<ViewFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Boardpack';
  workbook.title = view.name ?? view.title;
  const sheet = workbook.addWorksheet(sheetName(view), { views: [{ state: 'frozen', ySplit: 1 }] });
  const provisional = anyProvisional(view);
  const headers = [...view.columns.map((column) => column.header), ...(provisional ? ['Provisional'] : [])];
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8C95A3' } } };
  });
  for (const row of view.rows) {
    const line = sheet.addRow([]);
    view.columns.forEach((column, index) => {
      const cell = line.getCell(index + 1);
      const value = row.cells[column.id];
      if (value?.kind === 'number') writeNumber(cell, value);
      else cell.value = value?.text ?? '';
      if (column.kind === 'rag') writeRag(cell, row);
    });
    if (provisional) line.getCell(view.columns.length + 1).value = row.provisional ? 'provisional' : '';
    if (row.kind === 'total') line.font = { bold: true };
    if (row.kind === 'comparator') line.font = { italic: true };
  }
  sheet.columns.forEach((column, index) => {
    const kind = view.columns[index]?.kind;
    column.width = kind === 'comparators' ? 48 : kind === 'indicator' || kind === 'area' ? 28 : 16;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };

  const notes = workbook.addWorksheet('Notes');
  notes.addRow([view.name ?? view.title]).font = { bold: true, size: 13 };
  notes.addRow([view.title]);
  for (const indicator of view.indicators) {
    notes.addRow([
      `${indicator.name}: ${indicator.unitText}, ${indicator.polarity}${indicator.definition ? `. ${indicator.definition}` : ''}`,
    ]);
  }
  for (const note of view.notes) notes.addRow([note]);
  notes.getColumn(1).width = 120;

  const buffer = await workbook.xlsx.writeBuffer();
  return {
    fileName: `${fileStem(view)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    content: Buffer.from(buffer).toString('base64'),
  };
}
