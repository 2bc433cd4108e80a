import { closeSync, openSync, readSync } from 'node:fs';

/**
 * A zip file's central directory, read without inflating anything: the list
 * at the end of the file that says what each entry is, where its data starts
 * and how big it is packed and unpacked (ZIP64 sizes included). Null when the
 * file has no end-of-directory record, or one that points outside the file:
 * a zip cut short or damaged.
 */

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** Bit 3: sizes follow the data in a descriptor. */
  readonly flags: number;
  readonly packedSize: number;
  readonly unpackedSize: number;
  /** Where the entry's local header starts. */
  readonly offset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts: the entries' data all lies before it. */
  readonly directoryOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const MAX_COMMENT = 0xffff;
/** A directory bigger than this lists far more parts than a workbook has. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

export function readBytes(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/** Where the end-of-central-directory record starts, searching back over a comment of up to 64 KB. */
function endRecordAt(fd: number, size: number): { tail: Buffer; at: number } | null {
  const start = Math.max(0, size - 22 - MAX_COMMENT);
  const tail = readBytes(fd, start, size - start);
  for (let index = tail.length - 22; index >= 0; index--) {
    if (tail.readUInt32LE(index) === END_OF_DIRECTORY) return { tail, at: start + index };
  }
  return null;
}

/** The ZIP64 end record's entry count and directory place, when the classic record says to look there. */
function zip64End(fd: number, endAt: number): { count: number; size: number; offset: number } | null {
  if (endAt < 20) return null;
  const locator = readBytes(fd, endAt - 20, 20);
  if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR) return null;
  const record = readBytes(fd, Number(locator.readBigUInt64LE(8)), 56);
  if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END) return null;
  return {
    count: Number(record.readBigUInt64LE(32)),
    size: Number(record.readBigUInt64LE(40)),
    offset: Number(record.readBigUInt64LE(48)),
  };
}

/** Sizes and offset that do not fit 32 bits are 0xFFFFFFFF, their real values in the ZIP64 extra field, in order. */
function withZip64Extra(
  extra: Buffer,
  values: { unpackedSize: number; packedSize: number; offset: number },
): typeof values {
  const result = { ...values };
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['unpackedSize', 'packedSize', 'offset'] as const) {
        if (values[key] === 0xffffffff && field + 8 <= at + 4 + length) {
          result[key] = Number(extra.readBigUInt64LE(field));
          field += 8;
        }
      }
    }
    at += 4 + length;
  }
  return result;
}

export function readZipDirectory(path: string, size: number): ZipDirectory | null {
  const fd = openSync(path, 'r');
  try {
    const end = endRecordAt(fd, size);
    if (!end) return null;
    const record = end.tail.subarray(end.at - (size - end.tail.length));
    let count = record.readUInt16LE(10);
    let directorySize = record.readUInt32LE(12);
    let directoryOffset = record.readUInt32LE(16);
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const zip64 = zip64End(fd, end.at);
      if (!zip64) return null;
      ({ count, size: directorySize, offset: directoryOffset } = zip64);
    }
    if (directoryOffset + directorySize > end.at || directorySize > MAX_DIRECTORY_BYTES) return null;
    const directory = readBytes(fd, directoryOffset, directorySize);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let index = 0; index < count; index++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      entries.push({
        name,
        method: directory.readUInt16LE(at + 10),
        flags: directory.readUInt16LE(at + 8),
        ...withZip64Extra(extra, {
          packedSize: directory.readUInt32LE(at + 20),
          unpackedSize: directory.readUInt32LE(at + 24),
          offset: directory.readUInt32LE(at + 42),
        }),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return { entries, directoryOffset };
  } finally {
    closeSync(fd);
  }
}
