import { closeSync, createReadStream, openSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { BoardpackError } from '../../../shared/errors';
import { fileSize } from './file-size';
import { readBytes, readZipDirectory, type ZipEntry } from './zip-directory';

/**
 * An XLSX workbook is a zip, and a zip can be a bomb: a file of a megabyte
 * whose parts unpack to gigabytes. exceljs unpacks whatever it is given, so
 * before it sees a file this guard reads the zip's central directory (nothing
 * inflated) and refuses a workbook that would unpack to more than
 * MAX_UNPACKED_BYTES, or to more than MAX_RATIO times its own size beyond
 * RATIO_FREE_BYTES (sheets of figures pack about ten to one). A zip can also
 * understate its sizes, so each part is then inflated into nothing, stopping
 * the moment it passes the size the directory gave it; the parts must also
 * sit where the directory says, with nothing hidden between them, since
 * exceljs reads the parts in file order rather than through the directory.
 * A file with no directory at its end is refused as cut short.
 */

export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;
export const MAX_RATIO = 100;
const RATIO_FREE_BYTES = 64 * 1024 * 1024;
/** A data descriptor after a part's data: up to 24 bytes (signature, CRC, two 64-bit sizes). */
const MAX_DESCRIPTOR = 24;
const LOCAL_HEADER = 0x04034b50;

const megabytes = (bytes: number): string =>
  `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

function refused(path: string, message: string): BoardpackError {
  return new BoardpackError('invalid-input', message, { file: path });
}

interface Placed {
  readonly entry: ZipEntry;
  readonly dataStart: number;
  readonly dataEnd: number;
}

/** Each part's data, from its local header; null when a header is not where the directory says or disagrees. */
function placeEntries(path: string, entries: readonly ZipEntry[]): Placed[] | null {
  const fd = openSync(path, 'r');
  try {
    const placed: Placed[] = [];
    for (const entry of entries) {
      const header = readBytes(fd, entry.offset, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) return null;
      const packed = header.readUInt32LE(18);
      const unpacked = header.readUInt32LE(22);
      const sizesAfterData = (header.readUInt16LE(6) & 0x8) !== 0;
      const agrees = (local: number, central: number) => local === central || local === 0xffffffff;
      if (!sizesAfterData && (!agrees(packed, entry.packedSize) || !agrees(unpacked, entry.unpackedSize))) return null;
      const dataStart = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      placed.push({ entry, dataStart, dataEnd: dataStart + entry.packedSize });
    }
    return placed.sort((a, b) => a.entry.offset - b.entry.offset);
  } finally {
    closeSync(fd);
  }
}

/** True when the parts follow one another from the file's start to the directory, with no room for another between. */
function contiguous(placed: readonly Placed[], directoryOffset: number): boolean {
  let expected = 0;
  for (const { entry, dataEnd } of placed) {
    const gap = entry.offset - expected;
    if (gap < 0 || gap > MAX_DESCRIPTOR) return false;
    expected = dataEnd;
  }
  const tail = directoryOffset - expected;
  return tail >= 0 && tail <= MAX_DESCRIPTOR;
}

/** Inflates one part into nothing; false as soon as it passes the size the directory gave it. */
function inflatesWithin(path: string, { entry, dataStart, dataEnd }: Placed): Promise<boolean> {
  if (entry.method === 0) return Promise.resolve(entry.packedSize === entry.unpackedSize);
  if (entry.packedSize === 0) return Promise.resolve(entry.unpackedSize === 0);
  return new Promise((resolve, reject) => {
    const source = createReadStream(path, { start: dataStart, end: dataEnd - 1 });
    const inflate = createInflateRaw();
    let unpacked = 0;
    const stop = (within: boolean) => {
      source.destroy();
      inflate.destroy();
      resolve(within);
    };
    inflate.on('data', (chunk: Buffer) => {
      unpacked += chunk.length;
      if (unpacked > entry.unpackedSize) stop(false);
    });
    inflate.on('end', () => stop(unpacked === entry.unpackedSize));
    inflate.on('error', () => stop(false));
    source.on('error', reject);
    source.pipe(inflate);
  });
}

export async function checkXlsxSizes(path: string): Promise<void> {
  const size = fileSize(path);
  const directory = readZipDirectory(path, size);
  if (!directory || directory.entries.length === 0) {
    throw refused(
      path,
      'not a complete XLSX workbook: the end of the file is missing or damaged (was it cut short while ' +
        'downloading or copying?); save it again from the spreadsheet',
    );
  }
  const { entries } = directory;
  const total = entries.reduce((sum, entry) => sum + entry.unpackedSize, 0);
  if (total > MAX_UNPACKED_BYTES || (total > RATIO_FREE_BYTES && total > MAX_RATIO * size)) {
    const largest = entries.reduce((a, b) => (b.unpackedSize > a.unpackedSize ? b : a));
    throw refused(
      path,
      `this workbook would unpack to ${megabytes(total)} from a file of ${megabytes(size)} ` +
        `(${largest.name} alone to ${megabytes(largest.unpackedSize)}): far more than a workbook of figures, ` +
        'so it was refused without unpacking it',
    );
  }
  const unreadable = entries.find((entry) => entry.method !== 0 && entry.method !== 8);
  if (unreadable) {
    throw refused(
      path,
      `not an XLSX workbook Boardpack can read: ${unreadable.name} is packed with method ${unreadable.method}`,
    );
  }
  const placed = placeEntries(path, entries);
  if (!placed || !contiguous(placed, directory.directoryOffset)) {
    throw refused(
      path,
      'not a well-formed XLSX workbook: its parts are not where its directory says; save it again from the spreadsheet',
    );
  }
  for (const part of placed) {
    if (!(await inflatesWithin(path, part))) {
      throw refused(
        path,
        `${part.entry.name} does not unpack to the ${part.entry.unpackedSize.toLocaleString('en-GB')} bytes the ` +
          'workbook says it holds: the file is damaged, or built to mislead, and was refused',
      );
    }
  }
}
