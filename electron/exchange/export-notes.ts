import type { Transaction } from 'kysely';
import type { PackFileInfo } from '../../shared/api/notes-contract';
import { BoardpackError } from '../../shared/errors';
import type { ViewFile } from '../../shared/views/view-file';
import { getPackFile } from '../../db/repositories/exchange-identity';
import { getMeeting } from '../../db/repositories/meetings';
import { notesForFile } from '../../db/repositories/notes-exchange';
import { issuedPack } from '../../db/repositories/notes-targets';
import type { Writer } from '../../db/repositories/change-log';
import type { Database, Db } from '../../db/schema/database';
import { packFileStem } from '../pack/export-pack';
import { NOTES_FILE_EXTENSION, PACK_FILE_EXTENSION } from './exchange-formats';
import { notesFileText } from './notes-file';

/** The pack the open file holds when it is a reviewer's pack file; null for an ordinary database. */
export async function packFileInfo(db: Db): Promise<PackFileInfo | null> {
  const row = await getPackFile(db);
  if (!row) return null;
  const meeting = await getMeeting(db, row.meetingId);
  return {
    sourceDatabaseId: row.sourceDatabaseId,
    meetingId: row.meetingId,
    meetingTitle: meeting.title,
    version: row.version,
    reviewer: row.reviewer,
    exportedAt: row.exportedAt,
  };
}

/**
 * The open pack file's notes as a `.boardnotes` file: its shared notes and
 * the deletions to pass on (db/repositories/notes-exchange.ts notesForFile).
 */
export async function exportNotes(trx: Transaction<Database>, writer: Writer): Promise<ViewFile> {
  const info = await packFileInfo(trx);
  if (!info) {
    throw new BoardpackError(
      'invalid-input',
      `annotations are exported from a reviewer's pack file (${PACK_FILE_EXTENSION}); this is the secretary's database`,
    );
  }
  const pack = await issuedPack(trx, info.meetingId, info.version);
  const { notes, deleted } = await notesForFile(trx, writer, pack);
  const text = notesFileText({
    pack: {
      sourceDatabaseId: info.sourceDatabaseId,
      meetingId: info.meetingId,
      meetingTitle: info.meetingTitle,
      version: info.version,
      snapshotSha256: pack.snapshotSha256,
    },
    reviewer: info.reviewer,
    exportedAt: writer.now(),
    notes,
    deleted,
  });
  return {
    fileName: `${packFileStem(pack.document)} notes${NOTES_FILE_EXTENSION}`,
    mimeType: 'application/json',
    encoding: 'utf8',
    content: text,
  };
}
