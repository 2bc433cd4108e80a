import { describe, expect, it } from 'vitest';
import { rollUpsOf } from '../../../../db/imports/periods/financial-roll-ups';
import { parsePeriodLabel } from '../../../../db/imports/periods/period-labels';

describe('period labels', () => {
  it.each([
    ['2024-04', 'month', '2024-04-01', '2024-04-30'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['Apr 2024', 'month', '2024-04-01', '2024-04-30'],
    ['2013/14', 'financial year', '2013-04-01', '2014-03-31'],
    ['1999/00', 'financial year', '1999-04-01', '2000-03-31'],
    ['2012', 'range', '2012-01-01', '2012-12-31'],
    ['Apr-Dec 2012', 'range', '2012-04-01', '2012-12-31'],
    ['Apr–Dec 2012', 'range', '2012-04-01', '2012-12-31'],
    ['Jan-Mar 2022', 'quarter', '2022-01-01', '2022-03-31'],
    ['July-September 2024', 'quarter', '2024-07-01', '2024-09-30'],
    ['Oct 2019-Sep 2020', 'range', '2019-10-01', '2020-09-30'],
  ])('reads %s as a %s from %s to %s', (label, kind, startDate, endDate) => {
    expect(parsePeriodLabel(label)).toEqual({ label, kind, startDate, endDate });
  });

  it.each(['Q3', '2013/15', 'Dec-Apr 2012', 'Sep 2020-Oct 2019', '2024-13'])('cannot read %s', (label) => {
    expect(parsePeriodLabel(label)).toBeNull();
  });
});

describe("roll-ups of a month into the partnership's periods", () => {
  it('April rolls up into its quarter, the financial year and every April-to-date range after it', () => {
    expect(rollUpsOf(2024, 4).map((rollUp) => rollUp.spec.label)).toEqual([
      'Apr-Jun 2024',
      '2024/25',
      'Apr-May 2024',
      'Apr-Jul 2024',
      'Apr-Aug 2024',
      'Apr-Sep 2024',
      'Apr-Oct 2024',
      'Apr-Nov 2024',
      'Apr-Dec 2024',
      'Apr 2024-Jan 2025',
      'Apr 2024-Feb 2025',
    ]);
  });

  it('February rolls up into January to March, the financial year it ends, and April to February', () => {
    const rollUps = rollUpsOf(2025, 2);
    expect(rollUps.map((rollUp) => [rollUp.spec.label, rollUp.spec.kind, rollUp.months.length])).toEqual([
      ['Jan-Mar 2025', 'quarter', 3],
      ['2024/25', 'financial year', 12],
      ['Apr 2024-Feb 2025', 'range', 11],
    ]);
    expect(rollUps[2]?.months.at(0)).toBe('2024-04');
  });

  it('March rolls up into its quarter and the financial year only', () => {
    expect(rollUpsOf(2025, 3).map((rollUp) => rollUp.spec.label)).toEqual(['Jan-Mar 2025', '2024/25']);
  });
});
