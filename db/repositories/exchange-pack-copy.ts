import type { Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import type { Database, Db } from '../schema/database';
import type {
  AgendaItemRow,
  AttachmentRow,
  MeetingPersonRow,
  MeetingRow,
  PackVersionRow,
} from '../schema/meeting.table';
import { getPackVersionDocument } from './pack-versions';

/**
 * What a reviewer's pack file holds, row for row as the database holds it (ids
 * kept, so "item:12" and every other target names the same element in both
 * files): the meeting and who attends, its agenda, the one issued version and
 * the attachments that version lists. Nothing else is read.
 */
export interface PackFileContent {
  readonly meeting: MeetingRow;
  readonly people: readonly MeetingPersonRow[];
  readonly items: readonly AgendaItemRow[];
  readonly version: PackVersionRow;
  readonly attachments: readonly AttachmentRow[];
}

export async function readPackFileContent(db: Db, meetingId: number, number: number): Promise<PackFileContent> {
  const meeting = await db.selectFrom('meeting').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) {
    throw new BoardpackError('not-found', `there is no meeting #${meetingId}; it may have been deleted`, {
      field: 'meetingId',
    });
  }
  const document = await getPackVersionDocument(db, meetingId, number);
  const version = await db
    .selectFrom('packVersion')
    .selectAll()
    .where('meetingId', '=', meetingId)
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  const attachmentIds = [...new Set(document.attachments.map((attachment) => attachment.attachmentId))];
  const [people, items, attachments] = await Promise.all([
    db.selectFrom('meetingPerson').selectAll().where('meetingId', '=', meetingId).orderBy('id').execute(),
    db.selectFrom('agendaItem').selectAll().where('meetingId', '=', meetingId).orderBy('id').execute(),
    attachmentIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('attachment').selectAll().where('id', 'in', attachmentIds).orderBy('id').execute(),
  ]);
  if (attachments.length !== attachmentIds.length) {
    throw new BoardpackError('not-found', `version ${number} lists an attachment this database no longer holds`, {
      field: 'version',
    });
  }
  return { meeting, people, items, version, attachments };
}

/**
 * Writes the content into a new, empty database. The meeting's quarter is left
 * out (periods stay behind); the version's frozen document still names it.
 * Not logged: these rows are a copy, not a change anyone made.
 */
export async function writePackFileContent(trx: Transaction<Database>, content: PackFileContent): Promise<void> {
  await trx
    .insertInto('meeting')
    .values({ ...content.meeting, periodId: null })
    .execute();
  if (content.people.length > 0)
    await trx
      .insertInto('meetingPerson')
      .values([...content.people])
      .execute();
  if (content.items.length > 0)
    await trx
      .insertInto('agendaItem')
      .values([...content.items])
      .execute();
  for (const attachment of content.attachments) {
    await trx
      .insertInto('attachment')
      .values({ ...attachment, blob: Buffer.from(attachment.blob) })
      .execute();
  }
  await trx.insertInto('packVersion').values(content.version).execute();
}
