import { createHash } from 'node:crypto';
import { BoardpackError } from '../../shared/errors';
import type { AnnotatablePack } from '../../shared/notes/targets';
import type { Db } from '../schema/database';
import { listAgendaItems } from './agenda-items';
import { getPackVersionDocument } from './pack-versions';

/** An issued version as annotations need it: its row id, its snapshot's hash, its document and its priorities. */
export interface IssuedPack extends AnnotatablePack {
  readonly meetingId: number;
  readonly packVersionId: number;
  readonly number: number;
  /** SHA-256 of the snapshot as stored: exchange files name the pack by it. */
  readonly snapshotSha256: string;
}

export const sha256Hex = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/** Version `number` of a meeting's pack, or not-found naming the version. */
export async function issuedPack(db: Db, meetingId: number, number: number): Promise<IssuedPack> {
  const row = await db
    .selectFrom('packVersion')
    .select(['id', 'snapshot'])
    .where('meetingId', '=', meetingId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row) {
    throw new BoardpackError('not-found', `this meeting has no issued version ${number}: notes go on an issued pack`, {
      field: 'version',
    });
  }
  const [document, items] = await Promise.all([
    getPackVersionDocument(db, meetingId, number),
    listAgendaItems(db, meetingId),
  ]);
  const priorities = new Map(
    items.flatMap((item) =>
      item.content.kind === 'priority progress' ? [[`item:${item.id}`, item.content.priorityId] as const] : [],
    ),
  );
  return {
    meetingId,
    packVersionId: row.id,
    number,
    snapshotSha256: sha256Hex(row.snapshot),
    document,
    priorities,
  };
}
