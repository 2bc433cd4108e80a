/**
 * The base-to-current comparison the board relies on: difference, change,
 * direction, RAG, and the text of each, computed once here so every screen
 * and document says the same thing.
 */
import type { Unit } from '../domain';
import { formatDifference, formatPoints, formatSignedWholePercent } from './format';
import { figureOf, isProvisional } from './observation';
import { judgeRag } from './rag';
import { decimalsOf, exactDifference, MAX_DATA_DECIMALS, MAX_DISPLAY_DECIMALS } from './rounding';
import type {
  ChangeKind,
  Comparison,
  CompareOptions,
  ComparisonStatus,
  Direction,
  IndicatorTraits,
  Observation,
} from './types';

/** Default amber band: 2% for ratio changes, 2 points for percent-unit indicators. */
export const DEFAULT_TOLERANCE = 0.02;
export const DEFAULT_TOLERANCE_POINTS = 2;

/** Percent-unit indicators change in points (36% → 43% is +7 pp, never +19%); the rest by ratio. */
export function changeKindOf(unit: Unit): ChangeKind {
  return unit === 'percent' ? 'points' : 'ratio';
}

/** The tolerance to use: the one given (a finite number ≥ 0) or the unit's default. */
export function resolveTolerance(unit: Unit, tolerance: number | undefined): number {
  if (tolerance === undefined) return unit === 'percent' ? DEFAULT_TOLERANCE_POINTS : DEFAULT_TOLERANCE;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new RangeError(`tolerance must be a finite number of 0 or more, got ${String(tolerance)}`);
  }
  return tolerance;
}

/**
 * Decimals a difference is shown with: money none (whole pence via £);
 * traits.decimals when the indicator says; else the larger of the two
 * inputs' own decimals, at most 3 (9.6 - 8.0 → "-1.6").
 */
export function displayDecimals(traits: IndicatorTraits, figures: readonly (number | null)[]): number {
  if (traits.unit === 'money') return 0;
  const stated = traits.decimals;
  if (stated !== undefined && Number.isInteger(stated) && stated >= 0 && stated <= MAX_DATA_DECIMALS) return stated;
  const own = figures.map((figure) => (figure === null ? 0 : decimalsOf(figure)));
  return Math.min(Math.max(0, ...own), MAX_DISPLAY_DECIMALS);
}

type MissingStatus = 'missing base' | 'missing current' | 'missing both';

function missingStatus(base: number | null, current: number | null): MissingStatus {
  if (base === null && current === null) return 'missing both';
  return base === null ? 'missing base' : 'missing current';
}

const MISSING_CHANGE_TEXT: Readonly<Record<MissingStatus, string>> = {
  'missing base': 'no base figure',
  'missing current': 'no current figure',
  'missing both': 'no figures',
};

function directionOf(traits: IndicatorTraits, difference: number): Direction {
  if (traits.polarity === 'neutral') return 'no direction';
  if (difference === 0) return 'unchanged';
  const fell = difference < 0;
  return fell === (traits.polarity === 'lower is better') ? 'better' : 'worse';
}

/**
 * Compares a current figure with a base figure.
 *
 * - difference = current - base, exact (integers exactly; decimals to the
 *   data's decimals, so 9.6 - 8.0 is -1.6).
 * - change: ratio units, difference / |base| (dividing by |base| keeps the
 *   sign of the change the sign of the difference, even for a negative base);
 *   percent units, the difference in percentage points.
 * - Missing figures (null, NaN, ±Infinity) give status 'missing …', no
 *   difference, no change, "n/a" and "no base figure"-style text.
 * - A zero base (ratio units) gives status 'zero base': the difference is
 *   shown, the change is null and reads "new (base was 0)" or "n/a (base 0)".
 *   Percent units have no zero-base problem: 0% → 5% is +5 pp.
 * - direction: by polarity whenever both figures exist (zero base included);
 *   'no direction' for neutral indicators and missing figures.
 * - RAG: see rag.ts. Provisional figures are carried, not treated differently.
 */
export function compare(
  base: Observation,
  current: Observation,
  traits: IndicatorTraits,
  options: CompareOptions = {},
): Comparison {
  const baseFigure = figureOf(base);
  const currentFigure = figureOf(current);
  const provisional = isProvisional(base) || isProvisional(current);
  const changeKind = changeKindOf(traits.unit);
  const tolerance = resolveTolerance(traits.unit, options.tolerance);
  const target = options.target ?? null;
  const decimals = displayDecimals(traits, [baseFigure, currentFigure]);
  const judge = (status: ComparisonStatus, movement: number | null): ReturnType<typeof judgeRag> =>
    judgeRag({
      status,
      unit: traits.unit,
      polarity: traits.polarity,
      changeKind,
      current: currentFigure,
      movement,
      target,
      tolerance,
      provisional,
    });

  if (baseFigure === null || currentFigure === null) {
    const status = missingStatus(baseFigure, currentFigure);
    const { rag, reason } = judge(status, null);
    return {
      base: baseFigure,
      current: currentFigure,
      difference: null,
      change: null,
      changeKind,
      status,
      provisional,
      direction: 'no direction',
      differenceText: formatDifference(null, traits.unit, decimals),
      changeText: MISSING_CHANGE_TEXT[status],
      rag,
      ragReason: reason,
    };
  }

  const difference = exactDifference(baseFigure, currentFigure);
  let status: ComparisonStatus = 'complete';
  let change: number | null;
  let movement: number | null;
  let changeText: string;
  if (changeKind === 'points') {
    change = difference;
    movement = difference;
    changeText = formatPoints(difference, decimals);
  } else {
    // Percent straight from the difference: -166 × 100 / 367, one rounding, no ratio × 100 noise.
    // figureOf keeps a nonzero base at least 1e-10 and figures at most 2^52, so both are finite;
    // the finiteness check is a guard, not a rule.
    const ratio = baseFigure === 0 ? Number.NaN : difference / Math.abs(baseFigure);
    const percent = baseFigure === 0 ? Number.NaN : (difference * 100) / Math.abs(baseFigure);
    if (Number.isFinite(ratio) && Number.isFinite(percent)) {
      change = ratio;
      movement = percent;
      changeText = formatSignedWholePercent(percent);
    } else {
      status = 'zero base';
      change = null;
      movement = null;
      changeText = difference === 0 ? 'n/a (base 0)' : 'new (base was 0)';
    }
  }
  const { rag, reason } = judge(status, movement);
  return {
    base: baseFigure,
    current: currentFigure,
    difference,
    change,
    changeKind,
    status,
    provisional,
    direction: directionOf(traits, difference),
    differenceText: formatDifference(difference, traits.unit, decimals),
    changeText,
    rag,
    ragReason: reason,
  };
}
