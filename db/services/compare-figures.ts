import type { Kysely } from 'kysely';
import {
  buildComparisonTable,
  checkStatedDifference,
  checkStatedPercentChange,
  describeComparators,
  type Observation,
  type StatedCheck,
  type Target,
} from '../../shared/comparison';
import type { Area, ComparisonResult, ComparisonResultRow, Figure, Target as StoredTarget } from '../../shared/model';
import { findArea, listAreas, listComparators } from '../repositories/areas';
import { listFigures } from '../repositories/figures';
import { findIndicator } from '../repositories/indicators';
import { findPeriod } from '../repositories/periods';
import { listStatedComparisons, listTargets } from '../repositories/targets';
import type { Database } from '../schema/database';

import type { CompareRequest } from '../../shared/model';

export type { CompareRequest };

interface AreaFigures {
  base?: Figure;
  current?: Figure;
}

const observe = (figure: Figure | undefined): Observation =>
  figure ? { value: figure.value, provisional: figure.provisional } : { value: null };

const toTarget = (target: StoredTarget | undefined): Target | null =>
  target ? { kind: target.kind, value: target.value } : null;

/**
 * How the listed areas make a table. An area that is the parent of all the others
 * is their total when the others are all of its parts of one kind (the three police
 * areas of the county); with only some of its parts it is an ordinary row and there
 * is no totals row, since a sum would be neither. Nor is there one when one listed
 * area contains another: that sum would count it twice.
 */
function shapeTable(
  listed: readonly Area[],
  allAreas: readonly Area[],
): { members: readonly Area[]; total: Area | null; withTotal: boolean } {
  const parent =
    listed.length < 2
      ? undefined
      : listed.find((candidate) => listed.every((area) => area.id === candidate.id || area.parentId === candidate.id));
  if (parent) {
    const members = listed.filter((area) => area.id !== parent.id);
    const kinds = new Set(members.map((area) => area.kind));
    const parts = allAreas.filter((area) => area.parentId === parent.id && kinds.has(area.kind));
    if (kinds.size === 1 && parts.length === members.length) return { members, total: parent, withTotal: true };
    return { members: listed, total: null, withTotal: false };
  }
  const ids = new Set(listed.map((area) => area.id));
  const nested = listed.some((area) => area.parentId !== null && ids.has(area.parentId));
  return { members: listed, total: null, withTotal: !nested && listed.length > 1 };
}

/**
 * The comparison table the board reads: each area's base and current figure,
 * difference, % change (or percentage points), target and RAG, with a totals row
 * that sums counts only and takes the parent area's own figure for rates, the
 * comparator statements ("lower than England (19.4)") and the printed figures
 * checked against the computed ones.
 */
export async function compareFigures(db: Kysely<Database>, request: CompareRequest): Promise<ComparisonResult> {
  const indicator = await findIndicator(db, request.indicator, { field: 'indicator' });
  const base = await findPeriod(db, request.base, { field: 'base' });
  const current = await findPeriod(db, request.current, { field: 'current' });
  const allAreas = await listAreas(db);
  const requested = request.areas
    ? await Promise.all(request.areas.map((name) => findArea(db, name, { field: 'areas' })))
    : null;

  const figures = await listFigures(db, {
    indicatorId: indicator.id,
    periodIds: [base.id, current.id],
    ...(requested ? { areaIds: requested.map((area) => area.id) } : {}),
  });
  const byArea = new Map<number, AreaFigures>();
  for (const figure of figures) {
    const entry = byArea.get(figure.areaId) ?? {};
    if (figure.periodId === base.id) entry.base = figure;
    if (figure.periodId === current.id) entry.current = figure;
    byArea.set(figure.areaId, entry);
  }

  let areas: readonly Area[] = requested ?? allAreas.filter((area) => byArea.has(area.id));
  const comparatorsOf = await listComparators(
    db,
    areas.map((area) => area.id),
  );
  if (!requested) {
    // Comparators (England beside Buckinghamshire) are statements, not rows.
    const comparatorIds = new Set([...comparatorsOf.values()].flat().map((area) => area.id));
    const remaining = areas.filter((area) => !comparatorIds.has(area.id));
    if (remaining.length > 0) areas = remaining;
  }
  const { members, total, withTotal } = shapeTable(areas, allAreas);
  const targets = await listTargets(db, { indicatorId: indicator.id, periodId: current.id, basePeriodId: base.id });
  const totalFigures = total ? byArea.get(total.id) : undefined;

  const table = buildComparisonTable(
    members.map((area) => ({
      area: area.name,
      base: observe(byArea.get(area.id)?.base),
      current: observe(byArea.get(area.id)?.current),
      target: toTarget(targets.get(area.id)),
    })),
    indicator,
    {
      withTotal,
      totalLabel: total ? `Total ${total.name}` : 'Total',
      totalTarget: total ? toTarget(targets.get(total.id)) : null,
      ...(totalFigures
        ? { totalFrom: { base: observe(totalFigures.base), current: observe(totalFigures.current) } }
        : {}),
    },
  );

  const comparatorIds = [...new Set([...comparatorsOf.values()].flat().map((area) => area.id))];
  const comparatorFigures = await listFigures(db, {
    indicatorId: indicator.id,
    periodIds: [current.id],
    areaIds: comparatorIds,
  });
  const rows = table.map((row, index): ComparisonResultRow => {
    const area = row.total ? total : members[index];
    const comparators = area ? (comparatorsOf.get(area.id) ?? []) : [];
    const figures = comparators.map((comparator) => ({
      name: comparator.name,
      value: comparatorFigures.find((figure) => figure.areaId === comparator.id)?.value ?? null,
    }));
    const statement =
      row.current === null || figures.every((figure) => figure.value === null)
        ? null
        : describeComparators(row.current, figures, indicator.polarity, indicator.unit);
    return { ...row, comparators: statement };
  });

  const statedChecks: StatedCheck[] = [];
  const stated = await listStatedComparisons(db, {
    indicatorId: indicator.id,
    basePeriodId: base.id,
    currentPeriodId: current.id,
  });
  for (const printed of stated) {
    const area = allAreas.find((candidate) => candidate.id === printed.areaId);
    const entry = byArea.get(printed.areaId);
    if (!area || !entry?.base || !entry.current) continue;
    const label = `${indicator.name}, ${area.name}, ${base.label} to ${current.label}`;
    if (printed.difference !== null) {
      statedChecks.push(checkStatedDifference(label, entry.base.value, entry.current.value, printed.difference));
    }
    if (printed.changePercent !== null) {
      statedChecks.push(checkStatedPercentChange(label, entry.base.value, entry.current.value, printed.changePercent));
    }
  }

  return { indicator, base, current, rows, statedChecks };
}
