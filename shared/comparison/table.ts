/**
 * A comparison table as the CLI and the pack print it: one row per area and
 * a totals row. Counts and money are summed; a rate or percent total is the
 * area's own stored figure (`totalFrom`) or no totals row at all, never a
 * sum or an average of the area figures.
 */
import { compare } from './compare';
import { isAdditive, sumObservations } from './totals';
import type { Comparison, IndicatorTraits, Observation, Target } from './types';

export interface ComparisonRowInput {
  readonly area: string;
  readonly base: Observation;
  readonly current: Observation;
  readonly target?: Target | null;
}

export interface ComparisonRow extends Comparison {
  readonly area: string;
  /** True for the totals row. */
  readonly total: boolean;
  readonly target: Target | null;
}

export interface ComparisonTableOptions {
  /** Label of the totals row. Default "Total". */
  readonly totalLabel?: string;
  readonly totalTarget?: Target | null;
  /** See CompareOptions.tolerance. */
  readonly tolerance?: number;
  /**
   * The whole area's own stored base and current (the county's published
   * rate). Used as the totals row for rate and percent units only; counts and
   * money are always summed from the rows (check a stored total against the
   * sum with checkStatedTotal).
   */
  readonly totalFrom?: { readonly base: Observation; readonly current: Observation } | null;
  /**
   * False when a totals row would mislead: the rows are only some of a whole, or
   * one row already contains another (a county beside its districts). Default true.
   */
  readonly withTotal?: boolean;
}

function row(
  area: string,
  total: boolean,
  base: Observation,
  current: Observation,
  target: Target | null,
  traits: IndicatorTraits,
  tolerance: number | undefined,
): ComparisonRow {
  const comparison = compare(base, current, traits, { target, tolerance });
  return { ...comparison, area, total, target };
}

/**
 * Compares every row and appends the totals row: for counts and money the
 * sums of base and current (missing if any row is missing, provisional if
 * any is); for rates and percentages the `totalFrom` figures when given,
 * otherwise no totals row. No rows: an empty table.
 */
export function buildComparisonTable(
  rows: readonly ComparisonRowInput[],
  traits: IndicatorTraits,
  options: ComparisonTableOptions = {},
): ComparisonRow[] {
  const { tolerance } = options;
  const table = rows.map((input) =>
    row(input.area, false, input.base, input.current, input.target ?? null, traits, tolerance),
  );
  if (rows.length === 0 || options.withTotal === false) return table;
  const label = options.totalLabel ?? 'Total';
  const totalTarget = options.totalTarget ?? null;
  if (isAdditive(traits.unit)) {
    const base = sumObservations(
      rows.map((input) => input.base),
      traits.unit,
    );
    const current = sumObservations(
      rows.map((input) => input.current),
      traits.unit,
    );
    table.push(row(label, true, base, current, totalTarget, traits, tolerance));
  } else if (options.totalFrom) {
    table.push(row(label, true, options.totalFrom.base, options.totalFrom.current, totalTarget, traits, tolerance));
  }
  return table;
}
