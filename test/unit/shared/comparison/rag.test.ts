/**
 * Red, amber, green: against a target when there is one, against a
 * tolerance when there is not, by polarity always, and never on a
 * comparison that is missing a figure.
 */
import { describe, expect, it } from 'vitest';
import { compare, type IndicatorTraits, type Target } from '../../../../shared/comparison';

const LOWER: IndicatorTraits = { unit: 'count', polarity: 'lower is better' };
const HIGHER: IndicatorTraits = { unit: 'count', polarity: 'higher is better' };
const MINUS_2: Target = { kind: 'percent change', value: -2 };

describe('against a percent-change target, lower is better', () => {
  it('is green when the change meets or beats the target', () => {
    expect(compare({ value: 100 }, { value: 98 }, LOWER, { target: MINUS_2 })).toMatchObject({
      rag: 'green',
      ragReason: 'target -2%, actual -2%: meets target',
    });
    expect(compare({ value: 1108 }, { value: 886 }, LOWER, { target: MINUS_2 }).rag).toBe('green');
  });

  it('is amber when worse than the target by no more than the tolerance', () => {
    // 0% is exactly 2 points of change short of -2%: the edge of the band is still amber.
    const result = compare({ value: 100 }, { value: 100 }, LOWER, { target: MINUS_2 });
    expect(result.rag).toBe('amber');
    expect(result.ragReason).toBe('target -2%, actual 0%: worse than target, within the 2% tolerance');
    expect(compare({ value: 1000 }, { value: 999 }, LOWER, { target: MINUS_2 }).rag).toBe('amber');
  });

  it('is red when worse than the target by more than the tolerance', () => {
    const result = compare({ value: 100 }, { value: 101 }, LOWER, { target: MINUS_2 });
    expect(result.rag).toBe('red');
    expect(result.ragReason).toBe('target -2%, actual +1%: worse than target by more than the 2% tolerance');
  });

  it('never prints the actual as the target when it falls just short', () => {
    const result = compare({ value: 10_000 }, { value: 9_804 }, LOWER, { target: MINUS_2 });
    expect(result.changeText).toBe('-2%');
    expect(result.rag).toBe('amber');
    expect(result.ragReason).toBe('target -2%, actual -1.96%: worse than target, within the 2% tolerance');
  });

  it('uses the tolerance it is given', () => {
    expect(compare({ value: 100 }, { value: 101 }, LOWER, { target: MINUS_2, tolerance: 0.05 }).rag).toBe('amber');
    expect(compare({ value: 100 }, { value: 99 }, LOWER, { target: MINUS_2, tolerance: 0 }).rag).toBe('red');
  });
});

describe('higher is better mirrors it', () => {
  const PLUS_5: Target = { kind: 'percent change', value: 5 };
  it('turns more IDVA clients supported, 347 to 438, green against a +5% target', () => {
    const result = compare({ value: 347 }, { value: 438 }, HIGHER, { target: PLUS_5 });
    expect(result).toMatchObject({ changeText: '+26%', direction: 'better', rag: 'green' });
    expect(result.ragReason).toBe('target +5%, actual +26%: better than target');
  });

  it('is amber a little under the target and red well under it', () => {
    expect(compare({ value: 100 }, { value: 104 }, HIGHER, { target: PLUS_5 }).rag).toBe('amber');
    expect(compare({ value: 100 }, { value: 102 }, HIGHER, { target: PLUS_5 }).rag).toBe('red');
  });
});

describe('against an absolute target', () => {
  const AT_MOST_900: Target = { kind: 'absolute', value: 900 };
  it('compares the current figure with the target by polarity', () => {
    expect(compare({ value: 1108 }, { value: 886 }, LOWER, { target: AT_MOST_900 })).toMatchObject({
      rag: 'green',
      ragReason: 'target 900, actual 886: better than target',
    });
    expect(compare({ value: 1108 }, { value: 918 }, LOWER, { target: AT_MOST_900 })).toMatchObject({
      rag: 'amber',
      ragReason: 'target 900, actual 918: worse than target, within the 2% tolerance',
    });
    expect(compare({ value: 1108 }, { value: 919 }, LOWER, { target: AT_MOST_900 }).rag).toBe('red');
    expect(compare({ value: 1 }, { value: 900 }, HIGHER, { target: AT_MOST_900 }).ragReason).toBe(
      'target 900, actual 900: meets target',
    );
    expect(compare({ value: 1 }, { value: 850 }, HIGHER, { target: AT_MOST_900 }).rag).toBe('red');
  });

  it('still judges the current figure when the base is missing or 0', () => {
    expect(compare({ value: null }, { value: 886 }, LOWER, { target: AT_MOST_900 })).toMatchObject({
      status: 'missing base',
      rag: 'green',
    });
    expect(compare({ value: 0 }, { value: 950 }, LOWER, { target: AT_MOST_900 })).toMatchObject({
      status: 'zero base',
      rag: 'red',
    });
  });

  it('has no RAG without a current figure', () => {
    expect(compare({ value: 1108 }, { value: null }, LOWER, { target: AT_MOST_900 })).toMatchObject({
      rag: null,
      ragReason: 'no comparison: no current figure',
    });
  });

  it('shows a rate target with enough decimals to tell the figures apart', () => {
    const rate: IndicatorTraits = { unit: 'rate', polarity: 'lower is better' };
    expect(compare({ value: 7.8 }, { value: 6.71 }, rate, { target: { kind: 'absolute', value: 6.7 } }).ragReason).toBe(
      'target 6.70, actual 6.71: worse than target, within the 2% tolerance',
    );
  });
});

describe('without a target', () => {
  it('is green beyond the tolerance in the good direction, amber within it, red beyond it in the bad', () => {
    expect(compare({ value: 100 }, { value: 97 }, LOWER).rag).toBe('green');
    expect(compare({ value: 100 }, { value: 98 }, LOWER).rag).toBe('amber');
    expect(compare({ value: 100 }, { value: 100 }, LOWER)).toMatchObject({
      rag: 'amber',
      direction: 'unchanged',
      ragReason: 'no target: unchanged, within 2% tolerance',
    });
    expect(compare({ value: 100 }, { value: 102 }, LOWER).rag).toBe('amber');
    expect(compare({ value: 100 }, { value: 103 }, LOWER)).toMatchObject({
      rag: 'red',
      ragReason: 'no target: rose 3%, worse by more than the 2% tolerance',
    });
    expect(compare({ value: 100 }, { value: 103 }, HIGHER)).toMatchObject({
      rag: 'green',
      ragReason: 'no target: rose 3%, better by more than the 2% tolerance',
    });
  });

  it('shows a small change with the decimals it needs', () => {
    expect(compare({ value: 1000 }, { value: 997 }, LOWER).ragReason).toBe('no target: fell 0.3%, within 2% tolerance');
  });
});

describe('no judgement', () => {
  it('gives a neutral indicator no RAG, even with a target', () => {
    const neutral: IndicatorTraits = { unit: 'count', polarity: 'neutral' };
    expect(compare({ value: 347 }, { value: 438 }, neutral, { target: MINUS_2 })).toMatchObject({
      rag: null,
      direction: 'no direction',
      ragReason: 'no judgement: a neutral indicator has no better direction',
      changeText: '+26%',
    });
  });

  it('gives an incomplete comparison no RAG and says which figure is missing', () => {
    expect(compare({ value: null }, { value: 886 }, LOWER, { target: MINUS_2 })).toMatchObject({
      rag: null,
      ragReason: 'no comparison: no base figure',
    });
    expect(compare({ value: 1108 }, { value: null }, LOWER).ragReason).toBe('no comparison: no current figure');
    expect(compare({ value: null }, { value: null }, LOWER).ragReason).toBe('no comparison: no figures');
    expect(compare({ value: 0 }, { value: 5 }, LOWER).ragReason).toBe(
      'no comparison: the base was 0, so there is no percent change',
    );
  });

  it('does not judge against a target that is not a number', () => {
    expect(
      compare({ value: 100 }, { value: 90 }, LOWER, { target: { kind: 'absolute', value: Number.NaN } }),
    ).toMatchObject({ rag: null, ragReason: 'no judgement: the target is not a number' });
  });

  it('refuses a tolerance that is negative or not a number', () => {
    expect(() => compare({ value: 1 }, { value: 2 }, LOWER, { tolerance: -0.01 })).toThrow(RangeError);
    expect(() => compare({ value: 1 }, { value: 2 }, LOWER, { tolerance: Number.NaN })).toThrow(RangeError);
  });
});

describe('provisional figures', () => {
  it('keep the same arithmetic and RAG, and say they are provisional', () => {
    const firm = compare({ value: 1108 }, { value: 886 }, LOWER, { target: MINUS_2 });
    const provisional = compare({ value: 1108 }, { value: 886, provisional: true }, LOWER, { target: MINUS_2 });
    expect(provisional.provisional).toBe(true);
    expect(firm.provisional).toBe(false);
    expect({ ...provisional, provisional: false, ragReason: '' }).toEqual({ ...firm, ragReason: '' });
    expect(provisional.ragReason).toBe('target -2%, actual -20%: better than target (provisional figures)');
  });

  it('are carried from the base too, and when a figure is missing', () => {
    expect(compare({ value: 5, provisional: true }, { value: 6 }, LOWER).provisional).toBe(true);
    expect(compare({ value: null, provisional: true }, { value: 6 }, LOWER).provisional).toBe(true);
  });
});
