import { displayDecimals } from '../../../shared/comparison';
import type { PaperNode } from '../../../shared/pack/agenda-content';
import { splitFields, type FieldData, type FieldRef } from '../../../shared/pack/fields';
import { normaliseName } from '../../../shared/names';
import { listAreas } from '../../../db/repositories/areas';
import { listIndicators } from '../../../db/repositories/indicators';
import { listPeriods } from '../../../db/repositories/periods';
import type { Db } from '../../../db/schema/database';

/** Every well-formed field reference in papers' text (a field split over styled runs is found too). */
export function fieldRefsIn(nodes: readonly PaperNode[]): FieldRef[] {
  const text = (node: PaperNode): string => (node.text ?? '') + (node.content ?? []).map(text).join('');
  return splitFields(nodes.map(text).join('\n')).flatMap((part) =>
    part.kind === 'field' && part.ref ? [part.ref] : [],
  );
}

/**
 * What a paper's fields are filled from: every indicator, area (with its
 * aliases) and period, and the figures of the indicators the fields name
 * (only those: a database may hold millions of figures).
 */
export async function loadFieldData(db: Db, refs: readonly FieldRef[]): Promise<FieldData> {
  const [indicators, areas, periods] = await Promise.all([listIndicators(db), listAreas(db), listPeriods(db)]);
  const named = new Set(refs.map((ref) => normaliseName(ref.indicator)));
  const ids = indicators.filter((indicator) => named.has(normaliseName(indicator.name))).map((i) => i.id);
  const figures =
    ids.length === 0
      ? []
      : await db
          .selectFrom('figure')
          .select(['indicatorId', 'areaId', 'periodId', 'value', 'provisional'])
          .where('indicatorId', 'in', ids)
          .execute();
  const byKey = new Map(
    figures.map((figure) => [
      `${figure.indicatorId}:${figure.areaId}:${figure.periodId}`,
      { value: figure.value, provisional: figure.provisional === 1 },
    ]),
  );
  const valuesOf = new Map<number, number[]>();
  for (const figure of figures) {
    const values = valuesOf.get(figure.indicatorId);
    if (values) values.push(figure.value);
    else valuesOf.set(figure.indicatorId, [figure.value]);
  }
  return {
    indicators: indicators.map((indicator) => ({
      id: indicator.id,
      names: [indicator.name],
      unit: indicator.unit,
      polarity: indicator.polarity,
      decimals: displayDecimals(indicator, valuesOf.get(indicator.id) ?? []),
    })),
    areas: areas.map((area) => ({ id: area.id, names: [area.name, ...area.aliases] })),
    periods: periods.map((period) => ({ id: period.id, names: [period.label] })),
    figure: (indicatorId, areaId, periodId) => byKey.get(`${indicatorId}:${areaId}:${periodId}`),
  };
}
