import type { Kysely } from 'kysely';
import { idColumn } from './column-helpers';

/**
 * Comparison views saved by name (issue 5): the view's spec is JSON text checked
 * with shared/views' zod schema on every read and write, so the spec can grow
 * without a migration while old specs still parse. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comparison_view')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
