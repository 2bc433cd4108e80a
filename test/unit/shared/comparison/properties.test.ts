/**
 * Properties of the comparison engine over arbitrary inputs: nulls, zeros,
 * negatives, NaN, ±Infinity and huge numbers included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLARITIES, TARGET_KINDS, UNITS, type Polarity } from '../../../../shared/domain';
import {
  buildComparisonTable,
  compare,
  compareWithComparator,
  describeComparators,
  formatPoints,
  formatSignedPercent,
  formatValue,
  type IndicatorTraits,
  MAX_FIGURE,
  type Observation,
  sumObservations,
  type Target,
} from '../../../../shared/comparison';

const RUNS = { numRuns: 1000 };

/** Anything a figure could be, sensible or not. */
const anyValue: fc.Arbitrary<number | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    0,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
    MAX_FIGURE,
    -MAX_FIGURE,
    1e-11,
    0.1 + 0.2,
  ),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.integer({ min: -MAX_FIGURE, max: MAX_FIGURE }),
  fc.double(),
  fc.double({ min: -1000, max: 1000, noNaN: true }),
);

const anyObservation: fc.Arbitrary<Observation> = fc.record(
  { value: anyValue, provisional: fc.boolean() },
  { requiredKeys: ['value'] },
);

const anyTraits: fc.Arbitrary<IndicatorTraits> = fc.record(
  {
    unit: fc.constantFrom(...UNITS),
    polarity: fc.constantFrom(...POLARITIES),
    decimals: fc.integer({ min: 0, max: 3 }),
  },
  { requiredKeys: ['unit', 'polarity'] },
);

const anyTarget: fc.Arbitrary<Target | null> = fc.option(
  fc.record({
    kind: fc.constantFrom(...TARGET_KINDS),
    value: fc.oneof(fc.double(), fc.integer({ min: -100, max: 100 })),
  }),
  { nil: null },
);

const anyTolerance = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined });

/** Text no reader should ever see. */
const BROKEN = /NaN|Infinity|undefined|null|\de[+-]?\d/;

const ratioTraits = (polarity: Polarity): IndicatorTraits => ({ unit: 'count', polarity });
const integerFigure = fc.integer({ min: -MAX_FIGURE, max: MAX_FIGURE });

describe('properties of compare()', () => {
  it('gives difference = current - base exactly for integers', () => {
    fc.assert(
      fc.property(
        integerFigure,
        integerFigure,
        fc.constantFrom<'count' | 'money'>('count', 'money'),
        (base, current, unit) => {
          const result = compare({ value: base }, { value: current }, { unit, polarity: 'lower is better' });
          expect(result.difference).toBe(Number(BigInt(current) - BigInt(base)));
          expect(Number.isSafeInteger(result.difference)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('gives a change with the sign of the difference', () => {
    fc.assert(
      fc.property(anyObservation, anyObservation, anyTraits, (base, current, traits) => {
        const result = compare(base, current, traits);
        if (result.change === null || result.difference === null) return;
        expect(Math.sign(result.change)).toBe(Math.sign(result.difference));
        if (result.changeKind === 'points') expect(result.change).toBe(result.difference);
      }),
      RUNS,
    );
  });

  it('flips better and worse, and green and red, when the polarity is swapped', () => {
    const flip = { better: 'worse', worse: 'better', unchanged: 'unchanged', 'no direction': 'no direction' } as const;
    const flipRag = { green: 'red', red: 'green', amber: 'amber' } as const;
    fc.assert(
      fc.property(anyObservation, anyObservation, (base, current) => {
        const lower = compare(base, current, ratioTraits('lower is better'));
        const higher = compare(base, current, ratioTraits('higher is better'));
        expect(higher.direction).toBe(flip[lower.direction]);
        expect(higher.rag).toBe(lower.rag === null ? null : flipRag[lower.rag]);
        expect({ ...higher, direction: '', rag: '', ragReason: '' }).toEqual({
          ...lower,
          direction: '',
          rag: '',
          ragReason: '',
        });
      }),
      RUNS,
    );
  });

  it('never prints NaN, Infinity, undefined or exponents, whatever the inputs', () => {
    fc.assert(
      fc.property(
        anyObservation,
        anyObservation,
        anyTraits,
        anyTarget,
        anyTolerance,
        (base, current, traits, target, tolerance) => {
          const result = compare(base, current, traits, tolerance === undefined ? { target } : { target, tolerance });
          for (const text of [result.differenceText, result.changeText, result.ragReason]) {
            expect(text).not.toMatch(BROKEN);
            expect(text.length).toBeGreaterThan(0);
          }
          for (const value of [result.base, result.current, result.difference, result.change]) {
            if (value !== null) expect(Number.isFinite(value)).toBe(true);
          }
          if (result.status !== 'complete') expect(result.changeText).not.toMatch(/^[+-]?\d/);
          if (result.status.startsWith('missing')) {
            expect(result.difference).toBeNull();
            expect(result.differenceText).toBe('n/a');
            expect(result.direction).toBe('no direction');
          }
          expect(result.provisional).toBe(base.provisional === true || current.provisional === true);
        },
      ),
      RUNS,
    );
  });

  it('never gives a zero base a numeric change', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, -0), anyObservation, anyTraits, (zero, current, traits) => {
        const ratioUnit: IndicatorTraits = { ...traits, unit: traits.unit === 'percent' ? 'count' : traits.unit };
        const result = compare({ value: zero }, current, ratioUnit);
        expect(result.change).toBeNull();
        expect(result.changeText).not.toMatch(/%/);
        expect(['zero base', 'missing current']).toContain(result.status);
        if (result.status === 'zero base') {
          expect(['new (base was 0)', 'n/a (base 0)']).toContain(result.changeText);
          expect(result.rag).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('is green exactly when the actual change meets a percent-change target by polarity', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(
            fc.integer({ min: 1, max: 1_000_000 }),
            fc.integer({ min: 0, max: 2_000_000 }),
            fc.integer({ min: -1000, max: 1000 }),
          ),
          // Changes that hit the target exactly, where an off-by-one comparison would show.
          fc
            .tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: -1000, max: 1000 }))
            .map(([k, tenths]): [number, number, number] => [k * 1000, k * 1000 + tenths * k, tenths]),
        ),
        fc.constantFrom<Polarity>('lower is better', 'higher is better'),
        ([base, current, tenths], polarity) => {
          const target: Target = { kind: 'percent change', value: tenths / 10 };
          // actual % = (current - base) × 100 / base; target % = tenths / 10; compared in integers.
          const actualScaled = BigInt(current - base) * 1000n;
          const targetScaled = BigInt(tenths) * BigInt(base);
          const meets = polarity === 'lower is better' ? actualScaled <= targetScaled : actualScaled >= targetScaled;
          const result = compare({ value: base }, { value: current }, ratioTraits(polarity), { target });
          expect(result.rag === 'green').toBe(meets);
        },
      ),
      RUNS,
    );
  });

  it('is green exactly when the current figure meets an absolute target by polarity', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom<Polarity>('lower is better', 'higher is better'),
        (base, current, targetValue, polarity) => {
          const meets = polarity === 'lower is better' ? current <= targetValue : current >= targetValue;
          const result = compare({ value: base }, { value: current }, ratioTraits(polarity), {
            target: { kind: 'absolute', value: targetValue },
          });
          expect(result.rag === 'green').toBe(meets);
        },
      ),
      RUNS,
    );
  });
});

describe('properties of totals', () => {
  const counts = fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { minLength: 1, maxLength: 100 });

  it('adds counts to the exact integer sum, in any order', () => {
    fc.assert(
      fc.property(
        counts.chain((values) =>
          fc.tuple(
            fc.constant(values),
            fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length }),
          ),
        ),
        ([values, shuffled]) => {
          const exact = Number(values.reduce((sum, value) => sum + BigInt(value), 0n));
          const total = sumObservations(
            values.map((value) => ({ value })),
            'count',
          );
          const reordered = sumObservations(
            shuffled.map((value) => ({ value })),
            'count',
          );
          expect(total.value).toBe(exact);
          expect(reordered.value).toBe(exact);
        },
      ),
      RUNS,
    );
  });

  it('gives no total when any part is missing, and a provisional one when any part is provisional', () => {
    fc.assert(
      fc.property(fc.array(anyObservation, { maxLength: 10 }), (observations) => {
        let total: Observation;
        try {
          total = sumObservations(observations, 'count');
        } catch (error) {
          // Only a total too large to hold exactly may throw.
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        const anyMissing = observations.some(
          (o) => o.value === null || !Number.isFinite(o.value) || Math.abs(o.value) > MAX_FIGURE,
        );
        if (anyMissing || observations.length === 0) expect(total.value).toBeNull();
        else expect(total.value).not.toBeNull();
        expect(total.provisional).toBe(observations.some((o) => o.provisional === true));
      }),
      RUNS,
    );
  });

  it('puts the sums of the rows in the totals row of a count table', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (pairs) => {
          const table = buildComparisonTable(
            pairs.map(([base, current], index) => ({
              area: `Area ${index}`,
              base: { value: base },
              current: { value: current },
            })),
            ratioTraits('lower is better'),
          );
          const total = table[table.length - 1];
          expect(table).toHaveLength(pairs.length + 1);
          expect(total?.total).toBe(true);
          expect(total?.base).toBe(pairs.reduce((sum, [base]) => sum + base, 0));
          expect(total?.current).toBe(pairs.reduce((sum, [, current]) => sum + current, 0));
        },
      ),
      RUNS,
    );
  });
});

describe('properties of formatting', () => {
  it('prints a percent that parses back to within half a point of the ratio', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -1e12, max: 1e12, noNaN: true })),
        (ratio) => {
          const text = formatSignedPercent(ratio);
          expect(text).toMatch(/^(0|[+-](\d{1,4}|\d{1,3}(,\d{3})+))%$/);
          const parsed = Number(text.replace(/[%,+]/g, ''));
          expect(Math.abs(parsed - ratio * 100)).toBeLessThanOrEqual(0.5 + 1e-9 * Math.abs(ratio * 100));
        },
      ),
      RUNS,
    );
  });

  it('never prints NaN, Infinity or undefined for any value', () => {
    fc.assert(
      fc.property(
        anyValue,
        fc.constantFrom(...UNITS),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        (value, unit, decimals) => {
          expect(formatValue(value, unit, decimals)).not.toMatch(BROKEN);
          if (value !== null) {
            expect(formatSignedPercent(value)).not.toMatch(BROKEN);
            expect(formatPoints(value)).not.toMatch(BROKEN);
          }
        },
      ),
      RUNS,
    );
  });

  it('never prints NaN, Infinity or undefined in a comparator sentence', () => {
    fc.assert(
      fc.property(
        anyValue,
        anyValue,
        anyValue,
        fc.constantFrom(...POLARITIES),
        (value, england, southEast, polarity) => {
          const statement = compareWithComparator(value, 'England', england, polarity);
          expect(statement.text).not.toMatch(BROKEN);
          const sentence = describeComparators(
            value,
            [
              { name: 'England', value: england },
              { name: 'South East', value: southEast },
            ],
            polarity,
          );
          expect(sentence).not.toMatch(BROKEN);
          expect(sentence).toContain('England');
          expect(sentence).toContain('South East');
        },
      ),
      RUNS,
    );
  });
});
