/**
 * One way of printing figures for the UI, the CLI and the pack: signed whole
 * percents rounded half away from zero, points, values by unit, and a
 * rounding that does not trip over float storage.
 */
import { describe, expect, it } from 'vitest';
import {
  decimalsOf,
  formatDifference,
  formatPoints,
  formatSignedPercent,
  formatValue,
  roundHalfAwayFromZero,
} from '../../../../shared/comparison';

describe('formatSignedPercent', () => {
  it('prints whole percents with a sign, rounded half away from zero', () => {
    expect(formatSignedPercent(-0.4523)).toBe('-45%');
    expect(formatSignedPercent(0.0995)).toBe('+10%');
    expect(formatSignedPercent(-0.00897)).toBe('-1%');
    expect(formatSignedPercent(0.005)).toBe('+1%');
    expect(formatSignedPercent(-0.005)).toBe('-1%');
    expect(formatSignedPercent(0.125)).toBe('+13%');
    expect(formatSignedPercent(-0.125)).toBe('-13%');
  });

  it('prints a change that rounds to zero as 0% with no sign', () => {
    expect(formatSignedPercent(0)).toBe('0%');
    expect(formatSignedPercent(0.004)).toBe('0%');
    expect(formatSignedPercent(-0.004)).toBe('0%');
  });

  it('groups large percents and never prints NaN or Infinity', () => {
    expect(formatSignedPercent(123.456)).toBe('+12,346%');
    expect(formatSignedPercent(Number.NaN)).toBe('n/a');
    expect(formatSignedPercent(Number.POSITIVE_INFINITY)).toBe('n/a');
  });
});

describe('formatPoints', () => {
  it('prints percentage points with a sign', () => {
    expect(formatPoints(7)).toBe('+7 pp');
    expect(formatPoints(-6)).toBe('-6 pp');
    expect(formatPoints(0)).toBe('0 pp');
    expect(formatPoints(6.5)).toBe('+6.5 pp');
    expect(formatPoints(6.5, 0)).toBe('+7 pp');
    expect(formatPoints(Number.NaN)).toBe('n/a');
  });
});

describe('formatValue', () => {
  it('prints counts as the source tables do, with commas from 10,000', () => {
    expect(formatValue(1108, 'count')).toBe('1108');
    expect(formatValue(9999, 'count')).toBe('9999');
    expect(formatValue(10_000, 'count')).toBe('10,000');
    expect(formatValue(1_234_567, 'count')).toBe('1,234,567');
    expect(formatValue(-36, 'count')).toBe('-36');
  });

  it('prints rates with their own decimals or the ones asked for', () => {
    expect(formatValue(6.7, 'rate')).toBe('6.7');
    expect(formatValue(8, 'rate', 1)).toBe('8.0');
    expect(formatValue(0.1 + 0.2, 'rate')).toBe('0.3');
    expect(formatValue(2.345, 'rate', 2)).toBe('2.35');
  });

  it('prints percentages with a percent sign and money in pounds', () => {
    expect(formatValue(43, 'percent')).toBe('43%');
    expect(formatValue(50_171_700, 'money')).toBe('£501,717');
    expect(formatValue(125_050, 'money')).toBe('£1,250.50');
  });

  it('prints no figure as an en dash', () => {
    expect(formatValue(null, 'count')).toBe('–');
    expect(formatValue(Number.NaN, 'rate')).toBe('–');
    expect(formatValue(Number.NEGATIVE_INFINITY, 'money')).toBe('–');
  });
});

describe('formatDifference', () => {
  it('signs differences, and prints no sign on zero', () => {
    expect(formatDifference(98, 'count', 0)).toBe('+98');
    expect(formatDifference(-166, 'count', 0)).toBe('-166');
    expect(formatDifference(0, 'count', 0)).toBe('0');
    expect(formatDifference(-12_345, 'count', 0)).toBe('-12,345');
    expect(formatDifference(0.7, 'rate', 1)).toBe('+0.7');
    expect(formatDifference(3_280_000, 'money', 0)).toBe('+£32,800');
    expect(formatDifference(-3_280_000, 'money', 0)).toBe('-£32,800');
    expect(formatDifference(0, 'money', 0)).toBe('£0');
    expect(formatDifference(null, 'count', 0)).toBe('n/a');
  });
});

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero, unlike Math.round', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(Math.round(-2.5)).toBe(-2);
    expect(roundHalfAwayFromZero(-45.23)).toBe(-45);
    expect(roundHalfAwayFromZero(6.136_381, 2)).toBe(6.14);
  });

  it('is not fooled by float storage', () => {
    // 1.005 is stored as 1.00499999999999989…, 1.15 as 1.149999…
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(1.15, 1)).toBe(1.2);
    expect(roundHalfAwayFromZero(-1.15, 1)).toBe(-1.2);
    expect(roundHalfAwayFromZero(9.6 - 8.0, 1)).toBe(1.6);
  });

  it('never returns -0 and leaves non-finite values alone', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.3), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0), 0)).toBe(true);
    expect(roundHalfAwayFromZero(Number.NaN)).toBeNaN();
    expect(roundHalfAwayFromZero(2 ** 60)).toBe(2 ** 60);
  });

  it('refuses decimals that are not a whole number from 0 to 15', () => {
    expect(() => roundHalfAwayFromZero(1, -1)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
  });
});

describe('decimalsOf', () => {
  it('reads the decimals a figure was written with', () => {
    expect(decimalsOf(9.6)).toBe(1);
    expect(decimalsOf(8)).toBe(0);
    expect(decimalsOf(0.05)).toBe(2);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(1.5e21)).toBe(0);
  });
});
