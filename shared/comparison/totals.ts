/**
 * Totals and rates. A totals row sums counts and money only; a county rate
 * is recomputed from its numerator and denominator (or taken as the county's
 * own published figure), never the sum or the average of area rates.
 */
import type { Unit } from '../domain';
import { BoardpackError } from '../errors';
import { sumExactly } from './exact-sum';
import { figureOf, isProvisional } from './observation';
import type { Observation } from './types';

/** Counts and money (whole pence) add up across areas; rates and percentages never do. */
export function isAdditive(unit: Unit): boolean {
  return unit === 'count' || unit === 'money';
}

const NOT_ADDITIVE: Readonly<Record<'rate' | 'percent', string>> = {
  rate: 'rates are never summed: recompute from numerator and denominator',
  percent: 'percentages are never summed: recompute from the counts behind them',
};

/**
 * The total of some observations of an additive unit.
 * - A rate or percent unit throws a BoardpackError ('invalid-input'): adding
 *   rates is the mistake this engine exists to prevent.
 * - Any missing part (null, NaN, ±Infinity) makes the total missing
 *   ({ value: null }): a partial total is not a total. No parts: no total.
 * - Provisional when any part is, even when the total is missing.
 * - Whole numbers add exactly, in any order.
 */
export function sumObservations(values: readonly Observation[], unit: Unit): Observation {
  if (unit === 'rate' || unit === 'percent') throw new BoardpackError('invalid-input', NOT_ADDITIVE[unit]);
  const provisional = values.some(isProvisional);
  const figures = values.map(figureOf);
  if (figures.length === 0 || figures.some((figure) => figure === null)) return { value: null, provisional };
  return { value: sumExactly(figures as readonly number[]), provisional };
}

/**
 * A rate per `per` (1,000 residents, say): numerator × per / denominator.
 * Null when either figure is missing or not finite, or the denominator is 0
 * or negative (a rate of nothing has no meaning). Unrounded: formatting
 * rounds. Throws a RangeError when `per` is not a positive finite number.
 */
export function rateFrom(numerator: number | null, denominator: number | null, per: number): number | null {
  if (!Number.isFinite(per) || per <= 0) throw new RangeError(`per must be a positive number, got ${String(per)}`);
  if (numerator === null || denominator === null) return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  const rate = (numerator * per) / denominator;
  if (!Number.isFinite(rate)) return null;
  return rate === 0 ? 0 : rate;
}

/** The base and current figures of the areas a totals row adds up. */
export interface TotalRowInput {
  readonly base: readonly Observation[];
  readonly current: readonly Observation[];
}

/** The totals row's base and current: each the sumObservations of its column. */
export function sumTotalRow(
  input: TotalRowInput,
  unit: Unit,
): { readonly base: Observation; readonly current: Observation } {
  return { base: sumObservations(input.base, unit), current: sumObservations(input.current, unit) };
}
