import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * The bad input too big to commit, generated at test time into a folder the
 * test gives: a 10 MB cell, a single 10 MB line, and XLSX zip bombs. Each is
 * written in pieces, so making one never holds it whole in memory.
 */

export const TEN_MB = 10 * 1024 * 1024;

/** Writes `pieces` to a new file at `path`, one after another. */
function writePieces(path: string, pieces: Iterable<string | Buffer>): string {
  const fd = openSync(path, 'w');
  try {
    for (const piece of pieces) writeSync(fd, typeof piece === 'string' ? Buffer.from(piece) : piece);
  } finally {
    closeSync(fd);
  }
  return path;
}

function* repeated(text: string, bytes: number): Generator<string> {
  const chunk = text.repeat(Math.ceil((1024 * 1024) / text.length));
  let left = bytes;
  while (left > 0) {
    const piece = chunk.slice(0, Math.min(chunk.length, left));
    left -= piece.length;
    yield piece;
  }
}

/** A CSV of the lines `before`, then a row of `cellsBefore`, a cell of `size` (10 MB) "x"s and `cellsAfter`, then `after`. */
export function csvWithBigCell(
  dir: string,
  name: string,
  lines: {
    before: readonly string[];
    cellsBefore: string;
    cellsAfter: string;
    after: readonly string[];
    size?: number;
  },
): string {
  return writePieces(join(dir, name), [
    `${lines.before.join('\n')}\n${lines.cellsBefore}`,
    ...repeated('x', lines.size ?? TEN_MB),
    `${lines.cellsAfter}\n${lines.after.join('\n')}\n`,
  ]);
}

/** A file of one 10 MB line (no line break at all) of `unit` repeated: "a," makes five million cells. */
export function singleBigLine(dir: string, name: string, unit: string): string {
  return writePieces(join(dir, name), repeated(unit, TEN_MB));
}

interface ZipEntry {
  readonly name: string;
  /** The deflated bytes (raw deflate). */
  readonly deflated: Buffer;
  readonly crc: number;
  readonly size: number;
  /** What the headers claim the entry inflates to (its size when absent): a bomb may understate it. */
  readonly claimedSize?: number;
}

const DOS_DATE_1980 = 0x21;

function deflatedEntry(name: string, text: string): ZipEntry {
  const data = Buffer.from(text);
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/**
 * An entry whose text is `prefix`, `repeat` bytes of "A", `suffix`, deflated
 * without ever holding the "A"s: one megabyte of "A" deflated once, with a sync
 * flush so it ends on a byte boundary, is a run of deflate blocks that can be
 * repeated (its back-references only reach the "A"s it wrote itself); a final
 * empty block closes the stream. 1 GiB deflates to about 1 MB this way.
 */
function bombEntry(name: string, prefix: string, megabytes: number, suffix: string, claimedSize?: number): ZipEntry {
  const sync = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const megabyte = Buffer.alloc(1024 * 1024, 'A');
  const head = deflateRawSync(Buffer.from(prefix), sync);
  const run = deflateRawSync(megabyte, sync);
  const tail = deflateRawSync(Buffer.from(suffix));
  let crc = crc32(prefix);
  for (let index = 0; index < megabytes; index++) crc = crc32(megabyte, crc);
  crc = crc32(suffix, crc);
  const runs: Buffer[] = Array.from({ length: megabytes }, () => run);
  return {
    name,
    deflated: Buffer.concat([head, ...runs, tail]),
    crc,
    size: prefix.length + megabytes * megabyte.length + suffix.length,
    ...(claimedSize === undefined ? {} : { claimedSize }),
  };
}

/** A zip file of deflated entries: local headers and data, then the central directory and its end record. */
function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const size = entry.claimedSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_DATE_1980, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_DATE_1980, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_START = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';

/** The parts of a one-sheet workbook around its worksheet, in the order Excel writes them. */
function workbookParts(): ZipEntry[] {
  return [
    deflatedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    ),
    deflatedEntry(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedEntry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}">` +
        '<sheets><sheet name="Figures" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflatedEntry(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    deflatedEntry('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}"/>`),
  ];
}

/** A row of inline-string cells, as XML. */
function rowXml(row: number, cells: readonly string[]): string {
  const columns = 'ABCDEFGH';
  const xml = cells.map(
    (text, index) => `<c r="${columns[index] ?? 'A'}${row}" t="inlineStr"><is><t>${text}</t></is></c>`,
  );
  return `<row r="${row}">${xml.join('')}</row>`;
}

const BOMB_HEADER = rowXml(1, ['indicator', 'area', 'period', 'value']);
const BOMB_ROW_START = `<row r="2"><c r="A2" t="inlineStr"><is><t>`;
const BOMB_ROW_END = `</t></is></c></row>`;

/** A small workbook built the same way as the bombs, but honest: a long-layout figures sheet of `rows`. */
export function smallWorkbook(dir: string, name: string, rows: readonly (readonly string[])[]): string {
  const sheet = `${SHEET_START}${[BOMB_HEADER, ...rows.map((cells, index) => rowXml(index + 2, cells))].join('')}${SHEET_END}`;
  return writePieces(join(dir, name), [zipOf([...workbookParts(), deflatedEntry('xl/worksheets/sheet1.xml', sheet)])]);
}

/**
 * An XLSX zip bomb: a workbook of about 1 MB whose worksheet inflates to
 * `megabytes` MB, one cell of "A"s. With `lying`, its headers claim the sheet
 * is 1,000 bytes, as a bomb that hides from a size check would.
 */
export function xlsxZipBomb(dir: string, name: string, megabytes: number, options: { lying?: boolean } = {}): string {
  const sheet = bombEntry(
    'xl/worksheets/sheet1.xml',
    `${SHEET_START}${BOMB_HEADER}${BOMB_ROW_START}`,
    megabytes,
    `${BOMB_ROW_END}${SHEET_END}`,
    options.lying ? 1000 : undefined,
  );
  return writePieces(join(dir, name), [zipOf([...workbookParts(), sheet])]);
}
