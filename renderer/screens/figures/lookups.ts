import type { Area, Indicator, Period } from '../../../shared/model';
import { formatValue } from '../../../shared/comparison/format';
import { formatPence, parsePence } from '../../../shared/money';
import { sameName } from '../../../shared/names';
import { parseNumberText } from '../../grid/field-spec';

/** The names figures refer to, by id and by what people type. */
export interface FigureLookups {
  readonly indicators: ReadonlyMap<number, Indicator>;
  readonly areas: ReadonlyMap<number, Area>;
  readonly periods: ReadonlyMap<number, Period>;
}

export function makeLookups(
  indicators: readonly Indicator[],
  areas: readonly Area[],
  periods: readonly Period[],
): FigureLookups {
  return {
    indicators: new Map(indicators.map((indicator) => [indicator.id, indicator])),
    areas: new Map(areas.map((area) => [area.id, area])),
    periods: new Map(periods.map((period) => [period.id, period])),
  };
}

export const findIndicator = (lookups: FigureLookups, text: string) =>
  [...lookups.indicators.values()].find((indicator) => sameName(indicator.name, text));

/** An area by its name or any of its aliases ("Bucks" for Buckinghamshire). */
export const findArea = (lookups: FigureLookups, text: string) =>
  [...lookups.areas.values()].find(
    (area) => sameName(area.name, text) || area.aliases.some((alias) => sameName(alias, text)),
  );

export const findPeriod = (lookups: FigureLookups, text: string) =>
  [...lookups.periods.values()].find((period) => sameName(period.label, text));

/** "per 1,000 residents" for a rate; nothing for other units. */
export function rateSuffix(indicator: Indicator | undefined): string {
  if (!indicator || indicator.unit !== 'rate' || indicator.ratePer === null) return '';
  return ` per ${indicator.ratePer.toLocaleString('en-GB')}${indicator.denominator ? ` ${indicator.denominator}` : ''}`;
}

/** Counts as the grid shows them; made once (toLocaleString with options makes a formatter per call). */
const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** A figure as the grid shows it, with its unit: "1,108", "6.7 per 1,000 residents", "43%", "£501,717". */
export function showValue(value: number, indicator: Indicator | undefined): string {
  if (!indicator) return String(value);
  if (indicator.unit === 'count') return countFormat.format(value);
  return `${formatValue(value, indicator.unit)}${rateSuffix(indicator)}`;
}

/** What editing a value starts from: plain digits, pounds for money. */
export function valueEditText(value: number, indicator: Indicator | undefined): string {
  return indicator?.unit === 'money' ? formatPence(value) : String(value);
}

/**
 * Typed or pasted text to a figure value in the indicator's unit: "1,108",
 * "43%" or "43" for a percent, "£1,250.50" for money (to pence). Text that is
 * not a number is handed on, for the schema to say "a figure must be a number".
 */
export function parseValueText(text: string, indicator: Indicator | undefined): unknown {
  const trimmed = text.trim();
  if (indicator?.unit === 'money') return parsePence(trimmed) ?? text;
  if (indicator?.unit === 'percent') return parseNumberText(trimmed.replace(/\s*%$/, ''));
  if (indicator?.unit === 'rate') return parseNumberText(trimmed.replace(/\s*per\b.*$/i, ''));
  return parseNumberText(trimmed);
}

/** "provisional", "yes", "p" → true; "", "final", "no" → false; else undefined (not understood). */
export function parseProvisional(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (/^(provisional|yes|y|p|true|1)$/.test(word)) return true;
  if (/^(|final|no|n|false|0)$/.test(word)) return false;
  return undefined;
}
