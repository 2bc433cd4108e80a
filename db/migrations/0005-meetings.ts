import { sql, type Kysely } from 'kysely';
import { columnTypes, idColumn, oneOf } from './column-helpers';

/**
 * What meetings and the board pack need (issue 6): the board that meets and its
 * start time, the people attending and sending apologies (in order), partners'
 * PDFs kept in the file as attachments, and who issued each pack version with
 * the document format its frozen snapshot was built in. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  await db.schema.alterTable('meeting').addColumn('board', 'text').execute();
  await db.schema
    .alterTable('meeting')
    .addColumn('starts_at', 'text', (c) => c.check(sql`starts_at like '__:__'`))
    .execute();

  await db.schema
    .createTable('meeting_person')
    .addColumn('id', 'integer', id)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('attendance', 'text', (c) => c.notNull().check(oneOf('attendance', ['attending', 'apologies'])))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addUniqueConstraint('meeting_person_position', ['meeting_id', 'attendance', 'position'])
    .execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'integer', id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull().check(sql`pages > 0`))
    .addColumn('bytes', 'integer', (c) => c.notNull().check(sql`bytes > 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('blob', columnTypes(db).bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('pack_version')
    .addColumn('issued_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('pack_version')
    .addColumn('format', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
