import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Annotation, AnnotationConflict } from '../../shared/api/notes-contract';
import type { AnnotationKind, Rag } from '../../shared/domain';
import { staleMessage } from '../../shared/api/stale-save';
import { BoardpackError, type FieldChange } from '../../shared/errors';
import {
  locateTarget,
  parseTarget,
  targetRef,
  type AnnotatablePack,
  type LocatedTarget,
  type NoteTargetKind,
} from '../../shared/notes/targets';
import type { AnnotationTombstoneRow } from '../schema/exchange.table';
import type { Database, Db } from '../schema/database';
import type { AnnotationRow } from '../schema/meeting.table';
import { latestChange, recordChanges, type Writer } from './change-log';
import { issuedPack, type IssuedPack } from './notes-targets';

/**
 * Annotations on an issued pack: a comment, a proposed RAG with its reason, or
 * a question, on an element of the pack (shared/notes/targets.ts), by its
 * author, shared or private, open or resolved. Every change adds one to the
 * note's version, the number exchange files compare; a deleted note leaves a
 * tombstone. Every write is logged.
 */

const TABLE = 'annotation';

/** What a note says: the columns an edit changes and an exchange file carries. */
export interface NoteContent {
  readonly author: string;
  readonly kind: AnnotationKind;
  readonly rag: Rag | null;
  readonly text: string;
  readonly shared: boolean;
  readonly resolved: boolean;
}

export interface NewNote {
  readonly target: string;
  readonly author: string;
  readonly kind: AnnotationKind;
  readonly rag: Rag | null;
  readonly text: string;
  readonly shared: boolean;
}

export interface NoteChanges {
  readonly text?: string | undefined;
  readonly kind?: AnnotationKind | undefined;
  readonly rag?: Rag | null | undefined;
  readonly shared?: boolean | undefined;
}

export const contentColumns = (content: NoteContent) => ({
  author: content.author,
  kind: content.kind,
  rag: content.rag,
  text: content.text,
  shared: content.shared ? 1 : 0,
  resolved: content.resolved ? 1 : 0,
});

/** True when a note was changed here since it was last exchanged (or was never exchanged). */
export const editedHere = (row: AnnotationRow): boolean =>
  row.syncedVersion === null || row.version > row.syncedVersion;

function conflictOf(row: AnnotationRow, copyId: string | undefined): AnnotationConflict | null {
  if (row.conflictOf !== null) return { kind: 'incoming copy', noteId: row.conflictOf };
  if (copyId !== undefined) return { kind: 'edited on both sides', incomingCopyId: copyId };
  if (row.conflictDeletedVersion !== null) {
    return { kind: 'deleted by its author', deletedVersion: row.conflictDeletedVersion };
  }
  return null;
}

function located(pack: AnnotatablePack | null, row: AnnotationRow): LocatedTarget | null {
  if (!pack) return null;
  try {
    return locateTarget(pack, `${row.targetKind}:${row.targetRef}`);
  } catch {
    return null;
  }
}

function toAnnotation(
  row: AnnotationRow,
  packVersion: number,
  pack: AnnotatablePack | null,
  copyId: string | undefined,
): Annotation {
  const place = located(pack, row);
  const target = `${row.targetKind}:${row.targetRef}`;
  return {
    id: row.id,
    meetingId: row.meetingId,
    packVersion,
    target,
    targetKind: row.targetKind as NoteTargetKind,
    sectionId: place?.sectionId ?? null,
    targetLabel: place?.label ?? target,
    author: row.author,
    kind: row.kind,
    rag: row.rag,
    text: row.text,
    shared: row.shared === 1,
    resolved: row.resolved === 1,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    conflict: conflictOf(row, copyId),
  };
}

async function packOrNull(db: Db, meetingId: number, number: number): Promise<IssuedPack | null> {
  try {
    return await issuedPack(db, meetingId, number);
  } catch {
    return null;
  }
}

/**
 * A meeting's notes (one version's, or all), oldest first: open ones, and any
 * in a conflict, unless resolved ones are asked for too.
 */
export async function listAnnotations(
  db: Db,
  query: { readonly meetingId: number; readonly version?: number | undefined; readonly includeResolved?: boolean },
): Promise<Annotation[]> {
  let select = db
    .selectFrom('annotation')
    .innerJoin('packVersion', 'packVersion.id', 'annotation.packVersionId')
    .selectAll('annotation')
    .select('packVersion.number as packNumber')
    .where('annotation.meetingId', '=', query.meetingId);
  if (query.version !== undefined) select = select.where('packVersion.number', '=', query.version);
  const rows = await select
    .orderBy('packVersion.number')
    .orderBy('annotation.createdAt')
    .orderBy('annotation.id')
    .execute();
  const packs = new Map<number, IssuedPack | null>();
  for (const number of new Set(rows.map((row) => row.packNumber))) {
    packs.set(number, await packOrNull(db, query.meetingId, number));
  }
  const copies = new Map(rows.flatMap((row) => (row.conflictOf === null ? [] : [[row.conflictOf, row.id] as const])));
  return rows
    .map(({ packNumber, ...row }) => toAnnotation(row, packNumber, packs.get(packNumber) ?? null, copies.get(row.id)))
    .filter((note) => query.includeResolved === true || !note.resolved || note.conflict !== null);
}

export async function getAnnotationRow(db: Db, id: string): Promise<AnnotationRow> {
  const row = await db.selectFrom('annotation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new BoardpackError('not-found', `there is no annotation ${id}; it may have been deleted`, { field: 'id' });
  }
  return row;
}

/** The incoming copy an import kept beside a note edited on both sides, if any. */
export async function incomingCopyOf(db: Db, id: string): Promise<AnnotationRow | null> {
  return (await db.selectFrom('annotation').selectAll().where('conflictOf', '=', id).executeTakeFirst()) ?? null;
}

export async function getAnnotation(db: Db, id: string): Promise<Annotation> {
  const row = await getAnnotationRow(db, id);
  const version = await db
    .selectFrom('packVersion')
    .select('number')
    .where('id', '=', row.packVersionId ?? -1)
    .executeTakeFirst();
  const number = version?.number ?? 0;
  const copy = await incomingCopyOf(db, id);
  return toAnnotation(row, number, await packOrNull(db, row.meetingId, number), copy?.id);
}

export async function getTombstone(db: Db, id: string): Promise<AnnotationTombstoneRow | null> {
  return (await db.selectFrom('annotationTombstone').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

// ---- the writes every path shares: one row in, changed or out, each logged ----

export async function insertAnnotationRow(
  trx: Transaction<Database>,
  writer: Writer,
  row: AnnotationRow,
): Promise<void> {
  await trx.insertInto('annotation').values(row).execute();
  await recordChanges(trx, writer, [{ table: TABLE, rowId: row.id, operation: 'insert', old: null, new: row }]);
}

/** Changes the columns given (only those that differ); returns the row as it is now. */
export async function updateAnnotationRow(
  trx: Transaction<Database>,
  writer: Writer,
  before: AnnotationRow,
  changes: Partial<Omit<AnnotationRow, 'id'>>,
): Promise<AnnotationRow> {
  const changed = Object.entries(changes).filter(
    ([key, value]) => value !== undefined && before[key as keyof AnnotationRow] !== value,
  );
  if (changed.length === 0) return before;
  const values = Object.fromEntries(changed) as Partial<AnnotationRow>;
  await trx.updateTable('annotation').set(values).where('id', '=', before.id).execute();
  const old = Object.fromEntries(changed.map(([key]) => [key, before[key as keyof AnnotationRow]]));
  await recordChanges(trx, writer, [{ table: TABLE, rowId: before.id, operation: 'update', old, new: values }]);
  return { ...before, ...values };
}

/** Records that a note is deleted at `version`: a later tombstone of the same note keeps the higher version. */
export async function upsertTombstone(
  trx: Transaction<Database>,
  writer: Writer,
  tombstone: AnnotationTombstoneRow,
): Promise<void> {
  const existing = await getTombstone(trx, tombstone.id);
  if (existing && existing.version >= tombstone.version) return;
  if (existing) {
    await trx
      .updateTable('annotationTombstone')
      .set({ version: tombstone.version, deletedAt: tombstone.deletedAt })
      .where('id', '=', tombstone.id)
      .execute();
  } else {
    await trx.insertInto('annotationTombstone').values(tombstone).execute();
  }
  await recordChanges(trx, writer, [
    {
      table: 'annotationTombstone',
      rowId: tombstone.id,
      operation: existing ? 'update' : 'insert',
      old: existing ? { version: existing.version } : null,
      new: { version: tombstone.version, deletedAt: tombstone.deletedAt },
    },
  ]);
}

export async function removeTombstone(trx: Transaction<Database>, writer: Writer, id: string): Promise<void> {
  const existing = await getTombstone(trx, id);
  if (!existing) return;
  await trx.deleteFrom('annotationTombstone').where('id', '=', id).execute();
  await recordChanges(trx, writer, [
    { table: 'annotationTombstone', rowId: id, operation: 'delete', old: { version: existing.version }, new: null },
  ]);
}

/** Deletes a note row; with `tombstoneVersion`, leaves its tombstone (an incoming copy needs none). */
export async function deleteAnnotationRow(
  trx: Transaction<Database>,
  writer: Writer,
  row: AnnotationRow,
  tombstoneVersion: number | null,
): Promise<void> {
  await trx.deleteFrom('annotation').where('id', '=', row.id).execute();
  await recordChanges(trx, writer, [{ table: TABLE, rowId: row.id, operation: 'delete', old: row, new: null }]);
  if (tombstoneVersion !== null) {
    await upsertTombstone(trx, writer, {
      id: row.id,
      meetingId: row.meetingId,
      packVersionId: row.packVersionId,
      version: tombstoneVersion,
      deletedAt: writer.now(),
    });
  }
}

// ---- what a person does with a note ----

function checkRag(kind: AnnotationKind, rag: Rag | null): void {
  if ((kind === 'proposed rag') !== (rag !== null)) {
    throw new BoardpackError(
      'invalid-input',
      kind === 'proposed rag'
        ? 'a proposed RAG note names red, amber or green'
        : `a ${kind} names no RAG; make it a proposed RAG note instead`,
      { field: 'rag' },
    );
  }
}

/** The columns of a note a person changes (its words, kind, RAG, sharing, resolved), as a refusal names them. */
const NOTE_FIELDS = ['text', 'kind', 'rag', 'shared', 'resolved'] as const;
const NOTE_FLAGS: readonly string[] = ['shared', 'resolved'];

const parsedValues = (json: string | null): Record<string, unknown> =>
  json === null ? {} : (JSON.parse(json) as Record<string, unknown>);

/**
 * The note as it is now, held until the transaction ends (an update that
 * changes nothing: on PostgreSQL a concurrent change of it waits), refused as
 * stale when `version` names an older one: who changed what of it and when,
 * and what was not saved, with the note as it is now.
 */
async function noteAtVersion(
  trx: Transaction<Database>,
  writer: Writer,
  id: string,
  version: number | undefined,
  attempt:
    { readonly kind: 'update'; readonly values: Readonly<Record<string, unknown>> } | { readonly kind: 'delete' },
): Promise<AnnotationRow> {
  if (version !== undefined) {
    await trx
      .updateTable('annotation')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', id)
      .execute();
  }
  const row = await getAnnotationRow(trx, id);
  if (version === undefined || row.version === version) return row;
  const entry = await latestChange(trx, TABLE, id);
  const before = parsedValues(entry?.operation === 'update' ? entry.oldValues : null);
  const after = parsedValues(entry?.operation === 'update' ? entry.newValues : null);
  const flag = (field: string, value: unknown) => (NOTE_FLAGS.includes(field) ? value === 1 || value === true : value);
  const changes: FieldChange[] = NOTE_FIELDS.filter((field) => field in after).map((field) => ({
    field,
    from: flag(field, before[field] ?? null),
    to: flag(field, after[field]),
  }));
  const words = row.text.length > 40 ? `${row.text.slice(0, 39)}…` : row.text;
  const changedBy = entry?.actor ?? null;
  const changedByRole = entry?.dbRole ?? null;
  const changedAt = entry?.at ?? null;
  const message = staleMessage({
    what: `${row.author}'s note "${words}"`,
    changedBy,
    changedByRole,
    changedAt,
    changes,
    mainField: null,
    attempt,
    now: new Date(writer.now()),
  });
  const fields = attempt.kind === 'update' ? Object.keys(attempt.values) : [];
  const [field] = fields;
  throw new BoardpackError('stale', message, fields.length === 1 && field ? { field } : undefined, {
    record: await getAnnotation(trx, id),
    changedBy,
    changedByRole,
    changedAt,
    changes,
  });
}

function refuseCopy(row: AnnotationRow): void {
  if (row.conflictOf !== null) {
    throw new BoardpackError(
      'conflict',
      `this is ${row.author}'s version of a note that was also changed here: settle the conflict first`,
      { field: 'id' },
    );
  }
}

/** A new note on an element of the pack (refused, naming it, when the element is not in that version). */
export async function addAnnotation(
  trx: Transaction<Database>,
  writer: Writer,
  pack: IssuedPack,
  note: NewNote,
): Promise<Annotation> {
  const place = locateTarget(pack, note.target);
  checkRag(note.kind, note.rag);
  const now = writer.now();
  const row: AnnotationRow = {
    id: randomUUID(),
    meetingId: pack.meetingId,
    packVersionId: pack.packVersionId,
    targetKind: place.kind,
    targetRef: targetRef(parseTarget(place.target)),
    ...contentColumns({ ...note, resolved: false }),
    version: 1,
    createdAt: now,
    updatedAt: now,
    syncedVersion: null,
    conflictOf: null,
    conflictDeletedVersion: null,
  };
  await insertAnnotationRow(trx, writer, row);
  return getAnnotation(trx, row.id);
}

/** Changes a note's text, kind, RAG or sharing; a change adds one to its version, no change changes nothing. */
export async function editAnnotation(
  trx: Transaction<Database>,
  writer: Writer,
  id: string,
  changes: NoteChanges,
  version?: number,
): Promise<Annotation> {
  const row = await noteAtVersion(trx, writer, id, version, { kind: 'update', values: { ...changes } });
  refuseCopy(row);
  const kind = changes.kind ?? row.kind;
  const rag = changes.rag !== undefined ? changes.rag : kind === 'proposed rag' ? row.rag : null;
  checkRag(kind, rag);
  const next = {
    kind,
    rag,
    text: changes.text ?? row.text,
    shared: changes.shared === undefined ? row.shared : changes.shared ? 1 : 0,
  };
  const same = next.kind === row.kind && next.rag === row.rag && next.text === row.text && next.shared === row.shared;
  if (!same) {
    await updateAnnotationRow(trx, writer, row, { ...next, version: row.version + 1, updatedAt: writer.now() });
  }
  return getAnnotation(trx, id);
}

/** Resolves or reopens a note (a change like any other: its version goes up). */
export async function resolveAnnotation(
  trx: Transaction<Database>,
  writer: Writer,
  id: string,
  resolved: boolean,
  version?: number,
): Promise<Annotation> {
  const row = await noteAtVersion(trx, writer, id, version, { kind: 'update', values: { resolved } });
  refuseCopy(row);
  if ((row.resolved === 1) !== resolved) {
    await updateAnnotationRow(trx, writer, row, {
      resolved: resolved ? 1 : 0,
      version: row.version + 1,
      updatedAt: writer.now(),
    });
  }
  return getAnnotation(trx, id);
}

/**
 * Deletes a note. A note ever exchanged leaves a tombstone at the highest
 * version seen of it, so the deletion travels and importing a file again does
 * not bring it back; one never exchanged simply goes. An incoming copy kept
 * beside it goes with it; deleting the copy alone keeps the note as it is here.
 */
export async function deleteAnnotation(
  trx: Transaction<Database>,
  writer: Writer,
  id: string,
  version?: number,
): Promise<number> {
  const row = await noteAtVersion(trx, writer, id, version, { kind: 'delete' });
  if (row.conflictOf !== null) {
    await settleConflict(trx, writer, id, 'here');
    return 1;
  }
  const copy = await incomingCopyOf(trx, id);
  if (copy) await deleteAnnotationRow(trx, writer, copy, null);
  const deletedAt = Math.max(row.version, copy?.version ?? 0, row.conflictDeletedVersion ?? 0);
  await deleteAnnotationRow(trx, writer, row, row.syncedVersion === null ? null : deletedAt);
  return 1;
}

/**
 * Settles a conflict an import kept visible. For a note edited on both sides:
 * keep this one (the author's copy goes, and the note stays ahead of the
 * version it was compared with) or take the author's (it replaces this one).
 * For a note its author deleted: keep it, or delete it. Returns the note kept.
 */
export async function settleConflict(
  trx: Transaction<Database>,
  writer: Writer,
  id: string,
  keep: 'here' | 'incoming',
  version?: number,
): Promise<Annotation | null> {
  const row = await noteAtVersion(trx, writer, id, version, { kind: 'update', values: { keep } });
  const note = row.conflictOf === null ? row : await getAnnotationRow(trx, row.conflictOf);
  const copy = row.conflictOf === null ? await incomingCopyOf(trx, id) : row;
  const now = writer.now();
  if (copy) {
    await deleteAnnotationRow(trx, writer, copy, null);
    if (keep === 'here') {
      await updateAnnotationRow(trx, writer, note, {
        syncedVersion: copy.version,
        version: Math.max(note.version, copy.version + 1),
        updatedAt: now,
      });
    } else {
      await updateAnnotationRow(trx, writer, note, {
        ...contentColumns({ ...copy, shared: copy.shared === 1, resolved: copy.resolved === 1 }),
        version: copy.version,
        syncedVersion: copy.version,
        updatedAt: copy.updatedAt,
      });
    }
    return getAnnotation(trx, note.id);
  }
  const deleted = note.conflictDeletedVersion;
  if (deleted === null) {
    throw new BoardpackError('invalid-input', 'this note has no conflict to settle', { field: 'id' });
  }
  if (keep === 'incoming') {
    await deleteAnnotationRow(trx, writer, note, Math.max(note.version, deleted));
    return null;
  }
  await updateAnnotationRow(trx, writer, note, {
    syncedVersion: deleted,
    version: Math.max(note.version, deleted + 1),
    conflictDeletedVersion: null,
    updatedAt: now,
  });
  return getAnnotation(trx, note.id);
}
