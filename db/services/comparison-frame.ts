import {
  buildComparisonTable,
  checkStatedDifference,
  checkStatedPercentChange,
  describeComparators,
  displayDecimals,
  type ComparisonRow,
  type Observation,
  type StatedCheck,
  type Target,
} from '../../shared/comparison';
import type { Area, ComparisonResultRow, Figure, Indicator, Period, Target as StoredTarget } from '../../shared/model';
import { listAreas, listComparators } from '../repositories/areas';
import { listFigures } from '../repositories/figures';
import { listStatedComparisons, listTargets } from '../repositories/targets';
import type { Db } from '../schema/database';

/**
 * The one path from stored figures to a comparison table, shared by
 * `compareFigures` (the CLI's and the API's two-period comparison) and comparison
 * views (two periods or a trend): which areas make the rows, whether there is a
 * totals row and what it is, which comparators sit beside each row, and the
 * figures of every period asked for. The arithmetic is shared/comparison's.
 */

export interface FrameRequest {
  readonly indicator: Indicator;
  /** Every period the table will show (base and current, or a trend's periods). */
  readonly periods: readonly Period[];
  /** The rows' areas in order; null: every area with a figure in one of the periods, comparators left out. */
  readonly areas: readonly Area[] | null;
  /** The same comparators beside every row; absent: each area's own stored comparators. */
  readonly comparators?: readonly Area[];
  /** False: never a totals row. Default true (when the areas make one, see shapeTable). */
  readonly totals?: boolean;
}

export interface ComparisonFrame {
  readonly indicator: Indicator;
  /**
   * The decimals every figure of the table is shown with, and its differences: the
   * most any of its figures has (at most 3), so a column of rates reads 9.6, 8.0,
   * never 9.6, 8 (stored numbers lose trailing zeros).
   */
  readonly decimals: number;
  readonly periods: readonly Period[];
  /** The areas of the ordinary rows, in order. */
  readonly members: readonly Area[];
  /** The area whose own figure is the totals row for rates (the county above its districts), if listed. */
  readonly total: Area | null;
  readonly withTotal: boolean;
  readonly totalLabel: string;
  /** The stored figure of an area (listed or comparator) in a period. */
  figureAt(areaId: number, periodId: number): Figure | undefined;
  /** The same, for the table's own areas only (its rows and its whole). */
  listedFigureAt(areaId: number, periodId: number): Figure | undefined;
  /** The comparators beside a row: a member's, or the totals row's (null). */
  comparatorsOf(area: Area | null): readonly Area[];
}

const observe = (figure: Figure | undefined): Observation =>
  figure ? { value: figure.value, provisional: figure.provisional } : { value: null };

const toTarget = (target: StoredTarget | undefined): Target | null =>
  target ? { kind: target.kind, value: target.value } : null;

/**
 * How the listed areas make a table. An area that is the parent of all the others
 * is their total when the others are all of its parts of one kind (the three police
 * areas of the county); with only some of its parts it is an ordinary row and there
 * is no totals row, since a sum would be neither. All the parts of one kind listed
 * without their parent make the parent's total all the same (its label, its target,
 * and for rates its own figure). Nor is there a totals row when one listed area
 * contains another: that sum would count it twice.
 */
export function shapeTable(
  listed: readonly Area[],
  allAreas: readonly Area[],
): { members: readonly Area[]; total: Area | null; withTotal: boolean } {
  const allPartsOf = (parentId: number, members: readonly Area[]) => {
    const kinds = new Set(members.map((area) => area.kind));
    const parts = allAreas.filter((area) => area.parentId === parentId && kinds.has(area.kind));
    return kinds.size === 1 && parts.length === members.length;
  };
  const parent =
    listed.length < 2
      ? undefined
      : listed.find((candidate) => listed.every((area) => area.id === candidate.id || area.parentId === candidate.id));
  if (parent) {
    const members = listed.filter((area) => area.id !== parent.id);
    if (allPartsOf(parent.id, members)) return { members, total: parent, withTotal: true };
    return { members: listed, total: null, withTotal: false };
  }
  const [first] = listed;
  const sharedParentId = first?.parentId ?? null;
  if (listed.length > 1 && sharedParentId !== null && listed.every((area) => area.parentId === sharedParentId)) {
    const whole = allAreas.find((area) => area.id === sharedParentId);
    if (whole && allPartsOf(whole.id, listed)) return { members: listed, total: whole, withTotal: true };
  }
  const ids = new Set(listed.map((area) => area.id));
  const nested = listed.some((area) => area.parentId !== null && ids.has(area.parentId));
  return { members: listed, total: null, withTotal: !nested && listed.length > 1 };
}

/** Reads the figures, areas and comparators a comparison table over these periods needs. */
export async function loadComparisonFrame(db: Db, request: FrameRequest): Promise<ComparisonFrame> {
  const { indicator, periods } = request;
  const allAreas = await listAreas(db);
  const periodIds = periods.map((period) => period.id);
  const key = (areaId: number, periodId: number) => `${areaId}:${periodId}`;

  let areas: readonly Area[];
  // Every figure of the indicator over these periods, when no areas are named: read once, it serves the rows and
  // the comparators too (one round trip to a team database's server instead of three).
  let everyFigure: readonly Figure[] | null = null;
  if (request.areas) {
    areas = request.areas;
  } else {
    // Every area with a figure, less the comparators (England beside Buckinghamshire): those are statements, not rows.
    everyFigure = await listFigures(db, { indicatorId: indicator.id, periodIds });
    const withFigures = new Set(everyFigure.map((figure) => figure.areaId));
    areas = allAreas.filter((area) => withFigures.has(area.id));
    const stored = await listComparators(
      db,
      areas.map((area) => area.id),
    );
    const comparatorIds = new Set([...stored.values()].flat().map((area) => area.id));
    const remaining = areas.filter((area) => !comparatorIds.has(area.id));
    if (remaining.length > 0) areas = remaining;
  }
  // No totals row wanted: every listed area is an ordinary row, the county beside its districts included.
  const shape =
    request.totals === false ? { members: areas, total: null, withTotal: false } : shapeTable(areas, allAreas);
  const rowAreaIds = [...shape.members, ...(shape.total ? [shape.total] : [])].map((area) => area.id);
  const figuresOf = async (areaIds: readonly number[]): Promise<readonly Figure[]> => {
    if (everyFigure === null) return listFigures(db, { indicatorId: indicator.id, periodIds, areaIds });
    const wanted = new Set(areaIds);
    return everyFigure.filter((figure) => wanted.has(figure.areaId));
  };
  const figures = await figuresOf(rowAreaIds);
  const listed = new Map(figures.map((figure) => [key(figure.areaId, figure.periodId), figure]));

  const stored = await listComparators(db, rowAreaIds);
  const comparatorsOf = (area: Area | null): readonly Area[] =>
    request.comparators ?? (area ? (stored.get(area.id) ?? []) : []);
  const comparatorIds = [
    ...new Set(
      [...shape.members, ...(shape.total ? [shape.total] : [])].flatMap((a) => comparatorsOf(a).map((c) => c.id)),
    ),
  ];
  const comparatorFigures = await figuresOf(comparatorIds);
  const byComparator = new Map(comparatorFigures.map((figure) => [key(figure.areaId, figure.periodId), figure]));

  return {
    indicator,
    decimals: displayDecimals(
      indicator,
      [...figures, ...comparatorFigures].map((figure) => figure.value),
    ),
    periods,
    members: shape.members,
    total: shape.total,
    withTotal: shape.withTotal,
    totalLabel: shape.total ? `Total ${shape.total.name}` : 'Total',
    figureAt: (areaId, periodId) => listed.get(key(areaId, periodId)) ?? byComparator.get(key(areaId, periodId)),
    listedFigureAt: (areaId, periodId) => listed.get(key(areaId, periodId)),
    comparatorsOf,
  };
}

/** The area each row of a frame's table stands for: the members in order, then the totals row's area (or null). */
export function rowAreas(frame: ComparisonFrame, rows: readonly ComparisonRow[]): (Area | null)[] {
  return rows.map((row, index) => (row.total ? frame.total : (frame.members[index] ?? null)));
}

/**
 * The frame's comparison table between two of its periods: shared/comparison's
 * buildComparisonTable over the members, its totals row (counts summed, rates
 * the whole area's own figure), and targets for the current period.
 */
export function tableBetween(
  frame: ComparisonFrame,
  base: Period,
  current: Period,
  targets: ReadonlyMap<number, StoredTarget> = new Map(),
): ComparisonRow[] {
  const { members, total } = frame;
  const figure = (area: Area, period: Period) => frame.figureAt(area.id, period.id);
  return buildComparisonTable(
    members.map((area) => ({
      area: area.name,
      base: observe(figure(area, base)),
      current: observe(figure(area, current)),
      target: toTarget(targets.get(area.id)),
    })),
    { unit: frame.indicator.unit, polarity: frame.indicator.polarity, decimals: frame.decimals },
    {
      withTotal: frame.withTotal,
      totalLabel: frame.totalLabel,
      totalTarget: total ? toTarget(targets.get(total.id)) : null,
      ...(total ? { totalFrom: { base: observe(figure(total, base)), current: observe(figure(total, current)) } } : {}),
    },
  );
}

/**
 * The table's figures in one period, each row's `current` (and `provisional`)
 * being its figure there: the same table compared with itself, so the totals
 * row follows the one rule of buildComparisonTable.
 */
export function tableAt(frame: ComparisonFrame, period: Period): ComparisonRow[] {
  return tableBetween(frame, period, period);
}

/** "lower than England (19.4) and South East (15.8)" for a row's current figure, or null without comparator figures. */
export function comparatorStatement(
  frame: ComparisonFrame,
  area: Area | null,
  value: number | null,
  period: Period,
): string | null {
  const figures = frame.comparatorsOf(area).map((comparator) => ({
    name: comparator.name,
    value: frame.figureAt(comparator.id, period.id)?.value ?? null,
  }));
  if (value === null || figures.length === 0 || figures.every((figure) => figure.value === null)) return null;
  return describeComparators(value, figures, frame.indicator.polarity, frame.indicator.unit);
}

export interface PeriodComparison {
  readonly rows: readonly ComparisonResultRow[];
  /** The area of each row (null for a totals row with no area of its own). */
  readonly areas: readonly (Area | null)[];
  readonly statedChecks: readonly StatedCheck[];
}

/**
 * The comparison the board reads between two of a frame's periods: each row's
 * difference, change, target and RAG, its comparator statement, and every printed
 * difference and % change checked against the computed one.
 */
export async function comparePeriods(
  db: Db,
  frame: ComparisonFrame,
  base: Period,
  current: Period,
): Promise<PeriodComparison> {
  const { indicator } = frame;
  const [targets, stated] = await Promise.all([
    listTargets(db, { indicatorId: indicator.id, periodId: current.id, basePeriodId: base.id }),
    listStatedComparisons(db, { indicatorId: indicator.id, basePeriodId: base.id, currentPeriodId: current.id }),
  ]);
  const table = tableBetween(frame, base, current, targets);
  const areas = rowAreas(frame, table);
  const rows = table.map((row, index): ComparisonResultRow => ({
    ...row,
    comparators: comparatorStatement(frame, areas[index] ?? null, row.current, current),
  }));

  const statedChecks: StatedCheck[] = [];
  const allAreas = stated.length > 0 ? await listAreas(db) : [];
  for (const printed of stated) {
    const area = allAreas.find((candidate) => candidate.id === printed.areaId);
    const baseFigure = frame.listedFigureAt(printed.areaId, base.id);
    const currentFigure = frame.listedFigureAt(printed.areaId, current.id);
    if (!area || !baseFigure || !currentFigure) continue;
    const label = `${indicator.name}, ${area.name}, ${base.label} to ${current.label}`;
    if (printed.difference !== null) {
      statedChecks.push(checkStatedDifference(label, baseFigure.value, currentFigure.value, printed.difference));
    }
    if (printed.changePercent !== null) {
      statedChecks.push(checkStatedPercentChange(label, baseFigure.value, currentFigure.value, printed.changePercent));
    }
  }
  return { rows, areas, statedChecks };
}
