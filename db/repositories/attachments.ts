import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Attachment } from '../../shared/api/meetings-contract';
import { BoardpackError } from '../../shared/errors';
import type { Database, Db } from '../schema/database';
import { recordChanges, type Writer } from './change-log';
import { engineOf } from '../engine';

/**
 * Partners' PDFs kept in the database file, so a pack issued with one can
 * always print it again: an attachment is never changed once added.
 */

export interface NewAttachment {
  readonly title: string;
  readonly fileName: string;
  readonly pages: number;
  readonly bytes: Uint8Array;
}

const SUMMARY = ['id', 'title', 'fileName', 'pages', 'bytes'] as const;

export async function listAttachments(db: Db): Promise<Attachment[]> {
  return db.selectFrom('attachment').select(SUMMARY).orderBy(engineOf(db).byteOrder('title')).orderBy('id').execute();
}

export async function getAttachment(db: Db, id: number): Promise<Attachment> {
  const row = await db.selectFrom('attachment').select(SUMMARY).where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new BoardpackError('not-found', `there is no attachment #${id}; it may have been deleted`, {
      field: 'attachmentId',
    });
  }
  return row;
}

/** The stored PDF's bytes. */
export async function attachmentBytes(db: Db, id: number): Promise<Uint8Array> {
  const row = await db.selectFrom('attachment').select('blob').where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new BoardpackError('not-found', `there is no attachment #${id}; it may have been deleted`, {
      field: 'attachmentId',
    });
  }
  return new Uint8Array(row.blob);
}

export async function insertAttachment(
  trx: Transaction<Database>,
  writer: Writer,
  attachment: NewAttachment,
): Promise<Attachment> {
  const sha256 = createHash('sha256').update(attachment.bytes).digest('hex');
  const summary = {
    title: attachment.title,
    fileName: attachment.fileName,
    pages: attachment.pages,
    bytes: attachment.bytes.byteLength,
    sha256,
  };
  const { id } = await trx
    .insertInto('attachment')
    .values({ ...summary, blob: Buffer.from(attachment.bytes), createdAt: writer.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordChanges(trx, writer, [{ table: 'attachment', rowId: id, operation: 'insert', old: null, new: summary }]);
  return getAttachment(trx, id);
}
