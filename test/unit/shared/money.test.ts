import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPence, formatPenceShort, parsePence } from '../../../shared/money';

describe('parsePence', () => {
  it.each([
    ['£75k', 7_500_000],
    ['£43K', 4_300_000],
    ['£501,717', 50_171_700],
    ['£3.5 million', 350_000_000],
    ['-£32,800', -3_280_000],
    ['1,250.50', 125_050],
    ['£0.05', 5],
    ['  £ 10k ', 1_000_000],
  ])('reads %s as %i pence', (text, pence) => {
    expect(parsePence(text)).toBe(pence);
  });

  it.each(['', 'tbc', '£', '12%', '£1,2,3', '£1.234', 'ten pounds'])('refuses "%s"', (text) => {
    expect(parsePence(text)).toBeNull();
  });

  it('reads back whatever it prints, for any whole number of pence', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (pence) => {
        expect(parsePence(formatPence(pence))).toBe(pence);
      }),
    );
  });
});

describe('formatPence', () => {
  it('prints pounds with separators, and pence only when there are some', () => {
    expect(formatPence(50_171_700)).toBe('£501,717');
    expect(formatPence(125_050)).toBe('£1,250.50');
    expect(formatPence(-3_280_000)).toBe('-£32,800');
  });

  it('prints whole thousands as a budget line does', () => {
    expect(formatPenceShort(27_700_000)).toBe('£277k');
    expect(formatPenceShort(50_171_700)).toBe('£501,717');
  });
});
