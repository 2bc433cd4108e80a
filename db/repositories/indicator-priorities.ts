import type { ViewPriority } from '../../shared/views/view-table';
import type { Db } from '../schema/database';

/**
 * For each indicator, the plan priorities it serves (indicator ↔ priority), in
 * plan then priority order, labelled "Priority 6.2: Reducing violence (Safer
 * Bucks Plan 2014-15)".
 */
export async function listIndicatorPriorities(
  db: Db,
  indicatorIds: readonly number[],
): Promise<Map<number, ViewPriority[]>> {
  const byIndicator = new Map<number, ViewPriority[]>(indicatorIds.map((id) => [id, []]));
  if (indicatorIds.length === 0) return byIndicator;
  const rows = await db
    .selectFrom('indicatorPriority')
    .innerJoin('priority', 'priority.id', 'indicatorPriority.priorityId')
    .innerJoin('plan', 'plan.id', 'priority.planId')
    .select([
      'indicatorPriority.indicatorId',
      'priority.id',
      'priority.ref',
      'priority.position',
      'priority.title',
      'plan.title as planTitle',
      'plan.startDate',
    ])
    .where('indicatorPriority.indicatorId', 'in', [...indicatorIds])
    .orderBy('plan.startDate')
    .orderBy('priority.position')
    .execute();
  for (const row of rows) {
    byIndicator.get(row.indicatorId)?.push({
      id: row.id,
      label: `Priority ${row.ref}: ${row.title} (${row.planTitle})`,
      short: `Priority ${row.ref}, ${row.planTitle}`,
      order: `${row.startDate}:${String(row.position).padStart(4, '0')}`,
    });
  }
  return byIndicator;
}
