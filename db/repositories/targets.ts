import type { StatedComparison, Target } from '../../shared/model';
import type { Db } from '../schema/database';
import type { StatedComparisonRow, TargetRow } from '../schema/indicator.table';

function toTarget(row: TargetRow): Target {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    areaId: row.areaId,
    periodId: row.periodId,
    basePeriodId: row.basePeriodId,
    kind: row.kind,
    value: row.value,
    note: row.note,
  };
}

function toStatedComparison(row: StatedComparisonRow): StatedComparison {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    areaId: row.areaId,
    basePeriodId: row.basePeriodId,
    currentPeriodId: row.currentPeriodId,
    difference: row.difference,
    changePercent: row.changePercent,
    source: row.source,
  };
}

/**
 * The targets for an indicator in a period, by area. A percent-change target
 * counts only when it is measured from the same base period as the comparison.
 */
export async function listTargets(
  db: Db,
  query: { indicatorId: number; periodId: number; basePeriodId: number },
): Promise<Map<number, Target>> {
  const rows = await db
    .selectFrom('target')
    .selectAll()
    .where('indicatorId', '=', query.indicatorId)
    .where('periodId', '=', query.periodId)
    .execute();
  return new Map(
    rows
      .filter((row) => row.kind !== 'percent change' || row.basePeriodId === query.basePeriodId)
      .map((row) => [row.areaId, toTarget(row)]),
  );
}

export interface StatedComparisonQuery {
  readonly indicatorId?: number;
  readonly basePeriodId?: number;
  readonly currentPeriodId?: number;
}

export async function listStatedComparisons(db: Db, query: StatedComparisonQuery = {}): Promise<StatedComparison[]> {
  let select = db.selectFrom('statedComparison').selectAll();
  if (query.indicatorId !== undefined) select = select.where('indicatorId', '=', query.indicatorId);
  if (query.basePeriodId !== undefined) select = select.where('basePeriodId', '=', query.basePeriodId);
  if (query.currentPeriodId !== undefined) select = select.where('currentPeriodId', '=', query.currentPeriodId);
  const rows = await select.orderBy('id').execute();
  return rows.map(toStatedComparison);
}
