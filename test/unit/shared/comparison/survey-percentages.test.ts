/**
 * Resident survey results are percentages: they change in percentage
 * points. 36% → 43% is +7 pp, never "+19%".
 */
import { describe, expect, it } from 'vitest';
import { buildComparisonTable, compare, formatValue, type IndicatorTraits } from '../../../../shared/comparison';

const CONCERN: IndicatorTraits = { unit: 'percent', polarity: 'lower is better' };

describe('survey percentages', () => {
  it('shows criminal damage concern 36% to 43% as +7 pp, worse, and never as +19%', () => {
    const damage = compare({ value: 36 }, { value: 43 }, CONCERN);
    expect(damage).toMatchObject({
      difference: 7,
      change: 7,
      changeKind: 'points',
      changeText: '+7 pp',
      differenceText: '+7 pp',
      direction: 'worse',
      rag: 'red',
      ragReason: 'no target: rose 7 pp, worse by more than the 2 pp tolerance',
    });
    expect(JSON.stringify(damage)).not.toContain('19');
  });

  it('shows robbery concern 36% to 30% as -6 pp, better', () => {
    const robbery = compare({ value: 36 }, { value: 30 }, CONCERN);
    expect(robbery).toMatchObject({
      difference: -6,
      change: -6,
      changeText: '-6 pp',
      direction: 'better',
      rag: 'green',
    });
  });

  it('holds begging concern 34% to 33% within the 2 pp tolerance', () => {
    const begging = compare({ value: 34 }, { value: 33 }, CONCERN);
    expect(begging.changeText).toBe('-1 pp');
    expect(begging.rag).toBe('amber');
    expect(begging.ragReason).toBe('no target: fell 1 pp, within 2 pp tolerance');
  });

  it('reads a tolerance for a percent indicator in points', () => {
    expect(compare({ value: 36 }, { value: 43 }, CONCERN, { tolerance: 10 }).rag).toBe('amber');
    expect(compare({ value: 36 }, { value: 43 }, CONCERN, { tolerance: 6.9 }).rag).toBe('red');
  });

  it('has no zero-base problem: 0% to 5% is +5 pp', () => {
    const fromZero = compare({ value: 0 }, { value: 5 }, CONCERN);
    expect(fromZero).toMatchObject({ status: 'complete', change: 5, changeText: '+5 pp', direction: 'worse' });
  });

  it('keeps decimals in points when the survey has them', () => {
    expect(compare({ value: 36.5 }, { value: 43 }, CONCERN).changeText).toBe('+6.5 pp');
  });

  it('reads a percent-change target for a percent indicator in points', () => {
    const result = compare({ value: 36 }, { value: 30 }, CONCERN, { target: { kind: 'percent change', value: -5 } });
    expect(result.rag).toBe('green');
    expect(result.ragReason).toBe('target -5 pp, actual -6 pp: better than target');
    const missed = compare({ value: 36 }, { value: 33 }, CONCERN, { target: { kind: 'percent change', value: -5 } });
    expect(missed.rag).toBe('amber');
    expect(missed.ragReason).toBe('target -5 pp, actual -3 pp: worse than target, within the 2 pp tolerance');
  });

  it('prints percentages with a percent sign', () => {
    expect(formatValue(43, 'percent')).toBe('43%');
    expect(formatValue(6.5, 'percent')).toBe('6.5%');
  });

  it('builds no totals row for percentages by adding areas', () => {
    const table = buildComparisonTable(
      [
        { area: 'North', base: { value: 36 }, current: { value: 43 } },
        { area: 'South', base: { value: 30 }, current: { value: 33 } },
      ],
      CONCERN,
    );
    expect(table.map((row) => row.total)).toEqual([false, false]);
  });
});
