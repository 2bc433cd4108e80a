/**
 * Formatting used everywhere, so the UI, the CLI and the pack print a figure
 * the same way. Nothing here ever returns "NaN", "Infinity" or "undefined":
 * a value that cannot be shown is shown as absent.
 */
import type { Unit } from '../domain';
import { formatPence } from '../money';
import { formatNumber, formatSignedNumber, naturalDecimals } from './number-text';
import { roundHalfAwayFromZero } from './rounding';

/** An en dash: the cell has no figure. */
export const NO_FIGURE = '–';

/** What a change is shown as when it cannot be computed. */
export const NOT_APPLICABLE = 'n/a';

/** A percent (already ×100) as a whole, signed percent: -45.23 → "-45%", 0.3 → "0%". */
export function formatSignedWholePercent(percent: number): string {
  if (!Number.isFinite(percent)) return NOT_APPLICABLE;
  return `${formatSignedNumber(percent, 0)}%`;
}

/**
 * A ratio as a whole, signed percent, rounded half away from zero:
 * -0.4523 → "-45%", 0.0995 → "+10%", -0.00897 → "-1%"; anything that rounds
 * to zero is "0%" with no sign. A non-finite ratio is "n/a".
 */
export function formatSignedPercent(ratio: number): string {
  return formatSignedWholePercent(ratio * 100);
}

/**
 * A change in percentage points: 7 → "+7 pp", -6 → "-6 pp", 0 → "0 pp".
 * Decimals: as given, else the value's own (at most 3).
 */
export function formatPoints(points: number, decimals?: number): string {
  if (!Number.isFinite(points)) return NOT_APPLICABLE;
  return `${formatSignedNumber(points, decimals ?? naturalDecimals(points))} pp`;
}

/**
 * A figure as a cell shows it: count "1108" (commas from 10,000), rate "6.7",
 * percent "43%", money (pence) "£501,717"; no figure → "–". Decimals: as
 * given, else the value's own (at most 3); money is always whole pence.
 */
export function formatValue(value: number | null, unit: Unit, decimals?: number): string {
  if (value === null || !Number.isFinite(value)) return NO_FIGURE;
  if (unit === 'money') return formatPence(roundHalfAwayFromZero(value));
  const text = formatNumber(value, decimals ?? naturalDecimals(value));
  return unit === 'percent' ? `${text}%` : text;
}

/**
 * A difference with its sign: "+98", "-166", "0", "-1.6" (at `decimals`),
 * money "+£32,800"; percent-unit differences are points, "+7 pp".
 */
export function formatDifference(difference: number | null, unit: Unit, decimals: number): string {
  if (difference === null || !Number.isFinite(difference)) return NOT_APPLICABLE;
  if (unit === 'money') {
    const pence = roundHalfAwayFromZero(difference);
    return `${pence > 0 ? '+' : pence < 0 ? '-' : ''}${formatPence(Math.abs(pence))}`;
  }
  if (unit === 'percent') return formatPoints(difference, decimals);
  return formatSignedNumber(difference, decimals);
}
