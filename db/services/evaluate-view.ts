import { BoardpackError } from '../../shared/errors';
import type { Area, Indicator, Period } from '../../shared/model';
import { buildViewTable, type IndicatorSection } from '../../shared/views/build-view-table';
import { unitTextOf } from '../../shared/views/unit-text';
import type { ViewSource, ViewSpec } from '../../shared/views/view-spec';
import type { EvaluatedView } from '../../shared/views/view-table';
import { listAreas } from '../repositories/areas';
import { getView } from '../repositories/comparison-views';
import { listIndicatorPriorities } from '../repositories/indicator-priorities';
import { listIndicators } from '../repositories/indicators';
import { listPeriods } from '../repositories/periods';
import type { Db } from '../schema/database';
import { comparePeriods, loadComparisonFrame, tableAt, type ComparisonFrame } from './comparison-frame';

/** The records a spec names, by id, or a not-found error saying which one is gone. */
function pick<Entry extends { readonly id: number }>(
  entries: readonly Entry[],
  ids: readonly number[],
  what: string,
  field: string,
): Entry[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return ids.map((id) => {
    const entry = byId.get(id);
    if (!entry)
      throw new BoardpackError('not-found', `the view refers to ${what} #${id}, which does not exist`, { field });
    return entry;
  });
}

/** The comparators a trend shows as rows of their own: every row's, once, unless already a row. */
function comparatorAreas(frame: ComparisonFrame): Area[] {
  const rowIds = new Set([...frame.members, ...(frame.total ? [frame.total] : [])].map((area) => area.id));
  const seen = new Map<number, Area>();
  for (const area of [...frame.members, frame.total]) {
    for (const comparator of frame.comparatorsOf(area)) {
      if (!rowIds.has(comparator.id) && !seen.has(comparator.id)) seen.set(comparator.id, comparator);
    }
  }
  return [...seen.values()];
}

async function sectionOf(
  db: Db,
  spec: ViewSpec,
  indicator: Indicator,
  periods: readonly Period[],
  areas: readonly Area[],
  comparators: readonly Area[] | undefined,
  priorities: Awaited<ReturnType<typeof listIndicatorPriorities>>,
): Promise<IndicatorSection> {
  const frame = await loadComparisonFrame(db, {
    indicator,
    periods,
    areas,
    ...(comparators ? { comparators } : {}),
    totals: spec.totals !== 'none',
  });
  const first = periods[0] as Period;
  const last = periods[periods.length - 1] as Period;
  const comparison = await comparePeriods(db, frame, first, last);
  const others = comparatorAreas(frame);
  return {
    indicator: {
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      unitText: unitTextOf(indicator),
      polarity: indicator.polarity,
      decimals: frame.decimals,
      definition: indicator.definition,
      priorities: priorities.get(indicator.id) ?? [],
    },
    periodRows: periods.map((period) => tableAt(frame, period)),
    comparison: comparison.rows,
    areaIds: comparison.areas.map((area) => area?.id ?? null),
    comparatorRows:
      spec.periods.mode === 'trend'
        ? others.map((area) => ({
            areaId: area.id,
            name: area.name,
            values: periods.map((period) => {
              const figure = frame.figureAt(area.id, period.id);
              return { value: figure?.value ?? null, provisional: figure?.provisional ?? false };
            }),
          }))
        : [],
    comparatorNames: others.map((area) => area.name),
    statedChecks: comparison.statedChecks,
    totalArea: frame.total?.name ?? null,
    areaCount: areas.length,
  };
}

/**
 * Evaluates a view spec into its table: for each indicator, the comparison from
 * the first to the last period through the same path as `compareFigures`
 * (differences, changes, targets, RAG, totals by DESIGN.md's rules, comparator
 * statements, printed figures checked), and the figures of every period as
 * columns (a trend's totals follow the same rule in each period).
 */
export async function evaluateView(db: Db, spec: ViewSpec, name: string | null = null): Promise<EvaluatedView> {
  const [allIndicators, allAreas, allPeriods] = await Promise.all([listIndicators(db), listAreas(db), listPeriods(db)]);
  const indicators = pick(allIndicators, spec.indicatorIds, 'indicator', 'spec.indicatorIds');
  const areas = pick(allAreas, spec.areaIds, 'area', 'spec.areaIds');
  const periodIds =
    spec.periods.mode === 'compare' ? [spec.periods.baseId, spec.periods.currentId] : spec.periods.periodIds;
  const periods = pick(allPeriods, periodIds, 'period', 'spec.periods');
  const comparators =
    spec.comparators.from === 'list'
      ? pick(allAreas, spec.comparators.areaIds, 'comparator area', 'spec.comparators.areaIds')
      : undefined;
  const priorities = await listIndicatorPriorities(db, spec.indicatorIds);
  const sections: IndicatorSection[] = [];
  for (const indicator of indicators) {
    sections.push(await sectionOf(db, spec, indicator, periods, areas, comparators, priorities));
  }
  return buildViewTable({ name, spec, periods, sections });
}

/** Evaluates a saved view (by id) or an unsaved spec. */
export async function evaluateViewSource(db: Db, source: ViewSource): Promise<EvaluatedView> {
  if (source.id !== undefined) {
    const saved = await getView(db, source.id);
    return evaluateView(db, saved.spec, saved.name);
  }
  if (!source.spec)
    throw new BoardpackError('invalid-input', 'give the id of a saved view or a view spec', { field: 'id' });
  return evaluateView(db, source.spec, source.name ?? null);
}
