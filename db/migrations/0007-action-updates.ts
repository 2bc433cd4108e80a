import { sql, type Kysely } from 'kysely';
import { idColumn, oneOf } from './column-helpers';

/**
 * What actions need (issue 7, point 2): an update trail, each entry with who
 * wrote it, when, its note and the status it set (if any); and an owner that
 * can be a partner or a person of the database, not only a name typed in. The
 * `owner` text stays, as the name given (or the linked record's name when it
 * was set), so an owner whose record is later deleted keeps its name.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('action_update')
    .addColumn('id', 'integer', id)
    .addColumn('action_id', 'integer', (c) => c.notNull().references('action.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('status', 'text', (c) => c.check(oneOf('status', ['open', 'done', 'dropped'])))
    .addCheckConstraint('action_update_says_something', sql`text is not null or status is not null`)
    .execute();
  await db.schema.createIndex('action_update_action').on('action_update').columns(['action_id', 'at']).execute();

  await db.schema
    .alterTable('action')
    .addColumn('owner_partner_id', 'integer', (c) => c.references('partner.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('action')
    .addColumn('owner_person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('action_meeting').on('action').column('meeting_id').execute();
}
