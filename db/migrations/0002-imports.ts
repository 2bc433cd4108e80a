import { sql, type Kysely } from 'kysely';
import { idColumn } from './column-helpers';

/**
 * What imports need (issue 5): a rate indicator's numerator, a young-people
 * denominator for populations, and the police.uk bookkeeping that makes a
 * re-import of a month replace that month rather than add to it. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .alterTable('indicator')
    .addColumn('numerator_indicator_id', 'integer', (c) => c.references('indicator.id').onDelete('set null'))
    .execute();

  await db.schema
    .alterTable('population')
    .addColumn('young_people', 'integer', (c) => c.check(sql`young_people >= 0`))
    .execute();

  await db.schema
    .createTable('police_crime_type')
    .addColumn('crime_type', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('police_month')
    .addColumn('id', 'integer', id)
    .addColumn('month', 'text', (c) => c.notNull().check(sql`month like '____-__'`))
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_counted', 'integer', (c) => c.notNull())
    .addColumn('rows_outside_areas', 'integer', (c) => c.notNull())
    .addColumn('rows_without_lsoa', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('police_month_month_reported_by', ['month', 'reported_by'])
    .execute();

  await db.schema
    .createTable('police_count')
    .addColumn('police_month_id', 'integer', (c) => c.notNull().references('police_month.id').onDelete('cascade'))
    .addColumn('crime_type', 'text', (c) => c.notNull())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id').onDelete('cascade'))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count > 0`))
    .addPrimaryKeyConstraint('police_count_pk', ['police_month_id', 'crime_type', 'area_id'])
    .execute();
}
