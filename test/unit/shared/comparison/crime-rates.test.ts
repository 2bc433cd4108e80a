/**
 * The 2021/22 annual report's crime rates per 1,000 residents (burglary per
 * 1,000 households) with England and South East beside them. The comparator
 * sentences are computed from the figures; rates are never added up.
 */
import { describe, expect, it } from 'vitest';
import { BoardpackError } from '../../../../shared/errors';
import {
  buildComparisonTable,
  compare,
  compareWithComparator,
  describeComparators,
  type IndicatorTraits,
  rateFrom,
  sumObservations,
} from '../../../../shared/comparison';

const RATE: IndicatorTraits = { unit: 'rate', polarity: 'lower is better', decimals: 1 };

/** Buckinghamshire 2018/19 … 2021/22, then England and South East 2021/22, as printed. */
const RATES = {
  'Anti-Social Behaviour': { bucks: [9.6, 9.5, 9.1, 8.0], england: 19.4, southEast: 15.8 },
  Burglary: { bucks: [11.8, 11.7, 7.8, 6.7], england: 9, southEast: 8 },
  'Drug Crime Offences': { bucks: [1.6, 1.7, 2.3, 2.0], england: 2.6, southEast: 2.3 },
  Robbery: { bucks: [0.5, 0.5, 0.3, 0.3], england: 0.9, southEast: 0.5 },
  'Vehicle Crime': { bucks: [6.6, 6.7, 5.0, 5.3], england: 5, southEast: 4.6 },
  'Violent & Sexual Offences': { bucks: [17.4, 18.9, 21.9, 26.3], england: 31.6, southEast: 34.9 },
} as const;

function comparators(type: keyof typeof RATES): string {
  const row = RATES[type];
  return describeComparators(
    row.bucks[3],
    [
      { name: 'England', value: row.england },
      { name: 'South East', value: row.southEast },
    ],
    'lower is better',
  );
}

describe('comparator sentences', () => {
  it('says anti-social behaviour at 8.0 is lower than England (19.4) and South East (15.8)', () => {
    expect(comparators('Anti-Social Behaviour')).toBe('lower than England (19.4) and South East (15.8)');
  });

  it('says vehicle crime at 5.3 is higher than England (5) and South East (4.6)', () => {
    expect(comparators('Vehicle Crime')).toBe('higher than England (5) and South East (4.6)');
  });

  it('reproduces the report for every crime type', () => {
    expect(comparators('Burglary')).toBe('lower than England (9) and South East (8)');
    expect(comparators('Drug Crime Offences')).toBe('lower than England (2.6) and South East (2.3)');
    expect(comparators('Robbery')).toBe('lower than England (0.9) and South East (0.5)');
    expect(comparators('Violent & Sexual Offences')).toBe('lower than England (31.6) and South East (34.9)');
  });

  it('splits the sentence when the comparators fall on different sides', () => {
    expect(
      describeComparators(
        5.3,
        [
          { name: 'England', value: 5 },
          { name: 'South East', value: 5.5 },
        ],
        'lower is better',
      ),
    ).toBe('higher than England (5) and lower than South East (5.5)');
    expect(
      describeComparators(
        9,
        [
          { name: 'England', value: 9 },
          { name: 'South East', value: 8 },
        ],
        'lower is better',
      ),
    ).toBe('the same as England (9) and higher than South East (8)');
  });

  it('judges a lower rate better when lower is better, and worse when higher is better', () => {
    expect(compareWithComparator(8.0, 'England', 19.4, 'lower is better')).toEqual({
      comparator: 'England',
      value: 19.4,
      relation: 'lower',
      judgement: 'better',
      text: 'lower than England (19.4)',
    });
    expect(compareWithComparator(5.3, 'England', 5, 'lower is better')).toMatchObject({
      relation: 'higher',
      judgement: 'worse',
      text: 'higher than England (5)',
    });
    expect(compareWithComparator(8.0, 'England', 19.4, 'higher is better').judgement).toBe('worse');
    expect(compareWithComparator(8.0, 'England', 19.4, 'neutral').judgement).toBe('no direction');
    expect(compareWithComparator(9, 'England', 9, 'lower is better')).toMatchObject({
      relation: 'the same as',
      judgement: 'same',
      text: 'the same as England (9)',
    });
  });

  it('says so when a figure is missing instead of inventing a relation', () => {
    expect(compareWithComparator(8.0, 'England', null, 'lower is better')).toEqual({
      comparator: 'England',
      value: null,
      relation: 'no figure',
      judgement: 'no direction',
      text: 'no England figure',
    });
    expect(compareWithComparator(8.0, 'England', Number.NaN, 'lower is better').text).toBe('no England figure');
    expect(compareWithComparator(null, 'England', 19.4, 'lower is better').text).toBe(
      'no figure to compare with England (19.4)',
    );
    expect(
      describeComparators(
        8.0,
        [
          { name: 'England', value: 19.4 },
          { name: 'South East', value: null },
        ],
        'lower is better',
      ),
    ).toBe('lower than England (19.4) and no South East figure');
    expect(describeComparators(8.0, [], 'lower is better')).toBe('no comparators');
  });
});

describe('rate changes', () => {
  it('shows 9.6 to 8.0 as -1.6, never float noise like -1.5999999', () => {
    const asb = compare({ value: 9.6 }, { value: 8.0 }, RATE);
    expect(asb.difference).toBe(-1.6);
    expect(asb.differenceText).toBe('-1.6');
    expect(asb.changeText).toBe('-17%');
    expect(asb.changeKind).toBe('ratio');
  });

  it('keeps the data decimals from the inputs when the indicator does not state them', () => {
    const traits: IndicatorTraits = { unit: 'rate', polarity: 'lower is better' };
    expect(compare({ value: 9.6 }, { value: 8.0 }, traits).differenceText).toBe('-1.6');
    expect(compare({ value: 5.0 }, { value: 5.3 }, traits).differenceText).toBe('+0.3');
    expect(compare({ value: 1.25 }, { value: 1.2 }, traits).differenceText).toBe('-0.05');
    expect(compare({ value: 1.2345 }, { value: 1.2 }, traits).differenceText).toBe('-0.035');
    expect(compare({ value: 0.3 }, { value: 0.3 }, RATE).differenceText).toBe('0.0');
  });

  it('reproduces 2020/21 to 2021/22 for every crime type', () => {
    const cells = Object.values(RATES).map((row) => {
      const result = compare({ value: row.bucks[2] }, { value: row.bucks[3] }, RATE);
      return [result.differenceText, result.changeText, result.direction];
    });
    expect(cells).toEqual([
      ['-1.1', '-12%', 'better'],
      ['-1.1', '-14%', 'better'],
      ['-0.3', '-13%', 'better'],
      ['0.0', '0%', 'unchanged'],
      ['+0.3', '+6%', 'worse'],
      ['+4.4', '+20%', 'worse'],
    ]);
  });
});

describe('rates are never summed', () => {
  it('refuses to add rates, with a message that says what to do instead', () => {
    expect(() => sumObservations([{ value: 8.0 }, { value: 6.7 }], 'rate')).toThrow(
      'rates are never summed: recompute from numerator and denominator',
    );
    expect(() => sumObservations([{ value: 8.0 }], 'rate')).toThrow(BoardpackError);
    expect(() => sumObservations([{ value: 36 }, { value: 43 }], 'percent')).toThrow('percentages are never summed');
  });

  it('builds no totals row for rates unless given the area’s own figure', () => {
    const rows = [
      { area: 'Aylesbury', base: { value: 7.1 }, current: { value: 6.2 } },
      { area: 'Wycombe', base: { value: 8.4 }, current: { value: 7.0 } },
    ];
    const withoutTotal = buildComparisonTable(rows, RATE);
    expect(withoutTotal.map((row) => row.area)).toEqual(['Aylesbury', 'Wycombe']);

    const withCounty = buildComparisonTable(rows, RATE, {
      totalLabel: 'Buckinghamshire',
      totalFrom: { base: { value: 7.8 }, current: { value: 6.7 } },
    });
    const total = withCounty[2];
    expect(total).toMatchObject({ area: 'Buckinghamshire', total: true, base: 7.8, current: 6.7 });
    expect(total?.differenceText).toBe('-1.1');
    // Neither the sum (13.2) nor the average (6.6) of the area rates.
    expect(total?.current).not.toBe(6.2 + 7.0);
    expect(total?.current).not.toBe((6.2 + 7.0) / 2);
  });

  it('recomputes a rate from numerator and denominator', () => {
    expect(rateFrom(886, 200_000, 1000)).toBe(4.43);
    expect(rateFrom(3, 4, 1000)).toBe(750);
    expect(rateFrom(0, 5000, 1000)).toBe(0);
  });

  it('gives no rate for a missing figure or a zero denominator, never Infinity or NaN', () => {
    expect(rateFrom(886, 0, 1000)).toBeNull();
    expect(rateFrom(null, 1000, 1000)).toBeNull();
    expect(rateFrom(5, null, 1000)).toBeNull();
    expect(rateFrom(Number.NaN, 1000, 1000)).toBeNull();
    expect(rateFrom(5, Number.POSITIVE_INFINITY, 1000)).toBeNull();
    expect(rateFrom(5, -10, 1000)).toBeNull();
    expect(() => rateFrom(5, 10, 0)).toThrow(RangeError);
  });
});
