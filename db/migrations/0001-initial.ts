import { sql, type Kysely } from 'kysely';
import {
  ACTION_STATUSES,
  ACTIVITY_STATUSES,
  AGENDA_ITEM_KINDS,
  ANNOTATION_KINDS,
  AREA_KINDS,
  MARKINGS,
  PARTNER_KINDS,
  PERIOD_KINDS,
  PLAN_STATUSES,
  POLARITIES,
  RAGS,
  RATE_DENOMINATORS,
  TARGET_KINDS,
  UNITS,
} from '../../shared/domain';
import { columnTypes, flag, idColumn, isoDate, oneOf } from './column-helpers';

/**
 * The whole first schema: the partnership, its plan, areas, periods, indicators
 * and figures, funding, meetings and the change log. Frozen once shipped.
 * The word lists are copied here, not imported at run time by later migrations:
 * a later change to shared/domain.ts needs a migration of its own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);
  const types = columnTypes(db);

  await db.schema
    .createTable('area')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', AREA_KINDS)))
    .addColumn('parent_id', 'integer', (c) => c.references('area.id').onDelete('restrict'))
    .addColumn('code', 'text')
    .execute();

  await db.schema
    .createTable('area_alias')
    .addColumn('alias', 'text', (c) => c.primaryKey())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('area_comparator')
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id').onDelete('cascade'))
    .addColumn('comparator_id', 'integer', (c) => c.notNull().references('area.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_comparator_pk', ['area_id', 'comparator_id'])
    .addCheckConstraint('area_comparator_not_self', sql`area_id <> comparator_id`)
    .execute();

  await db.schema
    .createTable('population')
    .addColumn('id', 'integer', id)
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('residents', 'integer', (c) => c.check(sql`residents >= 0`))
    .addColumn('households', 'integer', (c) => c.check(sql`households >= 0`))
    .addColumn('source', 'text')
    .addUniqueConstraint('population_area_year', ['area_id', 'year'])
    .execute();

  await db.schema
    .createTable('partnership')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('area_id', 'integer', (c) => c.references('area.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('partner')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', PARTNER_KINDS)))
    .addColumn('board_member', 'integer', (c) => c.notNull().defaultTo(0).check(flag('board_member')))
    .addColumn('source', 'text')
    .execute();

  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'integer', (c) => c.references('partner.id').onDelete('set null'))
    .addColumn('source', 'text')
    .execute();

  await db.schema
    .createTable('period')
    .addColumn('id', 'integer', id)
    .addColumn('label', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', PERIOD_KINDS)))
    .addColumn('start_date', 'text', (c) => c.notNull().check(isoDate('start_date')))
    .addColumn('end_date', 'text', (c) => c.notNull().check(isoDate('end_date')))
    .addColumn('note', 'text')
    .addCheckConstraint('period_starts_before_end', sql`start_date <= end_date`)
    .execute();

  await db.schema
    .createTable('plan')
    .addColumn('id', 'integer', id)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('area_id', 'integer', (c) => c.references('area.id').onDelete('set null'))
    .addColumn('start_date', 'text', (c) => c.notNull().check(isoDate('start_date')))
    .addColumn('end_date', 'text', (c) => c.notNull().check(isoDate('end_date')))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', PLAN_STATUSES)))
    .addColumn('approved_on', 'text', (c) => c.check(isoDate('approved_on')))
    .addColumn('approved_by', 'text')
    .addColumn('source', 'text')
    .addCheckConstraint('plan_starts_before_end', sql`start_date <= end_date`)
    .execute();

  await db.schema
    .createTable('priority')
    .addColumn('id', 'integer', id)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('printed_ref', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('sponsor', 'text')
    .addColumn('source', 'text')
    .addUniqueConstraint('priority_plan_ref', ['plan_id', 'ref'])
    .execute();

  await db.schema
    .createTable('activity')
    .addColumn('id', 'integer', id)
    .addColumn('priority_id', 'integer', (c) => c.notNull().references('priority.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('challenge', 'text')
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('desired_outcome', 'text')
    .addColumn('specific_measure', 'text')
    .addColumn('global_indicator', 'text')
    .addColumn('lead', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('not started').check(oneOf('status', ACTIVITY_STATUSES)))
    .addColumn('source', 'text')
    .execute();

  await db.schema
    .createTable('progress_update')
    .addColumn('id', 'integer', id)
    .addColumn('priority_id', 'integer', (c) => c.references('priority.id').onDelete('cascade'))
    .addColumn('activity_id', 'integer', (c) => c.references('activity.id').onDelete('cascade'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('restrict'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addCheckConstraint('progress_update_one_subject', sql`(priority_id is null) <> (activity_id is null)`)
    .execute();

  await db.schema
    .createTable('delivery_group')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text')
    .addColumn('lead', 'text')
    .addColumn('source', 'text')
    .execute();

  await db.schema
    .createTable('delivery_group_priority')
    .addColumn('delivery_group_id', 'integer', (c) => c.notNull().references('delivery_group.id').onDelete('cascade'))
    .addColumn('priority_id', 'integer', (c) => c.notNull().references('priority.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('delivery_group_priority_pk', ['delivery_group_id', 'priority_id'])
    .execute();

  await db.schema
    .createTable('indicator')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('unit', 'text', (c) => c.notNull().check(oneOf('unit', UNITS)))
    .addColumn('rate_per', 'integer', (c) => c.check(sql`rate_per > 0`))
    .addColumn('denominator', 'text', (c) => c.check(oneOf('denominator', RATE_DENOMINATORS)))
    .addColumn('polarity', 'text', (c) => c.notNull().check(oneOf('polarity', POLARITIES)))
    .addColumn('source', 'text')
    .addColumn('definition', 'text')
    .addCheckConstraint('indicator_rate_has_base', sql`(unit = 'rate') = (rate_per is not null)`)
    .execute();

  await db.schema
    .createTable('indicator_priority')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('priority_id', 'integer', (c) => c.notNull().references('priority.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('indicator_priority_pk', ['indicator_id', 'priority_id'])
    .execute();

  await db.schema
    .createTable('figure')
    .addColumn('id', 'integer', id)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id').onDelete('cascade'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
    .addColumn('value', types.real, (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0).check(flag('provisional')))
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('figure_indicator_area_period', ['indicator_id', 'area_id', 'period_id'])
    .execute();
  await db.schema.createIndex('figure_by_period').on('figure').columns(['indicator_id', 'period_id']).execute();

  await db.schema
    .createTable('target')
    .addColumn('id', 'integer', id)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id').onDelete('cascade'))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
    .addColumn('base_period_id', 'integer', (c) => c.references('period.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', TARGET_KINDS)))
    .addColumn('value', types.real, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source', 'text')
    .addUniqueConstraint('target_indicator_area_period', ['indicator_id', 'area_id', 'period_id'])
    .addCheckConstraint('target_percent_change_has_base', sql`kind <> 'percent change' or base_period_id is not null`)
    .execute();

  await db.schema
    .createTable('stated_comparison')
    .addColumn('id', 'integer', id)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id').onDelete('cascade'))
    .addColumn('base_period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
    .addColumn('current_period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
    .addColumn('difference', types.real)
    .addColumn('change_percent', types.real)
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('funding_line')
    .addColumn('id', 'integer', id)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('year', 'text', (c) => c.notNull())
    .addColumn('priority_id', 'integer', (c) => c.references('priority.id').onDelete('set null'))
    .addColumn('activity_id', 'integer', (c) => c.references('activity.id').onDelete('set null'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount_pence', types.money, (c) => c.notNull())
    .addColumn('funding_source', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(1).check(flag('confirmed')))
    .addColumn('note', 'text')
    .addColumn('source', 'text')
    .execute();

  await db.schema
    .createTable('stated_total')
    .addColumn('id', 'integer', id)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('year', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('funding_source', 'text', (c) => c.notNull())
    .addColumn('amount_pence', types.money, (c) => c.notNull())
    .addColumn('source', 'text')
    .execute();

  await db.schema
    .createTable('stated_total_source')
    .addColumn('stated_total_id', 'integer', (c) => c.notNull().references('stated_total.id').onDelete('cascade'))
    .addColumn('funding_source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stated_total_source_pk', ['stated_total_id', 'funding_source'])
    .execute();

  await db.schema
    .createTable('grant_award')
    .addColumn('id', 'integer', id)
    .addColumn('funder', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('year', 'text', (c) => c.notNull())
    .addColumn('amount_pence', types.money, (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('stated_change_percent', types.real)
    .addColumn('stated_change_pence', types.money)
    .addColumn('source', 'text')
    .execute();

  await db.schema
    .createTable('meeting')
    .addColumn('id', 'integer', id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull().check(isoDate('held_on')))
    .addColumn('period_id', 'integer', (c) => c.references('period.id').onDelete('set null'))
    .addColumn('venue', 'text')
    .addColumn('marking', 'text', (c) => c.notNull().defaultTo('OFFICIAL').check(oneOf('marking', MARKINGS)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agenda_item')
    .addColumn('id', 'integer', id)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', AGENDA_ITEM_KINDS)))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('presenter', 'text')
    .addColumn('minutes', 'integer', (c) => c.check(sql`minutes > 0`))
    .addColumn('content', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await db.schema
    .createTable('pack_version')
    .addColumn('id', 'integer', id)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addUniqueConstraint('pack_version_meeting_number', ['meeting_id', 'number'])
    .execute();

  await db.schema
    .createTable('annotation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('pack_version_id', 'integer', (c) => c.references('pack_version.id').onDelete('set null'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_ref', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ANNOTATION_KINDS)))
    .addColumn('rag', 'text', (c) => c.check(oneOf('rag', RAGS)))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(1).check(flag('shared')))
    .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0).check(flag('resolved')))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('action')
    .addColumn('id', 'integer', id)
    .addColumn('meeting_id', 'integer', (c) => c.references('meeting.id').onDelete('set null'))
    .addColumn('agenda_item_id', 'integer', (c) => c.references('agenda_item.id').onDelete('set null'))
    .addColumn('priority_id', 'integer', (c) => c.references('priority.id').onDelete('set null'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('due_on', 'text', (c) => c.check(isoDate('due_on')))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(oneOf('status', ACTION_STATUSES)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text', (c) => c.check(isoDate('closed_on')))
    .addColumn('source', 'text')
    .execute();

  await db.schema
    .createTable('glossary_term')
    .addColumn('id', 'integer', id)
    .addColumn('term', 'text', (c) => c.notNull().unique())
    .addColumn('definition', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('change_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull().check(oneOf('operation', ['insert', 'update', 'delete'])))
    .addColumn('old_values', 'text')
    .addColumn('new_values', 'text')
    .execute();
  await db.schema.createIndex('change_log_by_row').on('change_log').columns(['table_name', 'row_id']).execute();
}
