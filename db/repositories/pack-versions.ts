import type { Transaction } from 'kysely';
import type { PackVersionSummary } from '../../shared/api/meetings-contract';
import { BoardpackError } from '../../shared/errors';
import { PACK_DOCUMENT_FORMAT, type PackDocument } from '../../shared/pack/document';
import type { Database, Db } from '../schema/database';
import type { PackVersionRow } from '../schema/meeting.table';
import { recordChanges, type Writer } from './change-log';

/**
 * Issued packs: each a numbered version (1, 2, …) of a meeting's pack with its
 * document frozen as JSON, so re-exporting it gives the same text and numbers
 * whatever has changed in the data since.
 */

const toSummary = (row: Omit<PackVersionRow, 'snapshot' | 'format'>): PackVersionSummary => ({
  id: row.id,
  meetingId: row.meetingId,
  number: row.number,
  issuedAt: row.issuedAt,
  issuedBy: row.issuedBy,
});

const SUMMARY = ['id', 'meetingId', 'number', 'issuedAt', 'issuedBy'] as const;

export async function listPackVersions(db: Db, meetingId: number): Promise<PackVersionSummary[]> {
  const rows = await db
    .selectFrom('packVersion')
    .select(SUMMARY)
    .where('meetingId', '=', meetingId)
    .orderBy('number')
    .execute();
  return rows.map(toSummary);
}

/** An issued version's frozen document. */
export async function getPackVersionDocument(db: Db, meetingId: number, number: number): Promise<PackDocument> {
  const row = await db
    .selectFrom('packVersion')
    .select(['snapshot', 'format'])
    .where('meetingId', '=', meetingId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row) {
    throw new BoardpackError('not-found', `this meeting has no issued version ${number}`, { field: 'version' });
  }
  if (row.format !== PACK_DOCUMENT_FORMAT) {
    throw new BoardpackError(
      'newer-version',
      `version ${number} was issued by a Boardpack whose pack format (${row.format}) this one cannot read`,
      { field: 'version' },
    );
  }
  return JSON.parse(row.snapshot) as PackDocument;
}

/** Freezes a document as the meeting's next version; its meta carries the number and when it was issued. */
export async function insertPackVersion(
  trx: Transaction<Database>,
  writer: Writer,
  meetingId: number,
  document: PackDocument,
): Promise<PackVersionSummary> {
  const last = await trx
    .selectFrom('packVersion')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
  const number = Number(last?.number ?? 0) + 1;
  const issuedAt = writer.now();
  const frozen: PackDocument = { ...document, meta: { ...document.meta, version: number, issuedAt } };
  const { id } = await trx
    .insertInto('packVersion')
    .values({
      meetingId,
      number,
      issuedAt,
      issuedBy: writer.actor,
      format: PACK_DOCUMENT_FORMAT,
      snapshot: JSON.stringify(frozen),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordChanges(trx, writer, [
    { table: 'packVersion', rowId: id, operation: 'insert', old: null, new: { meetingId, number, issuedAt } },
  ]);
  return { id, meetingId, number, issuedAt, issuedBy: writer.actor };
}
