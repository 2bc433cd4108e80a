import type { Kysely } from 'kysely';

/** Every table whose rows the app edits; `annotation` has carried a version since 0005. */
const EDITED_TABLES = [
  'plan',
  'priority',
  'activity',
  'progress_update',
  'delivery_group',
  'partner',
  'person',
  'area',
  'period',
  'indicator',
  'figure',
  'target',
  'funding_line',
  'grant_award',
  'glossary_term',
  'meeting',
  'agenda_item',
  'action',
  'comparison_view',
  'import_mapping',
] as const;

/**
 * Editing together (issue 9, point 3): every editable row carries a version,
 * 1 when written and one more with every change, so a save made from an older
 * version is refused instead of overwriting the other person's change; and the
 * change log records the database role that made each change (the login on a
 * team database, null in a file), beside the person at the computer.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of EDITED_TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
  await db.schema.alterTable('change_log').addColumn('db_role', 'text').execute();
}
