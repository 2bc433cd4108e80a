import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { BoardpackError } from '../../shared/errors';
import { checkRecordSize } from '../imports/files/size-limits';
import { checkUtf8 } from '../imports/files/utf8-check';
import { zodIssueWhere } from './zod-where';

/**
 * Parses CSV text with a header line and validates every row against `row`.
 * Throws a BoardpackError naming the file, row (header is row 1) and column of the
 * first problem (text that is not UTF-8, a cell too big for a table, a value
 * its schema refuses); returns nothing partial.
 */
export function readCsvRows<Schema extends z.ZodType>(file: string, text: string, row: Schema): z.output<Schema>[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      bom: true,
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new BoardpackError('invalid-input', `not readable as CSV: ${(error as Error).message}`, {
      file,
      ...(line === undefined ? {} : { row: line }),
    });
  }
  return records.map((record, index) => {
    const [columns, cells] = [Object.keys(record), Object.values(record)];
    checkUtf8(file, index + 2, cells, columns);
    checkRecordSize(file, index + 2, cells, columns);
    const result = row.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new BoardpackError('invalid-input', issue?.message ?? 'invalid row', {
        file,
        row: index + 2,
        ...zodIssueWhere(issue, 'column'),
      });
    }
    return result.data;
  });
}
