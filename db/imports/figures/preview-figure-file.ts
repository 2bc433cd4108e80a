import { BoardpackError, type ErrorData } from '../../../shared/errors';
import { sniffFile } from '../files/sniff-file';
import { tableRecords } from '../files/table-records';
import type { TableRecord } from '../files/table-record';
import { planColumns, type ColumnPlan, type PlanOptions } from './column-plan';
import { parseFigureMapping, type FigureMapping } from './figure-mapping';

export interface FigureFilePreview {
  readonly file: string;
  /** "xlsx", or the CSV delimiter found. */
  readonly format: 'xlsx' | 'csv' | 'csv;' | 'csv-tab';
  readonly header: TableRecord;
  /** The first data rows, as text. */
  readonly rows: readonly TableRecord[];
  /** Which column is what, as the import would read it; null with `problem` when it cannot tell. */
  readonly plan: ColumnPlan | null;
  readonly problem: ErrorData | null;
}

/**
 * The first rows of a figures file and how the import would read its columns,
 * for the column-mapping screen: nothing is checked beyond the header, nothing
 * touches the database, and only the first rows are read.
 */
export async function previewFigureFile(
  file: string,
  options: PlanOptions & { readonly mapping?: FigureMapping; readonly rows?: number } = {},
): Promise<FigureFilePreview> {
  const kind = sniffFile(file);
  const format =
    kind.kind === 'xlsx' ? 'xlsx' : kind.delimiter === ',' ? 'csv' : kind.delimiter === ';' ? 'csv;' : 'csv-tab';
  const mapping = options.mapping ?? parseFigureMapping({});
  const wanted = options.rows ?? 10;
  let header: TableRecord | null = null;
  const rows: TableRecord[] = [];
  for await (const record of tableRecords(file, mapping.sheet ? { sheet: mapping.sheet } : {})) {
    if (header === null) header = record;
    else rows.push(record);
    if (rows.length >= wanted) break;
  }
  if (header === null) throw new BoardpackError('invalid-input', 'the file is empty', { file });
  try {
    return {
      file,
      format,
      header,
      rows,
      plan: planColumns(file, header.row, header.cells, mapping, options),
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof BoardpackError)) throw error;
    return { file, format, header, rows, plan: null, problem: error.toData() };
  }
}
