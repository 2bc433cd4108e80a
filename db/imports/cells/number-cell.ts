import type { Unit } from '../../../shared/domain';
import { parsePence } from '../../../shared/money';

/** How a number was written: plain ("1,108"), as a percentage ("12%") or as money ("£43k"). */
export type NumberForm = 'number' | 'percent' | 'money';

export type NumberCell =
  | { readonly kind: 'value'; readonly value: number; readonly form: NumberForm }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly message: string };

/** Cells that stand for "no figure" in published tables (ONS: ".." not available, [x] [c] [z] [u]). */
const MISSING = new Set(['', '..', '[x]', '[c]', '[z]', '[u]', 'n/a']);

const PLAIN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;
const PERCENT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+) ?%$/;

const plainNumber = (text: string): number => Number(text.replace(/,/g, ''));

/**
 * Reads a number cell for an indicator of `unit` (null while the indicator is
 * still to be created: any form is read, and its form says what it looked like).
 * Thousands separators are read ("1,108"); "12%" is 12 for a percent indicator;
 * "£43k" is 4,300,000 pence for a money indicator, and a plain number there is
 * pounds. A percentage or an amount of money for an indicator of another unit is
 * refused rather than guessed at, as is any other text.
 */
export function readNumberCell(raw: string, unit: Unit | null): NumberCell {
  const text = raw
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();
  if (MISSING.has(text.toLowerCase())) return { kind: 'missing' };
  const percent = PERCENT.exec(text);
  if (percent) {
    if (unit !== null && unit !== 'percent') {
      return { kind: 'error', message: `"${raw.trim()}" is a percentage, but the indicator is a ${unit}` };
    }
    return { kind: 'value', value: plainNumber(percent[1] ?? ''), form: 'percent' };
  }
  if (unit === 'money') {
    const pence = parsePence(text);
    if (pence !== null) return { kind: 'value', value: pence, form: 'money' };
  } else if (PLAIN.test(text)) {
    return { kind: 'value', value: plainNumber(text), form: 'number' };
  } else if (parsePence(text) !== null && /£|\d\s*(k|m|thousand|million)$/i.test(text)) {
    if (unit === null) return { kind: 'value', value: parsePence(text) ?? 0, form: 'money' };
    return { kind: 'error', message: `"${raw.trim()}" is an amount of money, but the indicator is a ${unit}` };
  }
  return { kind: 'error', message: `"${raw.trim()}" is not a number` };
}

/** The unit an indicator created from a file gets, from how its first value was written. */
export function unitOfForm(form: NumberForm): Unit {
  return form === 'percent' ? 'percent' : form === 'money' ? 'money' : 'count';
}
