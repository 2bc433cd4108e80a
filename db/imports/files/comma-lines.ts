import { createReadStream } from 'node:fs';
import { BoardpackError } from '../../../shared/errors';
import { checkRecordSize, MAX_CELL_CHARS, MAX_ROW_CHARS, rowTooLong } from './size-limits';
import type { ReadCounter } from './table-record';
import { checkUtf8 } from './utf8-check';

/** Splits one record's text on commas outside quotes; "" inside quotes is one quote. */
function splitQuoted(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

function quoteCount(text: string): number {
  let count = 0;
  for (let index = text.indexOf('"'); index !== -1; index = text.indexOf('"', index + 1)) count += 1;
  return count;
}

/**
 * Streams a comma-separated file with RFC 4180 quoting (quoted commas, quotes
 * and line breaks), LF or CRLF line endings and an optional UTF-8 BOM, calling
 * `onRecord` with each record's cells and the line it starts on; blank lines
 * are skipped. Memory holds one chunk and one record, whatever the file's
 * size: a record past MAX_ROW_CHARS (size-limits.ts) is refused as soon as it
 * gets there, as are a cell past MAX_CELL_CHARS and text that is not UTF-8,
 * naming the row and the header's name for the column. Made for
 * machine-written files such as police.uk's, where a line without quotes
 * (nearly all of them) is split with one native call: several times faster than a general CSV parser, which the figures import keeps for
 * the wider variety of files people save from spreadsheets.
 */
export async function readCommaLines(
  path: string,
  onRecord: (cells: string[], row: number) => void,
  options: { readonly counter?: ReadCounter; readonly afterChunk?: () => void } = {},
): Promise<void> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
  let carry = '';
  let line = 0;
  let first = true;
  let pending: string | null = null;
  let pendingStart = 0;
  let header: string[] | null = null;
  /** True from the first chunk that holds U+FFFD, the mark of text that was not UTF-8: its records are checked. */
  let notUtf8 = false;
  const emit = (cells: string[], row: number, length: number): void => {
    if (notUtf8) checkUtf8(path, row, cells, header);
    if (length > MAX_CELL_CHARS) checkRecordSize(path, row, cells, header);
    header ??= cells;
    onRecord(cells, row);
  };
  /** The record being read has passed MAX_ROW_CHARS: refused, naming the column it had reached. */
  const tooLong = (partial: string, row: number): BoardpackError =>
    rowTooLong(path, row, header?.[splitQuoted(partial).length - 1]);
  /** The record still being read when a chunk ends must not have passed MAX_ROW_CHARS either. */
  const checkCarry = (): void => {
    if (carry.length <= MAX_ROW_CHARS) return;
    throw pending === null ? tooLong(carry, line + 1) : tooLong(`${pending}\n${carry}`, pendingStart);
  };
  const take = (raw: string): void => {
    line += 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (pending !== null) {
      pending += `\n${text}`;
      if (pending.length > MAX_ROW_CHARS) throw tooLong(pending, pendingStart);
      if (quoteCount(pending) % 2 === 0) {
        emit(splitQuoted(pending), pendingStart, pending.length);
        pending = null;
      }
      return;
    }
    if (text === '') return;
    if (text.length > MAX_ROW_CHARS) throw tooLong(text, line);
    if (!text.includes('"')) {
      emit(text.split(','), line, text.length);
      return;
    }
    if (quoteCount(text) % 2 === 1) {
      pending = text;
      pendingStart = line;
      return;
    }
    emit(splitQuoted(text), line, text.length);
  };
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = carry + chunk;
      notUtf8 ||= chunk.includes('\uFFFD');
      if (first) {
        if (text.startsWith('\uFEFF')) text = text.slice(1);
        first = false;
      }
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        take(text.slice(start, end));
        start = end + 1;
      }
      carry = text.slice(start);
      checkCarry();
      if (options.counter) options.counter.bytesRead = stream.bytesRead;
      options.afterChunk?.();
    }
    if (carry !== '') take(carry);
  } finally {
    stream.destroy();
  }
  if (pending !== null) {
    throw new BoardpackError('invalid-input', 'not readable as CSV: a quote opened here is never closed', {
      file: path,
      row: pendingStart,
    });
  }
}
