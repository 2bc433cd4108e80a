import type { Transaction } from 'kysely';
import { rateFrom } from '../../../shared/comparison';
import type { RateDenominator } from '../../../shared/domain';
import { BoardpackError } from '../../../shared/errors';
import type { FigureInput } from '../../../shared/model';
import type { Writer } from '../../repositories/change-log';
import { upsertFigures, type UpsertResult } from '../../repositories/figures';
import { listPopulations } from '../../repositories/populations';
import type { PopulationRow } from '../../schema/area.table';
import type { Database } from '../../schema/database';

/** A rate computed for one area and period, and the population year it used. */
export interface ComputedRate {
  readonly areaId: number;
  readonly periodId: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly populationYear: number;
  readonly value: number;
}

/** A count the rate could not be computed for, and why. */
export interface SkippedRate {
  readonly areaId: number;
  readonly periodId: number;
  readonly reason: string;
}

export interface RateResult extends UpsertResult {
  readonly indicatorId: number;
  readonly rates: readonly ComputedRate[];
  readonly skipped: readonly SkippedRate[];
}

const COLUMN: Readonly<Record<RateDenominator, 'residents' | 'households' | 'youngPeople'>> = {
  residents: 'residents',
  households: 'households',
  'young people aged 10-17': 'youngPeople',
};

/**
 * The population a period's rate divides by: the area's figure for the year the
 * period starts in, or failing that the latest earlier year (estimates are
 * published a year or two late); never a later year.
 */
function populationFor(
  rows: readonly PopulationRow[],
  year: number,
  column: 'residents' | 'households' | 'youngPeople',
): { year: number; value: number } | null {
  let best: { year: number; value: number } | null = null;
  for (const row of rows) {
    const value = row[column];
    if (value === null || row.year > year) continue;
    if (!best || row.year > best.year) best = { year: row.year, value };
  }
  return best;
}

/**
 * Computes a rate indicator from its numerator (a count indicator) and the
 * population: numerator × ratePer ÷ residents, households or young people, for
 * every area and period the numerator has a figure for, and writes the rates as
 * the rate indicator's figures (logged old → new). Never an average of rates.
 */
export async function computeRates(
  trx: Transaction<Database>,
  writer: Writer,
  rateIndicatorId: number,
): Promise<RateResult> {
  const rate = await trx.selectFrom('indicator').selectAll().where('id', '=', rateIndicatorId).executeTakeFirst();
  if (!rate) throw new BoardpackError('not-found', `no indicator ${rateIndicatorId}`, { field: 'indicator' });
  if (
    rate.unit !== 'rate' ||
    rate.ratePer === null ||
    rate.denominator === null ||
    rate.numeratorIndicatorId === null
  ) {
    throw new BoardpackError(
      'invalid-input',
      `${rate.name} is not a computed rate (it needs a rate unit, a denominator and a numerator indicator)`,
      { field: 'indicator' },
    );
  }
  const numerator = await trx
    .selectFrom('indicator')
    .select('name')
    .where('id', '=', rate.numeratorIndicatorId)
    .executeTakeFirstOrThrow();
  const counts = await trx
    .selectFrom('figure')
    .innerJoin('period', 'period.id', 'figure.periodId')
    .select(['figure.areaId', 'figure.periodId', 'figure.value', 'figure.provisional', 'period.startDate'])
    .where('figure.indicatorId', '=', rate.numeratorIndicatorId)
    .orderBy('figure.areaId')
    .orderBy('period.startDate')
    .execute();
  const populations = new Map<number, PopulationRow[]>();
  for (const row of await listPopulations(trx, [...new Set(counts.map((count) => count.areaId))])) {
    populations.set(row.areaId, [...(populations.get(row.areaId) ?? []), row]);
  }
  const column = COLUMN[rate.denominator];
  const rates: ComputedRate[] = [];
  const skipped: SkippedRate[] = [];
  const figures: FigureInput[] = [];
  for (const count of counts) {
    const year = Number(count.startDate.slice(0, 4));
    const population = populationFor(populations.get(count.areaId) ?? [], year, column);
    const value = population ? rateFrom(count.value, population.value, rate.ratePer) : null;
    if (!population || value === null) {
      skipped.push({
        areaId: count.areaId,
        periodId: count.periodId,
        reason: population
          ? `the ${rate.denominator} figure is 0`
          : `no ${rate.denominator} figure for ${year} or before`,
      });
      continue;
    }
    rates.push({
      areaId: count.areaId,
      periodId: count.periodId,
      numerator: count.value,
      denominator: population.value,
      populationYear: population.year,
      value,
    });
    figures.push({
      indicatorId: rate.id,
      areaId: count.areaId,
      periodId: count.periodId,
      value,
      provisional: count.provisional === 1,
      source: `computed: ${numerator.name} per ${rate.ratePer.toLocaleString('en-GB')} ${rate.denominator} (population ${population.year})`,
      note: null,
    });
  }
  const written = await upsertFigures(trx, writer, figures);
  return { ...written, indicatorId: rate.id, rates, skipped };
}

/**
 * Recomputes every computed rate (or those whose numerator is one of
 * `numeratorIds`), after the counts or the populations behind them changed.
 */
export async function recomputeRates(
  trx: Transaction<Database>,
  writer: Writer,
  numeratorIds?: ReadonlySet<number>,
): Promise<UpsertResult> {
  const rates = await trx
    .selectFrom('indicator')
    .select(['id', 'numeratorIndicatorId'])
    .where('numeratorIndicatorId', 'is not', null)
    .where('unit', '=', 'rate')
    .execute();
  const total = { inserted: 0, updated: 0, unchanged: 0 };
  for (const rate of rates) {
    if (numeratorIds && !numeratorIds.has(rate.numeratorIndicatorId ?? -1)) continue;
    const result = await computeRates(trx, writer, rate.id);
    total.inserted += result.inserted;
    total.updated += result.updated;
    total.unchanged += result.unchanged;
  }
  return total;
}
