import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { BoardpackError } from '../../../shared/errors';
import { suggestion, sameName } from '../../../shared/names';
import { checkRecordSize } from './size-limits';
import { isBlankRecord, type ReadCounter, type TableRecord } from './table-record';
import { xlsxCellText } from './xlsx-cell-text';
import { checkXlsxSizes } from './xlsx-size-guard';

/**
 * Streams the rows of one worksheet of an XLSX workbook with exceljs's
 * streaming reader (rows are never all in memory): the named sheet, or the
 * first. Each record carries its worksheet row number; empty rows are skipped.
 * A zip bomb or a file cut short is refused before exceljs sees it
 * (xlsx-size-guard.ts), a cell or row too big for a table as it is read.
 */
export async function* xlsxRecords(path: string, sheet?: string, counter?: ReadCounter): AsyncGenerator<TableRecord> {
  await checkXlsxSizes(path);
  const stream = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const seen: string[] = [];
  let header: readonly string[] | null = null;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? '';
      seen.push(name);
      const wanted = sheet === undefined ? seen.length === 1 : sameName(name, sheet);
      for await (const row of worksheet) {
        if (!wanted) continue;
        if (counter) counter.bytesRead = stream.bytesRead;
        const cells: string[] = [];
        const last = row.cellCount;
        for (let column = 1; column <= last; column += 1) {
          const cell = row.getCell(column);
          cells.push(xlsxCellText(cell.value, cell.numFmt));
        }
        if (isBlankRecord(cells)) continue;
        checkRecordSize(path, row.number, cells, header);
        header ??= cells.map((cell) => cell.trim());
        yield { row: row.number, cells };
      }
      if (wanted) return;
    }
  } catch (error) {
    if (error instanceof BoardpackError) throw error;
    throw new BoardpackError('invalid-input', `not readable as an XLSX workbook: ${(error as Error).message}`, {
      file: path,
    });
  } finally {
    stream.destroy();
  }
  throw new BoardpackError(
    'not-found',
    sheet === undefined ? 'the workbook has no worksheets' : `no worksheet "${sheet}"${suggestion(sheet, seen)}`,
    { file: path, ...(sheet === undefined ? {} : { field: 'sheet' }) },
  );
}
