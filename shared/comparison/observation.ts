/**
 * Reading an Observation defensively: data arrives from CSV imports, the
 * database and IPC, so a NaN or an Infinity must become "no figure" before
 * any arithmetic, never a printed "NaN".
 */
import { MAX_DATA_DECIMALS, roundHalfAwayFromZero } from './rounding';
import type { Observation } from './types';

/**
 * Largest magnitude read as a figure: 2^52 (about 4.5 quadrillion, or £45
 * trillion in pence), so that the difference of any two figures is still an
 * exact double.
 */
export const MAX_FIGURE = 2 ** 52;

/**
 * The usable figure of an observation, or null.
 * - Null, non-numbers, NaN, ±Infinity and magnitudes beyond MAX_FIGURE read
 *   as no figure.
 * - Figures are held to 10 decimals (MAX_DATA_DECIMALS): anything finer is
 *   float noise (0.1 + 0.2 reads as 0.3), and it keeps every change finite
 *   and of the same sign as its difference. -0 reads as 0.
 */
export function figureOf(observation: Observation): number | null {
  const { value } = observation;
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (Math.abs(value) > MAX_FIGURE) return null;
  return roundHalfAwayFromZero(value, MAX_DATA_DECIMALS);
}

/** True only when the observation says it is provisional. */
export function isProvisional(observation: Observation): boolean {
  return observation.provisional === true;
}
