import { closeSync, openSync, readSync } from 'node:fs';
import { BoardpackError } from '../../../shared/errors';
import { fileSize } from './file-size';

export type FileKind = { readonly kind: 'xlsx' } | { readonly kind: 'csv'; readonly delimiter: ',' | ';' | '\t' };

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t'] as const;

function readStart(path: string): { bytes: Buffer; size: number } {
  const size = fileSize(path);
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(Math.min(SAMPLE_BYTES, size));
    const read = readSync(fd, bytes, 0, bytes.length, 0);
    return { bytes: bytes.subarray(0, read), size };
  } finally {
    closeSync(fd);
  }
}

/** The first line that holds anything, without its line ending; quoted line breaks stay inside it. */
function firstLine(text: string): string {
  let quoted = false;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      const line = text.slice(start, index);
      if (line.trim() !== '') return line;
      start = index + 1;
    }
  }
  return text.slice(start);
}

/** How often each delimiter appears outside quotes in the header line; the most frequent wins, a comma on a tie. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const line = firstLine(text.replace(/^\uFEFF/, ''));
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: ',' | ';' | '\t' = ',';
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/**
 * What a table file is, from its first bytes rather than its name: an XLSX
 * workbook (a zip), or text read as CSV with its delimiter detected. An empty
 * file, an old .xls workbook and UTF-16 text are refused with what to do instead.
 */
export function sniffFile(path: string): FileKind {
  const { bytes, size } = readStart(path);
  const where = { file: path };
  if (size === 0) throw new BoardpackError('invalid-input', 'the file is empty', where);
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { kind: 'xlsx' };
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new BoardpackError(
      'invalid-input',
      'this is an Excel 97-2003 workbook (.xls); save it as .xlsx or as CSV UTF-8',
      where,
    );
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    throw new BoardpackError('invalid-input', 'this is UTF-16 text; save it as CSV UTF-8', where);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    throw new BoardpackError('invalid-input', 'this is UTF-16 text; save it as CSV UTF-8', where);
  }
  return { kind: 'csv', delimiter: detectDelimiter(bytes.toString('utf8')) };
}
