import { BoardpackError } from '../../../shared/errors';
import { csvRecords } from './csv-records';
import { sniffFile } from './sniff-file';
import type { ReadCounter, TableRecord } from './table-record';
import { xlsxRecords } from './xlsx-records';

export interface TableReadOptions {
  /** The worksheet of a workbook; the first when absent. Ignored for CSV. */
  readonly sheet?: string;
  readonly counter?: ReadCounter;
}

/**
 * The records of a CSV or XLSX file (told apart by their bytes, not their
 * names), streamed. A file with no records at all is refused as empty.
 */
export async function* tableRecords(path: string, options: TableReadOptions = {}): AsyncGenerator<TableRecord> {
  const kind = sniffFile(path);
  const records =
    kind.kind === 'xlsx'
      ? xlsxRecords(path, options.sheet, options.counter)
      : csvRecords(path, kind.delimiter, options.counter);
  let any = false;
  for await (const record of records) {
    any = true;
    yield record;
  }
  if (!any) throw new BoardpackError('invalid-input', 'the file is empty', { file: path });
}
