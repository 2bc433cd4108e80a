import { readFile, stat } from 'node:fs/promises';
import type { Transaction } from 'kysely';
import type { NotesImportResult } from '../../shared/api/notes-contract';
import { BoardpackError } from '../../shared/errors';
import type { ImportSource } from '../../shared/imports';
import { databaseId } from '../../db/repositories/exchange-identity';
import { mergeNotes } from '../../db/repositories/notes-exchange';
import { issuedPack, type IssuedPack } from '../../db/repositories/notes-targets';
import type { Writer } from '../../db/repositories/change-log';
import type { Database } from '../../db/schema/database';
import { readNotesFile, type NotesFileContent } from './notes-file';

/** A `.boardnotes` file is small; anything much larger is not one. */
const MAX_BYTES = 64 * 1024 * 1024;

/** The file's bytes and the name its errors give it: the path, or the uploaded file's name. */
async function bytesOf(source: ImportSource): Promise<{ bytes: Uint8Array; file: string }> {
  if (!('path' in source)) return { bytes: Buffer.from(source.base64, 'base64'), file: source.fileName };
  const file = source.path;
  try {
    if ((await stat(file)).size > MAX_BYTES) {
      throw new BoardpackError('not-a-boardpack-file', `${file} is too large to be an annotations file`, { file });
    }
    return { bytes: await readFile(file), file };
  } catch (error) {
    if (error instanceof BoardpackError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BoardpackError(
      missing ? 'not-found' : 'io',
      missing ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`,
      { file },
    );
  }
}

function refuse(file: string, why: string): never {
  throw new BoardpackError('conflict', `${file} ${why}; nothing was imported`, { file });
}

/** The pack here the file's notes were written on: this database, the meeting and version asked for, the same document. */
async function packOf(
  trx: Transaction<Database>,
  content: NotesFileContent,
  file: string,
  expected: { readonly meetingId?: number | undefined; readonly version?: number | undefined },
): Promise<IssuedPack> {
  const { pack } = content;
  const named = `version ${pack.version} of "${pack.meetingTitle}"`;
  if (pack.sourceDatabaseId !== (await databaseId(trx))) {
    refuse(file, `holds notes on ${named} from another Boardpack database, not this one`);
  }
  if (expected.meetingId !== undefined && expected.meetingId !== pack.meetingId) {
    refuse(file, `holds notes on another meeting (${named})`);
  }
  if (expected.version !== undefined && expected.version !== pack.version) {
    refuse(file, `holds notes on ${named}, not version ${expected.version}`);
  }
  const here = await issuedPack(trx, pack.meetingId, pack.version).catch((error: unknown) => {
    if (error instanceof BoardpackError && error.code === 'not-found') {
      return refuse(file, `holds notes on ${named}, which this database does not have`);
    }
    throw error;
  });
  if (here.snapshotSha256 !== pack.snapshotSha256) {
    refuse(file, `holds notes on another document than ${named} in this database`);
  }
  return here;
}

/**
 * Imports a reviewer's `.boardnotes` file in the caller's transaction: checked
 * whole first (ours, its format, its checksum, this database, this pack, every
 * note's element), then merged. Any refusal names the file and writes nothing.
 */
export async function importNotes(
  trx: Transaction<Database>,
  writer: Writer,
  request: {
    readonly source: ImportSource;
    readonly meetingId?: number | undefined;
    readonly version?: number | undefined;
  },
): Promise<NotesImportResult> {
  const { bytes, file } = await bytesOf(request.source);
  const content = readNotesFile(bytes, file);
  const pack = await packOf(trx, content, file, request);
  try {
    const counts = await mergeNotes(trx, writer, pack, content);
    return {
      meetingId: pack.meetingId,
      meetingTitle: content.pack.meetingTitle,
      version: pack.number,
      reviewer: content.reviewer,
      ...counts,
    };
  } catch (error) {
    if (error instanceof BoardpackError && error.where?.file === undefined) {
      throw new BoardpackError(error.code, `${error.message}; nothing was imported`, {
        ...error.where,
        file,
      });
    }
    throw error;
  }
}
