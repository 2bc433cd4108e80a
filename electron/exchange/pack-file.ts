import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BoardpackError } from '../../shared/errors';
import type { PackDocument } from '../../shared/pack/document';
import { openDatabase, type OpenDatabase } from '../../db/open-database';
import { readPackFileContent, writePackFileContent } from '../../db/repositories/exchange-pack-copy';
import { databaseId, getPackFile, insertPackFile } from '../../db/repositories/exchange-identity';
import { sha256Hex } from '../../db/repositories/notes-targets';
import type { Db } from '../../db/schema/database';
import type { PackFileRow } from '../../db/schema/exchange.table';
import { packFileStem } from '../pack/export-pack';
import { NOTES_FILE_EXTENSION, PACK_FILE_EXTENSION, PACK_FILE_FORMAT } from './exchange-formats';
import { fileKindAt } from './file-kind';

/**
 * A reviewer's `.boardpack` file: a real Boardpack database (same application
 * id, same migrations, so the same repositories and screens read it) holding
 * one issued pack version and what it shows, and a pack_file row saying which.
 * Opened, it is read-only except for annotations (pack-file-rule.ts).
 */

export interface PackFileRequest {
  readonly meetingId: number;
  /** The issued version's number. */
  readonly version: number;
  readonly reviewer: string | null;
  readonly exportedAt: string;
}

/** The file's suggested name: "2014-03-12 Safer Stronger Bucks Partnership Board pack v1.boardpack". */
export const packFileName = (document: PackDocument): string => `${packFileStem(document)}${PACK_FILE_EXTENSION}`;

async function removeDatabaseFiles(path: string): Promise<void> {
  await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${path}${suffix}`, { force: true })));
}

/**
 * Writes the pack file for version `version` of a meeting to `path`: built in
 * a new database beside it, closed, then renamed over `path`, so an interrupted
 * export leaves no half-written file. Returns the version's document.
 */
export async function writePackFile(source: Db, request: PackFileRequest, path: string): Promise<PackDocument> {
  if (await getPackFile(source)) {
    throw new BoardpackError(
      'read-only',
      `this is a reviewer's pack file: export a pack for a reviewer from the secretary's database`,
    );
  }
  const content = await readPackFileContent(source, request.meetingId, request.version);
  const row: PackFileRow = {
    id: 1,
    format: PACK_FILE_FORMAT,
    sourceDatabaseId: await databaseId(source),
    meetingId: request.meetingId,
    version: request.version,
    snapshotSha256: sha256Hex(content.version.snapshot),
    reviewer: request.reviewer,
    exportedAt: request.exportedAt,
  };
  const partial = `${path}.${process.pid}.partial`;
  await removeDatabaseFiles(partial);
  try {
    const written = await openDatabase(partial, { create: true });
    try {
      await written.db.transaction().execute(async (trx) => {
        await writePackFileContent(trx, content);
        await insertPackFile(trx, row);
      });
    } finally {
      await written.close();
    }
    await rename(partial, path);
  } catch (error) {
    await removeDatabaseFiles(partial);
    if (error instanceof BoardpackError) throw error;
    throw new BoardpackError('io', `cannot write the pack file: ${(error as Error).message}`, { file: path });
  }
  return JSON.parse(content.version.snapshot) as PackDocument;
}

/** The pack file's bytes and suggested name, for the app to save (written in a temp folder, then removed). */
export async function packFileBytes(
  source: Db,
  request: PackFileRequest,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const folder = await mkdtemp(join(tmpdir(), 'boardpack-pack-file-'));
  try {
    const path = join(folder, `pack${PACK_FILE_EXTENSION}`);
    const document = await writePackFile(source, request, path);
    return { fileName: packFileName(document), bytes: await readFile(path) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Opens a reviewer's pack file (the command line's --pack), refusing, by
 * name, a `.boardnotes` file or an ordinary database given instead.
 */
export async function openPackFile(path: string): Promise<{ database: OpenDatabase; packFile: PackFileRow }> {
  if (existsSync(path) && fileKindAt(path) === 'boardpack notes') {
    throw new BoardpackError(
      'not-a-boardpack-file',
      `${path} is an annotations file (${NOTES_FILE_EXTENSION}), not a pack file (${PACK_FILE_EXTENSION}): import it into the secretary's database instead`,
      { file: path },
    );
  }
  const database = await openDatabase(path);
  const packFile = await getPackFile(database.db);
  if (!packFile) {
    await database.close();
    throw new BoardpackError(
      'not-a-boardpack-file',
      `${path} is a Boardpack database, not a reviewer's pack file (${PACK_FILE_EXTENSION})`,
      { file: path },
    );
  }
  return { database, packFile };
}
