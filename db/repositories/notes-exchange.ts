import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import { locateTarget, parseTarget, targetRef } from '../../shared/notes/targets';
import type { Database } from '../schema/database';
import type { AnnotationRow } from '../schema/meeting.table';
import type { Writer } from './change-log';
import {
  contentColumns,
  deleteAnnotationRow,
  editedHere,
  getAnnotationRow,
  getTombstone,
  incomingCopyOf,
  insertAnnotationRow,
  removeTombstone,
  updateAnnotationRow,
  upsertTombstone,
  type NoteContent,
} from './annotations';
import type { IssuedPack } from './notes-targets';

/**
 * What a reviewer's notes file carries, and merging one into this database
 * (DESIGN "Offline exchange") in the caller's transaction. Each note carries
 * its id and version; each note here remembers the version last exchanged
 * (`syncedVersion`). So:
 * - a note not here is added (unless deleted here at that version or later);
 * - a newer note replaces the copy here when the copy was not changed here since;
 * - a note changed on both sides since they last met is kept twice: the
 *   incoming one as a copy flagged `conflictOf` the one here;
 * - a deletion removes the note here, unless it was changed here since: then it
 *   is kept and flagged (`conflictDeletedVersion`);
 * - anything already merged changes nothing, so the same file twice adds nothing.
 */

export interface IncomingNote extends NoteContent {
  readonly id: string;
  readonly target: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface IncomingTombstone {
  readonly id: string;
  readonly version: number;
  readonly deletedAt: string;
}

export type MergeOutcome = 'added' | 'updated' | 'conflicted' | 'deleted' | 'unchanged';
export type MergeCounts = Readonly<Record<MergeOutcome, number>>;

const sameContent = (row: AnnotationRow, note: IncomingNote): boolean =>
  Object.entries(contentColumns(note)).every(([key, value]) => row[key as keyof AnnotationRow] === value);

async function existing(trx: Transaction<Database>, pack: IssuedPack, id: string): Promise<AnnotationRow | null> {
  const row = await getAnnotationRow(trx, id).catch(() => null);
  if (row && (row.meetingId !== pack.meetingId || row.packVersionId !== pack.packVersionId)) {
    throw new BoardpackError('conflict', `note ${id} is on another pack in this database`, { field: 'notes' });
  }
  return row;
}

function incomingRow(pack: IssuedPack, note: IncomingNote, id: string, conflictOf: string | null): AnnotationRow {
  const target = parseTarget(note.target);
  return {
    id,
    meetingId: pack.meetingId,
    packVersionId: pack.packVersionId,
    targetKind: target.kind,
    targetRef: targetRef(target),
    ...contentColumns(note),
    version: note.version,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    syncedVersion: note.version,
    conflictOf,
    conflictDeletedVersion: null,
  };
}

async function mergeNote(
  trx: Transaction<Database>,
  writer: Writer,
  pack: IssuedPack,
  note: IncomingNote,
): Promise<MergeOutcome> {
  const here = await existing(trx, pack, note.id);
  if (!here) {
    const tombstone = await getTombstone(trx, note.id);
    if (tombstone && tombstone.version >= note.version) return 'unchanged';
    if (tombstone) await removeTombstone(trx, writer, note.id);
    await insertAnnotationRow(trx, writer, incomingRow(pack, note, note.id, null));
    return 'added';
  }
  const synced = here.syncedVersion ?? 0;
  if (note.version <= synced) return 'unchanged';
  if (!editedHere(here)) {
    await updateAnnotationRow(trx, writer, here, incomingRow(pack, note, here.id, null));
    return 'updated';
  }
  if (sameContent(here, note)) {
    // Both sides made the same change: nothing to keep twice; the note here has now met that version.
    await updateAnnotationRow(trx, writer, here, {
      syncedVersion: note.version,
      version: Math.max(here.version, note.version),
    });
    return 'unchanged';
  }
  const copy = await incomingCopyOf(trx, note.id);
  if (copy && copy.version >= note.version) return 'unchanged';
  if (copy) await updateAnnotationRow(trx, writer, copy, incomingRow(pack, note, copy.id, note.id));
  else await insertAnnotationRow(trx, writer, incomingRow(pack, note, randomUUID(), note.id));
  return 'conflicted';
}

async function mergeTombstone(
  trx: Transaction<Database>,
  writer: Writer,
  pack: IssuedPack,
  tombstone: IncomingTombstone,
): Promise<MergeOutcome> {
  const here = await existing(trx, pack, tombstone.id);
  if (!here) {
    await upsertTombstone(trx, writer, { ...tombstone, meetingId: pack.meetingId, packVersionId: pack.packVersionId });
    return 'unchanged';
  }
  const copy = await incomingCopyOf(trx, here.id);
  if (copy && copy.version <= tombstone.version) await deleteAnnotationRow(trx, writer, copy, null);
  if (tombstone.version < (here.syncedVersion ?? 0)) return 'unchanged';
  if (!editedHere(here)) {
    await deleteAnnotationRow(trx, writer, here, Math.max(here.version, tombstone.version));
    return 'deleted';
  }
  if ((here.conflictDeletedVersion ?? 0) >= tombstone.version) return 'unchanged';
  await updateAnnotationRow(trx, writer, here, { conflictDeletedVersion: tombstone.version });
  return 'conflicted';
}

/**
 * Merges one file's notes and deletions into the pack they were written on.
 * Every note's target is checked against the pack first: a file naming an
 * element the pack does not have is refused before anything is written.
 */
export async function mergeNotes(
  trx: Transaction<Database>,
  writer: Writer,
  pack: IssuedPack,
  incoming: { readonly notes: readonly IncomingNote[]; readonly deleted: readonly IncomingTombstone[] },
): Promise<MergeCounts> {
  for (const note of incoming.notes) locateTarget(pack, note.target);
  const counts: Record<MergeOutcome, number> = { added: 0, updated: 0, conflicted: 0, deleted: 0, unchanged: 0 };
  for (const note of incoming.notes) counts[await mergeNote(trx, writer, pack, note)] += 1;
  for (const tombstone of incoming.deleted) counts[await mergeTombstone(trx, writer, pack, tombstone)] += 1;
  return counts;
}

/**
 * What leaves a reviewer's pack file: every shared note on the pack, and a
 * tombstone for each note deleted, or made private, after it had left in an
 * earlier file (so a note made private after it was shared is withdrawn; a
 * note always private never leaves, not even its id). Each is remembered as
 * exchanged at its version. Incoming copies never leave.
 */
export async function notesForFile(
  trx: Transaction<Database>,
  writer: Writer,
  pack: IssuedPack,
): Promise<{ notes: IncomingNote[]; deleted: IncomingTombstone[] }> {
  const rows = await trx
    .selectFrom('annotation')
    .selectAll()
    .where('packVersionId', '=', pack.packVersionId)
    .where('conflictOf', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const tombstones = await trx
    .selectFrom('annotationTombstone')
    .selectAll()
    .where('packVersionId', '=', pack.packVersionId)
    .orderBy('deletedAt')
    .orderBy('id')
    .execute();
  const shared = rows.filter((row) => row.shared === 1);
  const withdrawn = rows.filter((row) => row.shared === 0 && row.syncedVersion !== null);
  for (const row of [...shared, ...withdrawn]) {
    await updateAnnotationRow(trx, writer, row, { syncedVersion: row.version });
  }
  const notes = shared.map((row): IncomingNote => ({
    id: row.id,
    target: `${row.targetKind}:${row.targetRef}`,
    author: row.author,
    kind: row.kind,
    rag: row.rag,
    text: row.text,
    shared: true,
    resolved: row.resolved === 1,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
  const deleted = [
    ...tombstones.map((row): IncomingTombstone => ({ id: row.id, version: row.version, deletedAt: row.deletedAt })),
    ...withdrawn.map((row): IncomingTombstone => ({ id: row.id, version: row.version, deletedAt: row.updatedAt })),
  ];
  return { notes, deleted };
}
