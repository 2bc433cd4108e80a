import type { FieldKind } from '../../../shared/pack/fields';

export const FIELD_KIND_LABELS: Readonly<Record<FieldKind, string>> = {
  figure: 'A figure (one period)',
  change: '% change between two periods',
  difference: 'Difference between two periods',
};

/**
 * The field as a paper carries it (shared/pack/fields.ts reads it back):
 * `{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2013"}}`, or
 * `{{change "Domestic burglary" "Total Bucks" "Apr-Dec 2012" "Apr-Dec 2013"}}` (base, then current).
 */
export function fieldText(kind: FieldKind, indicator: string, area: string, periods: readonly string[]): string {
  return `{{${kind} ${[indicator, area, ...periods].map((name) => `"${name}"`).join(' ')}}}`;
}
