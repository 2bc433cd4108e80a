import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { BoardpackError } from '../../../shared/errors';
import { checkRecordSize, MAX_ROW_CHARS, rowTooLong } from './size-limits';
import { isBlankRecord, type ReadCounter, type TableRecord } from './table-record';
import { checkUtf8 } from './utf8-check';

interface CsvInfo {
  readonly lines: number;
  readonly empty_lines: number;
}

/**
 * Streams a CSV file's records through csv-parse, never holding the file in
 * memory: a UTF-8 BOM is dropped, CRLF, LF and CR line endings may be mixed,
 * quoted fields may hold delimiters and line breaks, blank lines (and lines of
 * only delimiters) are skipped. Each record carries the line it starts on.
 * A malformed quote, a record longer or shorter than the header, text that
 * is not UTF-8, or a cell or row too big for a table (size-limits.ts: csv-parse
 * stops at MAX_ROW_CHARS, so a 10 MB line is never held whole) is refused
 * naming the file, row and (where known) column.
 */
export async function* csvRecords(path: string, delimiter: string, counter?: ReadCounter): AsyncGenerator<TableRecord> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  // The line the parser's latest record ended on. The parser reads ahead of the loop below (by as much as a
  // slow consumer, a database write per row, lets it), and its error drops what it had buffered: an unclosed
  // quote is placed after the last record parsed, not the last one consumed.
  let parsedLine = 0;
  const parser = stream.pipe(
    parse({
      bom: true,
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: MAX_ROW_CHARS,
      on_record: (record, context) => {
        parsedLine = context.lines;
        return record;
      },
    }),
  );
  let header: readonly string[] | null = null;
  let lastLine = 0;
  let lastEmpty = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: CsvInfo }>) {
      const { record, info } = item;
      const row = lastLine + 1 + (info.empty_lines - lastEmpty);
      lastLine = info.lines;
      lastEmpty = info.empty_lines;
      if (counter) counter.bytesRead = stream.bytesRead;
      if (isBlankRecord(record)) continue;
      checkUtf8(path, row, record, header);
      checkRecordSize(path, row, record, header);
      if (header && record.length !== header.length) {
        throw new BoardpackError(
          'invalid-input',
          `this row has ${record.length} cells but the header has ${header.length}` +
            (delimiter === ',' ? '' : ` (cells separated by ${delimiter === '\t' ? 'tabs' : `"${delimiter}"`})`),
          { file: path, row },
        );
      }
      header ??= record.map((cell) => cell.trim());
      yield { row, cells: record };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw csvProblem(error, path, header, parsedLine + 1);
  } finally {
    stream.destroy();
  }
}

/**
 * A csv-parse error as a BoardpackError. An unclosed quote is reported at the
 * record it opens in (csv-parse reports the end of the file); other quote
 * errors at their own line and field.
 */
function csvProblem(
  error: CsvError,
  path: string,
  header: readonly string[] | null,
  nextRecordLine: number,
): BoardpackError {
  const details = error as CsvError & { lines?: number; index?: number };
  const row = error.code === 'CSV_QUOTE_NOT_CLOSED' ? nextRecordLine : (details.lines ?? nextRecordLine);
  const column = typeof details.index === 'number' ? header?.[details.index] : undefined;
  if (error.code === 'CSV_MAX_RECORD_SIZE') return rowTooLong(path, row, column);
  const what =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quote opened here is never closed'
      : error.message.replace(/ at line \d+.*$/, '');
  return new BoardpackError('invalid-input', `not readable as CSV: ${what}`, {
    file: path,
    row,
    ...(column ? { column } : {}),
  });
}
