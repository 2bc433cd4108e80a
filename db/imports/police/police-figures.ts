import type { Transaction } from 'kysely';
import { normaliseName } from '../../../shared/names';
import type { FigureInput } from '../../../shared/model';
import type { Writer } from '../../repositories/change-log';
import { upsertFigures, type UpsertResult } from '../../repositories/figures';
import { ensurePeriod } from '../../repositories/period-writes';
import { importedPoliceMonths, policeMonthCounts } from '../../repositories/police-months';
import { listPoliceCrimeTypes } from '../../repositories/police-crime-types';
import type { Database } from '../../schema/database';
import type { PeriodRow } from '../../schema/period.table';
import { rollUpsOf } from '../periods/financial-roll-ups';
import { monthSpec, parseMonthLabel, type PeriodSpec } from '../periods/period-labels';

export const POLICE_SOURCE = 'police.uk street-level crime data';

/** The figures of one period: crime type → area id → crimes. */
type PeriodCounts = Map<string, Map<number, number>>;

interface PeriodFigures {
  readonly spec: PeriodSpec;
  readonly counts: PeriodCounts;
}

function add(counts: PeriodCounts, crimeType: string, areaId: number, count: number): void {
  let byArea = counts.get(crimeType);
  if (!byArea) {
    byArea = new Map();
    counts.set(crimeType, byArea);
  }
  byArea.set(areaId, (byArea.get(areaId) ?? 0) + count);
}

/**
 * A month's figures: every crime type seen that month in every area seen that
 * month, 0 where none was counted (the month was imported, so none is a count).
 */
function monthFigures(counts: PeriodCounts): PeriodCounts {
  const areas = new Set([...counts.values()].flatMap((byArea) => [...byArea.keys()]));
  const filled: PeriodCounts = new Map();
  for (const [crimeType, byArea] of counts) {
    filled.set(crimeType, new Map([...areas].map((areaId) => [areaId, byArea.get(areaId) ?? 0])));
  }
  return filled;
}

/**
 * Turns the stored police counts into figures for the months just imported
 * and for every period they roll up into whose months are all imported
 * (quarter, financial year, April to date; see rollUpsOf): each crime type's
 * indicator, by area. A figure the police data gave before and no longer gives
 * becomes 0, so a month imported again replaces what it said. Periods are
 * created as needed ("2024-04", "Apr-Jun 2024", "2024/25").
 */
export async function writePoliceFigures(
  trx: Transaction<Database>,
  writer: Writer,
  months: readonly string[],
): Promise<UpsertResult & { indicatorIds: ReadonlySet<number> }> {
  const periods: PeriodFigures[] = [];
  const rollUps = new Map<string, { spec: PeriodSpec; months: readonly string[] }>();
  for (const month of months) {
    const { year, month: number } = parseMonthLabel(month) ?? { year: 0, month: 0 };
    periods.push({ spec: monthSpec(year, number), counts: new Map() });
    for (const rollUp of rollUpsOf(year, number)) rollUps.set(rollUp.spec.label, rollUp);
  }
  const needed = [...new Set([...months, ...[...rollUps.values()].flatMap((rollUp) => rollUp.months)])];
  const imported = await importedPoliceMonths(trx, needed);
  const counts = await policeMonthCounts(trx, [...imported]);
  const byMonth = new Map<string, PeriodCounts>();
  for (const count of counts) {
    const monthCounts: PeriodCounts = byMonth.get(count.month) ?? new Map<string, Map<number, number>>();
    add(monthCounts, count.crimeType, count.areaId, count.count);
    byMonth.set(count.month, monthCounts);
  }
  for (const period of periods) {
    for (const [crimeType, byArea] of monthFigures(
      byMonth.get(period.spec.label) ?? new Map<string, Map<number, number>>(),
    )) {
      for (const [areaId, count] of byArea) add(period.counts, crimeType, areaId, count);
    }
  }
  for (const rollUp of rollUps.values()) {
    if (!rollUp.months.every((month) => imported.has(month))) continue;
    const total: PeriodCounts = new Map();
    for (const month of rollUp.months) {
      for (const [crimeType, byArea] of byMonth.get(month) ?? new Map<string, Map<number, number>>()) {
        for (const [areaId, count] of byArea) add(total, crimeType, areaId, count);
      }
    }
    periods.push({ spec: rollUp.spec, counts: total });
  }
  return writeFigures(trx, writer, periods);
}

async function writeFigures(
  trx: Transaction<Database>,
  writer: Writer,
  periods: readonly PeriodFigures[],
): Promise<UpsertResult & { indicatorIds: ReadonlySet<number> }> {
  const indicators = await listPoliceCrimeTypes(trx);
  const indicatorIds = new Set(indicators.values());
  const known = new Map<string, PeriodRow>(
    (await trx.selectFrom('period').selectAll().execute()).map((row) => [normaliseName(row.label), row]),
  );
  const figures: FigureInput[] = [];
  for (const { spec, counts } of periods) {
    const periodId = await ensurePeriod(trx, writer, spec, known);
    const fresh = new Set<string>();
    for (const [crimeType, byArea] of counts) {
      const indicatorId = indicators.get(crimeType);
      if (indicatorId === undefined) continue;
      for (const [areaId, value] of byArea) {
        fresh.add(`${indicatorId}:${areaId}`);
        figures.push({ indicatorId, areaId, periodId, value, provisional: false, source: POLICE_SOURCE, note: null });
      }
    }
    if (indicatorIds.size === 0) continue;
    const stale = await trx
      .selectFrom('figure')
      .select(['indicatorId', 'areaId'])
      .where('periodId', '=', periodId)
      .where('indicatorId', 'in', [...indicatorIds])
      .where('value', '<>', 0)
      .orderBy('id')
      .execute();
    for (const figure of stale) {
      if (fresh.has(`${figure.indicatorId}:${figure.areaId}`)) continue;
      figures.push({ ...figure, periodId, value: 0, provisional: false, source: POLICE_SOURCE, note: null });
    }
  }
  const written = await upsertFigures(trx, writer, figures);
  return { ...written, indicatorIds };
}
