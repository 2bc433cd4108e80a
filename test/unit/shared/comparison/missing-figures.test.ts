/**
 * Missing figures, zero bases and impossible numbers are shown as such:
 * never as 0, "0%", "NaN" or "Infinity".
 */
import { describe, expect, it } from 'vitest';
import { buildComparisonTable, compare, type IndicatorTraits, sumObservations } from '../../../../shared/comparison';

const COUNT: IndicatorTraits = { unit: 'count', polarity: 'lower is better' };

describe('missing figures', () => {
  it('says there is no base figure', () => {
    expect(compare({ value: null }, { value: 886 }, COUNT)).toEqual({
      base: null,
      current: 886,
      difference: null,
      change: null,
      changeKind: 'ratio',
      status: 'missing base',
      provisional: false,
      direction: 'no direction',
      differenceText: 'n/a',
      changeText: 'no base figure',
      rag: null,
      ragReason: 'no comparison: no base figure',
    });
  });

  it('says there is no current figure, or no figures at all', () => {
    expect(compare({ value: 1108 }, { value: null }, COUNT)).toMatchObject({
      status: 'missing current',
      changeText: 'no current figure',
      differenceText: 'n/a',
    });
    expect(compare({ value: null }, { value: null }, COUNT)).toMatchObject({
      status: 'missing both',
      changeText: 'no figures',
    });
  });

  it('reads NaN, Infinity and figures too large to hold exactly as missing', () => {
    expect(compare({ value: Number.NaN }, { value: 5 }, COUNT).status).toBe('missing base');
    expect(compare({ value: 5 }, { value: Number.POSITIVE_INFINITY }, COUNT).status).toBe('missing current');
    expect(compare({ value: Number.NEGATIVE_INFINITY }, { value: Number.NaN }, COUNT).status).toBe('missing both');
    expect(compare({ value: 2 ** 53 }, { value: 5 }, COUNT)).toMatchObject({ base: null, status: 'missing base' });
  });
});

describe('a zero base', () => {
  it('shows the difference but no percent change for 0 to 5', () => {
    expect(compare({ value: 0 }, { value: 5 }, COUNT)).toMatchObject({
      status: 'zero base',
      difference: 5,
      differenceText: '+5',
      change: null,
      changeText: 'new (base was 0)',
      direction: 'worse',
      rag: null,
    });
  });

  it('shows 0 to 0 as unchanged with no percent', () => {
    expect(compare({ value: 0 }, { value: 0 }, COUNT)).toMatchObject({
      status: 'zero base',
      difference: 0,
      differenceText: '0',
      change: null,
      changeText: 'n/a (base 0)',
      direction: 'unchanged',
    });
  });

  it('treats -0 as 0', () => {
    const result = compare({ value: -0 }, { value: 5 }, COUNT);
    expect(Object.is(result.base, 0)).toBe(true);
    expect(result.status).toBe('zero base');
  });
});

describe('a negative base', () => {
  it('keeps the sign of the change the sign of the difference', () => {
    const money: IndicatorTraits = { unit: 'money', polarity: 'higher is better' };
    const result = compare({ value: -10_000 }, { value: -5_000 }, money);
    expect(result).toMatchObject({ difference: 5_000, change: 0.5, changeText: '+50%', direction: 'better' });
  });
});

describe('partial totals', () => {
  it('gives no total when any part is missing, and says so in the totals row', () => {
    expect(sumObservations([{ value: 260 }, { value: null }, { value: 367 }], 'count')).toEqual({
      value: null,
      provisional: false,
    });
    const table = buildComparisonTable(
      [
        { area: 'Aylesbury', base: { value: 260 }, current: { value: 236 } },
        { area: 'Wycombe', base: { value: 367 }, current: { value: null } },
      ],
      COUNT,
    );
    expect(table[2]).toMatchObject({
      area: 'Total',
      total: true,
      base: 627,
      current: null,
      changeText: 'no current figure',
      differenceText: 'n/a',
    });
  });

  it('marks a total provisional when any part is', () => {
    expect(sumObservations([{ value: 260 }, { value: 367, provisional: true }], 'count')).toEqual({
      value: 627,
      provisional: true,
    });
    const table = buildComparisonTable(
      [
        { area: 'A', base: { value: 1 }, current: { value: 2, provisional: true } },
        { area: 'B', base: { value: 3 }, current: { value: 4 } },
      ],
      COUNT,
    );
    expect(table.map((row) => row.provisional)).toEqual([true, false, true]);
  });

  it('gives no total of nothing, and no table rows for no areas', () => {
    expect(sumObservations([], 'count')).toEqual({ value: null, provisional: false });
    expect(buildComparisonTable([], COUNT)).toEqual([]);
  });
});
