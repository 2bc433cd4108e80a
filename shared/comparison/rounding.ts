/**
 * Rounding the way a board paper rounds (half away from zero, so -0.5 is -1,
 * not 0 as Math.round would have it) and reading how many decimals a figure
 * was published with.
 */

/** Most decimals the engine will read off a figure; beyond it the number is treated as raw float. */
export const MAX_DATA_DECIMALS = 10;

/** Most decimals a difference is shown with when the data does not say. */
export const MAX_DISPLAY_DECIMALS = 3;

/**
 * Rounds half away from zero: 2.5 → 3, -2.5 → -3, -0.4523 → 0 (never -0).
 * Float noise is absorbed first (1.15 is stored as 1.149999…, and still
 * rounds to 1.2 at one decimal). Non-finite values come back unchanged.
 */
export function roundHalfAwayFromZero(value: number, decimals = 0): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError(`decimals must be a whole number from 0 to 15, got ${String(decimals)}`);
  }
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Already at (or too large to have) this many decimals: nothing to round.
  if (!Number.isFinite(scaled) || Number.isInteger(scaled)) return value === 0 ? 0 : value;
  // 15 significant digits are exact in a double; the 16th and 17th are noise.
  const denoised = scaled < 1e15 ? Number(scaled.toPrecision(15)) : scaled;
  const rounded = Math.round(denoised) / factor;
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

/**
 * How many decimals a figure has as written: 9.6 → 1, 8 → 0, 0.05 → 2,
 * 1e-7 → 7. Read from the shortest text that gives the number back, so float
 * storage (9.6 is 9.5999…) does not count. Non-finite → 0.
 */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const [mantissa = '', exponentText] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  return Math.max(0, fraction.length - exponent);
}

/**
 * b - a, exact to the inputs' own decimals: 9.6 - 8.0 is -1.6, not
 * -1.5999999999999996. Integers subtract exactly as they are.
 */
export function exactDifference(from: number, to: number): number {
  const decimals = Math.max(decimalsOf(from), decimalsOf(to));
  const raw = to - from;
  if (decimals > MAX_DATA_DECIMALS) return raw === 0 ? 0 : raw;
  return roundHalfAwayFromZero(raw, decimals);
}

/** a ≤ b, counting a hair's breadth over (float noise) as equal: for tolerance bands. */
export function atMost(a: number, b: number): boolean {
  return a <= b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Fewest decimals (up to `max`) at which `value` prints differently from each
 * of `others` it actually differs from, so a sentence never says "actual -2%,
 * target -2%: worse than target" when the actual is -1.96%.
 */
export function decimalsToDistinguish(value: number, others: readonly number[], min = 0, max = 4): number {
  for (let decimals = min; decimals < max; decimals += 1) {
    const shown = roundHalfAwayFromZero(value, decimals);
    const clash = others.some((other) => other !== value && roundHalfAwayFromZero(other, decimals) === shown);
    if (!clash) return decimals;
  }
  return max;
}
