/**
 * Money in the 2014/15 spending plan and the PCC allocation. Amounts are
 * read from the plan as printed ("£115k") into pence; totals that disagree
 * with the lines under them are flagged, not copied.
 */
import { describe, expect, it } from 'vitest';
import { parsePence } from '../../../../shared/money';
import {
  buildComparisonTable,
  checkStatedReduction,
  checkStatedTotal,
  compare,
  formatValue,
  type IndicatorTraits,
  sumObservations,
} from '../../../../shared/comparison';

function pence(printed: string): number {
  const value = parsePence(printed);
  if (value === null) throw new Error(`not money: ${printed}`);
  return value;
}

/** The BCC lines of section 9.1 as printed: £115k, £18k, £43K, £46k, £10k, £5K, £10k, £30k. */
const BCC_LINES = ['£115k', '£18k', '£43K', '£46k', '£10k', '£5K', '£10k', '£30k'].map(pence);
/** The CSF/PCC lines: £75k, £25k, £20k, £121k, £10k, £52K, £198K. */
const PCC_LINES = ['£75k', '£25k', '£20k', '£121k', '£10k', '£52K', '£198K'].map(pence);

describe('spending plan totals', () => {
  it('reads the BCC lines as the pence the brief lists', () => {
    expect(BCC_LINES).toEqual([11500000, 1800000, 4300000, 4600000, 1000000, 500000, 1000000, 3000000]);
  });

  it('flags the BCC lines adding to £277k against the stated £246k', () => {
    const check = checkStatedTotal('BCC 2014/15 expected budget', BCC_LINES, pence('£246k'), { unit: 'money' });
    expect(check).toEqual({
      label: 'BCC 2014/15 expected budget',
      stated: 24_600_000,
      computed: 27_700_000,
      agrees: false,
      message: 'BCC 2014/15 expected budget: lines add to £277,000, stated £246,000 (difference £31,000)',
    });
  });

  it('agrees that the CSF/PCC lines add to the stated £501k', () => {
    const check = checkStatedTotal('CSF/PCC 2014/15 expected budget', PCC_LINES, pence('£501k'), { unit: 'money' });
    expect(check.computed).toBe(50_100_000);
    expect(check.agrees).toBe(true);
    expect(check.message).toBe(
      'CSF/PCC 2014/15 expected budget: lines add to £501,000, agreeing with the stated £501,000',
    );
  });

  it('prints counts as plain numbers and honours an absolute tolerance', () => {
    const counts = checkStatedTotal('Referrals', [120, 80], 199);
    expect(counts.agrees).toBe(false);
    expect(counts.message).toBe('Referrals: lines add to 200, stated 199 (difference 1)');
    const tolerated = checkStatedTotal('Referrals', [120, 80], 199, 1);
    expect(tolerated.agrees).toBe(true);
    expect(tolerated.message).toBe('Referrals: lines add to 200, stated 199 (difference 1, within the tolerance of 1)');
    expect(checkStatedTotal('Custom', [1, 2], 4, { format: (value) => `${value} things` }).message).toBe(
      'Custom: lines add to 3 things, stated 4 things (difference 1 things)',
    );
  });

  it('sums money exactly, in pence', () => {
    expect(
      sumObservations(
        PCC_LINES.map((value) => ({ value })),
        'money',
      ),
    ).toEqual({
      value: 50_100_000,
      provisional: false,
    });
  });
});

describe('the PCC allocation', () => {
  it('agrees that £501,717 is a 6.14% (£32,800) reduction on 2013/14', () => {
    const check = checkStatedReduction('PCC 2014/15 allocation', pence('£501,717'), 6.14, pence('£32,800'), {
      unit: 'money',
    });
    expect(check.agrees).toBe(true);
    expect(check.stated).toBe(6.14);
    expect(check.computed).toBeCloseTo((32_800 / 534_517) * 100, 10);
    expect(check.message).toBe(
      'PCC 2014/15 allocation: £501,717 after a £32,800 reduction from £534,517 is a 6.14% (6.1364%) reduction, agreeing with the stated 6.14%',
    );
  });

  it('flags a stated percent that the amounts do not support', () => {
    const check = checkStatedReduction('PCC 2014/15 allocation', pence('£501,717'), 6.54, pence('£32,800'), {
      unit: 'money',
    });
    expect(check.agrees).toBe(false);
    expect(check.message).toContain('not the stated 6.54%');
  });

  it('compares the allocations year on year in pounds', () => {
    const money: IndicatorTraits = { unit: 'money', polarity: 'higher is better' };
    const allocation = compare({ value: pence('£534,517') }, { value: pence('£501,717') }, money);
    expect(allocation).toMatchObject({
      difference: -3_280_000,
      differenceText: '-£32,800',
      changeText: '-6%',
      direction: 'worse',
      rag: 'red',
    });
    expect(compare({ value: 0 }, { value: 3_280_000 }, money).differenceText).toBe('+£32,800');
    expect(formatValue(pence('£501,717'), 'money')).toBe('£501,717');
  });

  it('adds a money totals row', () => {
    const money: IndicatorTraits = { unit: 'money', polarity: 'neutral' };
    const table = buildComparisonTable(
      [
        { area: 'IDVA', base: { value: pence('£70k') }, current: { value: pence('£75k') } },
        { area: 'YOS', base: { value: pence('£200k') }, current: { value: pence('£198k') } },
      ],
      money,
    );
    expect(table[2]).toMatchObject({
      area: 'Total',
      total: true,
      base: 27_000_000,
      current: 27_300_000,
      differenceText: '+£3,000',
      changeText: '+1%',
      direction: 'no direction',
      rag: null,
      ragReason: 'no judgement: a neutral indicator has no better direction',
    });
  });
});
