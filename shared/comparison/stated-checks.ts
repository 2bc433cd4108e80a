/**
 * Stated-versus-computed checks. Board papers print totals, differences and
 * percentages that were typed by hand; the app recomputes each one and flags
 * a printed number that disagrees, rather than copying it.
 */
import type { Unit } from '../domain';
import { BoardpackError } from '../errors';
import { sumExactly } from './exact-sum';
import { formatValue } from './format';
import { formatNumber, formatSignedNumber, naturalDecimals } from './number-text';
import { decimalsOf, exactDifference, MAX_DATA_DECIMALS, roundHalfAwayFromZero } from './rounding';

export interface StatedCheck {
  readonly label: string;
  readonly stated: number;
  /** The engine's own figure (for percent checks, the unrounded percent). */
  readonly computed: number;
  readonly agrees: boolean;
  /** One sentence for the board secretary, naming both numbers. */
  readonly message: string;
}

/** How the figures in a check's message are printed. */
export interface StatedCheckOptions {
  /** 'money' prints pence as "£277,000"; the default 'count' prints plain numbers. */
  readonly unit?: Unit;
  /** Overrides `unit`: prints an unsigned figure. */
  readonly format?: (value: number) => string;
}

export interface StatedTotalOptions extends StatedCheckOptions {
  /** Largest absolute difference still counted as agreeing. Default 0. */
  readonly tolerance?: number;
}

type Printer = (value: number) => string;

function printerFor(options: StatedCheckOptions | undefined): Printer {
  if (options?.format) return options.format;
  const unit = options?.unit ?? 'count';
  return (value) => formatValue(value, unit);
}

function signedPrinter(options: StatedCheckOptions | undefined): Printer {
  const print = printerFor(options);
  if (!options?.format && (options?.unit ?? 'count') !== 'money') {
    return (value) => formatSignedNumber(value, naturalDecimals(value));
  }
  return (value) => (value > 0 ? `+${print(value)}` : value < 0 ? `-${print(Math.abs(value))}` : print(0));
}

function requireFinite(label: string, values: readonly number[]): void {
  if (values.some((value) => typeof value !== 'number' || !Number.isFinite(value))) {
    throw new BoardpackError('invalid-input', `${label}: every figure to check must be a number`);
  }
}

/** A percent at `decimals` decimals, then a more exact figure in brackets when rounding hid something. */
function percentText(percent: number, decimals: number, signed: boolean): string {
  const shown = signed ? formatSignedNumber(percent, decimals) : formatNumber(percent, decimals);
  const exactDecimals = Math.min(decimals + 2, MAX_DATA_DECIMALS);
  const precise = roundHalfAwayFromZero(percent, exactDecimals);
  if (roundHalfAwayFromZero(percent, decimals) === precise) return `${shown}%`;
  const preciseText = signed
    ? formatSignedNumber(precise, naturalDecimals(precise, exactDecimals))
    : formatNumber(precise, naturalDecimals(precise, exactDecimals));
  return `${shown}% (${preciseText}%)`;
}

/**
 * Do these lines add up to the stated total? The fourth argument is an
 * absolute tolerance (default 0) or options with a unit/format and tolerance.
 * BCC 2014/15: lines add to £277,000 against a stated £246,000 → flagged,
 * "BCC 2014/15 expected budget: lines add to £277,000, stated £246,000 (difference £31,000)".
 */
export function checkStatedTotal(
  label: string,
  parts: readonly number[],
  stated: number,
  toleranceOrOptions?: number | StatedTotalOptions,
): StatedCheck {
  const options: StatedTotalOptions =
    typeof toleranceOrOptions === 'number' ? { tolerance: toleranceOrOptions } : (toleranceOrOptions ?? {});
  const tolerance = options.tolerance ?? 0;
  requireFinite(label, [...parts, stated, tolerance]);
  if (tolerance < 0) throw new BoardpackError('invalid-input', `${label}: the tolerance cannot be negative`);
  const computed = sumExactly(parts);
  const gap = Math.abs(sumExactly([computed, -stated]));
  const agrees = gap <= tolerance;
  const print = printerFor(options);
  const message =
    gap === 0
      ? `${label}: lines add to ${print(computed)}, agreeing with the stated ${print(stated)}`
      : agrees
        ? `${label}: lines add to ${print(computed)}, stated ${print(stated)} (difference ${print(gap)}, within the tolerance of ${print(tolerance)})`
        : `${label}: lines add to ${print(computed)}, stated ${print(stated)} (difference ${print(gap)})`;
  return { label, stated, computed, agrees, message };
}

/**
 * Is the printed difference current - base? Wycombe domestic burglary
 * 367 → 201 printed -116: computed -166, flagged,
 * "Wycombe domestic burglary (367 to 201): printed -116, computed -166".
 */
export function checkStatedDifference(
  label: string,
  base: number,
  current: number,
  statedDifference: number,
  options?: StatedCheckOptions,
): StatedCheck {
  requireFinite(label, [base, current, statedDifference]);
  const computed = exactDifference(base, current);
  const agrees = computed === exactDifference(0, statedDifference);
  const print = printerFor(options);
  const signed = signedPrinter(options);
  const head = `${label} (${print(base)} to ${print(current)}): printed ${signed(statedDifference)}`;
  const message = agrees
    ? `${head}, agreeing with the computed ${signed(computed)}`
    : `${head}, computed ${signed(computed)}`;
  return { label, stated: statedDifference, computed, agrees, message };
}

/**
 * Is the printed % change right? Agrees when the computed percent, rounded
 * half away from zero to the printed number of decimals, equals the printed
 * figure (Wycombe 367 → 201 is -45.23%: printed -45% agrees). `computed` is
 * the unrounded percent. A zero base has no percent change: throws a
 * BoardpackError ('invalid-input').
 */
export function checkStatedPercentChange(
  label: string,
  base: number,
  current: number,
  statedPercent: number,
  options?: StatedCheckOptions,
): StatedCheck {
  requireFinite(label, [base, current, statedPercent]);
  if (base === 0) throw new BoardpackError('invalid-input', `${label}: there is no percent change from a base of 0`);
  const computed = (exactDifference(base, current) * 100) / Math.abs(base);
  const decimals = Math.min(decimalsOf(statedPercent), MAX_DATA_DECIMALS);
  const agrees = roundHalfAwayFromZero(computed, decimals) === statedPercent;
  const print = printerFor(options);
  const head = `${label} (${print(base)} to ${print(current)}): printed ${formatSignedNumber(statedPercent, decimals)}%`;
  const computedText = percentText(computed, decimals, true);
  const message = agrees ? `${head}, agreeing with the computed ${computedText}` : `${head}, computed ${computedText}`;
  return { label, stated: statedPercent, computed, agrees, message };
}

/**
 * Is "£amount, a statedPercent% (£statedChange) reduction" consistent? The
 * previous figure is amount + change; the percent is change / previous, and
 * agrees when it rounds to the printed decimals. PCC 2014/15: £501,717 after
 * a £32,800 reduction from £534,517 is 6.136%, printed 6.14%: agrees.
 * Default unit 'count'; pass { unit: 'money' } for pence. A previous figure
 * of 0 throws a BoardpackError ('invalid-input').
 */
export function checkStatedReduction(
  label: string,
  amount: number,
  statedPercent: number,
  statedChange: number,
  options?: StatedCheckOptions,
): StatedCheck {
  requireFinite(label, [amount, statedPercent, statedChange]);
  const previous = sumExactly([amount, statedChange]);
  if (previous === 0) throw new BoardpackError('invalid-input', `${label}: there is no percent reduction from 0`);
  const computed = (statedChange * 100) / Math.abs(previous);
  const decimals = Math.min(decimalsOf(statedPercent), MAX_DATA_DECIMALS);
  const agrees = roundHalfAwayFromZero(computed, decimals) === statedPercent;
  const print = printerFor(options);
  const head = `${label}: ${print(amount)} after a ${print(statedChange)} reduction from ${print(previous)} is a ${percentText(computed, decimals, false)} reduction`;
  const message = agrees
    ? `${head}, agreeing with the stated ${formatNumber(statedPercent, decimals)}%`
    : `${head}, not the stated ${formatNumber(statedPercent, decimals)}%`;
  return { label, stated: statedPercent, computed, agrees, message };
}
