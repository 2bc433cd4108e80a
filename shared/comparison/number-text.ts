/**
 * Numbers as text, one way for every screen and document.
 *
 * Thousands separators: en-GB commas from 10,000 up ("12,345"); four-digit
 * figures stay as the source tables print them ("1108", "2752"), so a pack
 * cell reads the same as the paper the board already has. Money is the
 * exception and always has commas (shared/money.ts, "£1,250").
 * Minus is the ASCII hyphen-minus, as the source tables print it.
 */
import { decimalsOf, MAX_DISPLAY_DECIMALS, roundHalfAwayFromZero } from './rounding';

/** Figures from this magnitude up get thousands separators. */
export const GROUP_THOUSANDS_FROM = 10_000;

/** |value| at `decimals`, with separators from 10,000. Expects a finite number. */
function unsignedText(value: number, decimals: number): string {
  const magnitude = Math.abs(roundHalfAwayFromZero(value, decimals));
  // toFixed switches to exponent notation from 1e21; such doubles are whole numbers.
  const text =
    magnitude >= 1e21
      ? `${BigInt(magnitude).toString()}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`
      : magnitude.toFixed(decimals);
  const [whole = '', fraction] = text.split('.');
  const grouped = magnitude >= GROUP_THOUSANDS_FROM ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "1108", "-36", "6.7", "12,345" at exactly `decimals` decimals. */
export function formatNumber(value: number, decimals: number): string {
  const rounded = roundHalfAwayFromZero(value, decimals);
  return `${rounded < 0 ? '-' : ''}${unsignedText(rounded, decimals)}`;
}

/** "+98", "-166", "0": a sign on everything that does not round to zero. */
export function formatSignedNumber(value: number, decimals: number): string {
  const rounded = roundHalfAwayFromZero(value, decimals);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '-' : '';
  return `${sign}${unsignedText(rounded, decimals)}`;
}

/** Decimals to show a number with when nobody said: its own, at most `max`, without trailing zeros. */
export function naturalDecimals(value: number, max = MAX_DISPLAY_DECIMALS): number {
  const capped = Math.min(decimalsOf(value), max);
  return Math.min(decimalsOf(roundHalfAwayFromZero(value, capped)), capped);
}
