/**
 * The two performance tables of the draft Safer Bucks Plan 2014-15
 * (section 4.2), Apr-Dec 2012 against Apr-Dec 2013, recomputed from their
 * counts. Every printed cell is reproduced, except the one the plan got
 * wrong: Wycombe burglary's difference is -166, not the printed -116.
 */
import { describe, expect, it } from 'vitest';
import {
  buildComparisonTable,
  checkStatedDifference,
  checkStatedPercentChange,
  compare,
  type IndicatorTraits,
} from '../../../../shared/comparison';

const CRIME: IndicatorTraits = { unit: 'count', polarity: 'lower is better' };

/** The tables exactly as printed in the seed (tab-separated text extraction). */
const VIOLENCE_PRINTED = `Police Area	2012	2013	Difference	% Change
Aylesbury	976	1074	+98	+10%
Chiltern & South Bucks	720	684	-36	-5%
Wycombe	1003	994	-9	-1%
Total Bucks	2699	2752	+53	+2%`;

const BURGLARY_PRINTED = `Police Area	2012	2013	Difference	% Change
Aylesbury	260	236	-24	-9%
Chiltern & South Bucks	481	449	-32	-7%
Wycombe	367	201	-116	-45%
Total Bucks	1108	886	-222	-20%`;

interface PrintedRow {
  readonly area: string;
  readonly base: number;
  readonly current: number;
  readonly difference: string;
  readonly change: string;
}

function readPrinted(table: string): PrintedRow[] {
  return table
    .split('\n')
    .slice(1)
    .map((line) => {
      const [area = '', base = '', current = '', difference = '', change = ''] = line.split('\t');
      return { area, base: Number(base), current: Number(current), difference, change };
    });
}

function areaRows(
  printed: readonly PrintedRow[],
): { area: string; base: { value: number }; current: { value: number } }[] {
  return printed
    .filter((row) => row.area !== 'Total Bucks')
    .map((row) => ({ area: row.area, base: { value: row.base }, current: { value: row.current } }));
}

describe('violence against the person, Apr-Dec 2012 to 2013', () => {
  const printed = readPrinted(VIOLENCE_PRINTED);
  const table = buildComparisonTable(areaRows(printed), CRIME, { totalLabel: 'Total Bucks' });

  it('reproduces every printed cell, the totals row included', () => {
    expect(
      table.map((row) => [row.area, row.base, row.current, row.differenceText, row.changeText, row.total]),
    ).toEqual([
      ['Aylesbury', 976, 1074, '+98', '+10%', false],
      ['Chiltern & South Bucks', 720, 684, '-36', '-5%', false],
      ['Wycombe', 1003, 994, '-9', '-1%', false],
      ['Total Bucks', 2699, 2752, '+53', '+2%', true],
    ]);
    expect(table.map((row) => [row.area, row.base, row.current, row.differenceText, row.changeText])).toEqual(
      printed.map((row) => [row.area, row.base, row.current, row.difference, row.change]),
    );
  });

  it('computes the totals row by adding the areas, not by copying the printed total', () => {
    const total = table[3];
    expect(total?.base).toBe(976 + 720 + 1003);
    expect(total?.current).toBe(1074 + 684 + 994);
    expect(total?.difference).toBe(53);
  });

  it('keeps the exact numbers behind the rounded text', () => {
    expect(table[0]?.difference).toBe(98);
    expect(table[0]?.change).toBe(98 / 976);
    expect(table[2]?.change).toBe(-9 / 1003);
    expect(table[3]?.change).toBe(53 / 2699);
  });

  it('reads more violence as worse and less as better', () => {
    expect(table.map((row) => row.direction)).toEqual(['worse', 'better', 'better', 'worse']);
  });

  it('judges each area without a target against the 2% tolerance', () => {
    expect(table.map((row) => row.rag)).toEqual(['red', 'green', 'amber', 'amber']);
    expect(table[2]?.ragReason).toBe('no target: fell 1%, within 2% tolerance');
    // +1.96% prints as "+2%"; the reason shows why it is still within 2%.
    expect(table[3]?.ragReason).toBe('no target: rose 1.96%, within 2% tolerance');
  });

  it('finds every printed difference and percent in agreement', () => {
    for (const row of printed) {
      expect(checkStatedDifference(row.area, row.base, row.current, Number(row.difference)).agrees).toBe(true);
      expect(
        checkStatedPercentChange(row.area, row.base, row.current, Number(row.change.replace('%', ''))).agrees,
      ).toBe(true);
    }
  });
});

describe('domestic burglary, Apr-Dec 2012 to 2013', () => {
  const printed = readPrinted(BURGLARY_PRINTED);
  const burglaryTarget = { kind: 'percent change', value: -2 } as const;
  const table = buildComparisonTable(areaRows(printed), CRIME, {
    totalLabel: 'Total Bucks',
    totalTarget: burglaryTarget,
  });

  it('reproduces every cell, with Wycombe at -166, not the printed -116', () => {
    expect(table.map((row) => [row.area, row.base, row.current, row.differenceText, row.changeText])).toEqual([
      ['Aylesbury', 260, 236, '-24', '-9%'],
      ['Chiltern & South Bucks', 481, 449, '-32', '-7%'],
      ['Wycombe', 367, 201, '-166', '-45%'],
      ['Total Bucks', 1108, 886, '-222', '-20%'],
    ]);
    expect(table[2]?.difference).toBe(-166);
  });

  it('differs from the printed table in exactly one cell, the Wycombe difference', () => {
    const mismatches = table.flatMap((row, index) => {
      const cell = printed[index];
      if (!cell) return [`missing printed row ${index}`];
      return [
        row.base === cell.base ? null : `${row.area} base`,
        row.current === cell.current ? null : `${row.area} current`,
        row.differenceText === cell.difference ? null : `${row.area} difference`,
        row.changeText === cell.change ? null : `${row.area} change`,
      ].filter((mismatch) => mismatch !== null);
    });
    expect(mismatches).toEqual(['Wycombe difference']);
  });

  it('flags the printed -116 as disagreeing with the computed -166', () => {
    const check = checkStatedDifference('Wycombe domestic burglary', 367, 201, -116);
    expect(check).toEqual({
      label: 'Wycombe domestic burglary',
      stated: -116,
      computed: -166,
      agrees: false,
      message: 'Wycombe domestic burglary (367 to 201): printed -116, computed -166',
    });
  });

  it('agrees with the printed -45%, and the county total of -222 agrees with -166', () => {
    const percent = checkStatedPercentChange('Wycombe domestic burglary', 367, 201, -45);
    expect(percent.agrees).toBe(true);
    expect(percent.computed).toBeCloseTo(-45.2316, 4);
    expect(-24 - 32 - 166).toBe(table[3]?.difference);
    expect(-24 - 32 - 116).not.toBe(table[3]?.difference);
  });

  it('sums the areas into the 1108 to 886 totals row', () => {
    const total = table[3];
    expect(total).toMatchObject({ area: 'Total Bucks', total: true, base: 1108, current: 886, difference: -222 });
    expect(total?.change).toBe(-222 / 1108);
  });

  it('turns the total green against the -2% burglary target', () => {
    const total = table[3];
    expect(total?.target).toEqual(burglaryTarget);
    expect(total?.rag).toBe('green');
    expect(total?.ragReason).toBe('target -2%, actual -20%: better than target');
    expect(table.slice(0, 3).map((row) => row.target)).toEqual([null, null, null]);
  });

  it('gives the same total from compare() on its own', () => {
    const total = compare({ value: 1108 }, { value: 886 }, CRIME, { target: burglaryTarget });
    expect(total.rag).toBe('green');
    expect(total.direction).toBe('better');
    expect(total.status).toBe('complete');
    expect(total.provisional).toBe(false);
  });
});
