import { sql, type Kysely } from 'kysely';
import { idColumn } from './column-helpers';

/**
 * Figure-import mappings saved by name (issue 5): which column is what and which
 * names in the file are which in the database, reused next quarter. The mapping
 * is JSON text checked with shared/figure-mapping.ts's zod schema on every read
 * and write; its layout is kept beside it for the list. A name is unique whatever
 * its case (a unique index on lower(name)). Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_mapping')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('layout', 'text')
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_mapping_name_key')
    .on('import_mapping')
    .unique()
    .expression(sql`lower(name)`)
    .execute();
}
