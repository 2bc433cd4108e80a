import { closeSync, openSync, readSync } from 'node:fs';
import { BOARDPACK_APPLICATION_ID } from '../../db/sqlite/sqlite-file';
import { NOTES_FILE_MARKER } from './exchange-formats';

/**
 * What a file is, from its first bytes, so a file given where another kind is
 * expected is refused naming what it is: a Boardpack SQLite file (a database
 * or a reviewer's `.boardpack`), a `.boardnotes` file, or something else.
 */
export type FileKind = 'empty' | 'boardpack sqlite' | 'other sqlite' | 'boardpack notes' | 'other';

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** SQLite keeps PRAGMA application_id at this offset of its header, big-endian. */
const APPLICATION_ID_OFFSET = 68;
const HEAD = 512;

export function fileKindOf(bytes: Uint8Array): FileKind {
  if (bytes.byteLength === 0) return 'empty';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD));
  if (head.subarray(0, 16).toString('latin1') === SQLITE_HEADER) {
    const id = head.byteLength >= APPLICATION_ID_OFFSET + 4 ? head.readUInt32BE(APPLICATION_ID_OFFSET) : 0;
    return id === BOARDPACK_APPLICATION_ID ? 'boardpack sqlite' : 'other sqlite';
  }
  const text = head.toString('utf8').trimStart();
  return text.startsWith('{') && text.includes(`"${NOTES_FILE_MARKER}"`) ? 'boardpack notes' : 'other';
}

/** The kind of the file at `path` (its first bytes only). */
export function fileKindAt(path: string): FileKind {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(HEAD);
    return fileKindOf(head.subarray(0, readSync(fd, head, 0, HEAD, 0)));
  } finally {
    closeSync(fd);
  }
}
