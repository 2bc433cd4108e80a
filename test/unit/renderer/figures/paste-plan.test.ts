import { describe, expect, it } from 'vitest';
import type { Area, Figure, Indicator, Period } from '../../../../shared/model';
import { makeLookups } from '../../../../renderer/screens/figures/lookups';
import {
  blockOf,
  planFigurePaste,
  replanOver,
  type PasteRequest,
} from '../../../../renderer/screens/figures/paste-plan';

/**
 * A pasted block carries the version of every figure it was planned over, and
 * a block refused as stale is planned again over the figures as saved now:
 * the lines saved since marked with what was saved, a row deleted since an
 * error on its line (issue 9, point 3).
 */

const burglary: Indicator = {
  id: 1,
  version: 1,
  name: 'Domestic burglary',
  unit: 'count',
  ratePer: null,
  denominator: null,
  polarity: 'lower is better',
  source: null,
  definition: null,
  partnerId: null,
};
const area = (id: number, name: string): Area => ({
  id,
  version: 1,
  name,
  kind: 'district',
  parentId: null,
  code: null,
  aliases: [],
});
const wycombe = area(1, 'Wycombe');
const aylesbury = area(2, 'Aylesbury');
const chiltern = area(3, 'Chiltern');
const period: Period = {
  id: 1,
  version: 1,
  label: 'Apr-Dec 2013',
  kind: 'range',
  startDate: '2013-04-01',
  endDate: '2013-12-31',
  note: null,
};
const lookups = makeLookups([burglary], [wycombe, aylesbury, chiltern], [period]);

const figure = (id: number, areaId: number, value: number, version = 1): Figure => ({
  id,
  indicatorId: 1,
  areaId,
  periodId: 1,
  value,
  provisional: false,
  source: null,
  note: null,
  version,
  updatedAt: '2026-11-26T10:00:00.000Z',
});

const rows = [figure(10, 1, 201), figure(11, 2, 1108, 4)];

/** Values pasted at the Value column over both rows, and one line added below them. */
const request: PasteRequest = {
  cells: [['415'], ['1,200'], ['9']],
  rowIndex: 0,
  colIndex: 3,
  rows,
  loaded: rows,
  filter: { indicatorId: 1, areaId: null, periodId: 1 },
  lookups,
};

describe('a planned block', () => {
  it('is written with the version each line was planned over, null for a new figure', () => {
    // The third line has no area: it lands below the rows, so give it one.
    const plan = planFigurePaste({ ...request, cells: [['415'], ['1,200']] });
    expect(plan.errorCount).toBe(0);
    expect(blockOf(plan)).toEqual({
      figures: [
        { indicatorId: 1, areaId: 1, periodId: 1, value: 415, provisional: false, source: null, note: null },
        { indicatorId: 1, areaId: 2, periodId: 1, value: 1200, provisional: false, source: null, note: null },
      ],
      versions: [1, 4],
    });
    const added = planFigurePaste({
      ...request,
      cells: [['Domestic burglary', 'Chiltern', 'Apr-Dec 2013', '9']],
      rowIndex: 2,
      colIndex: 0,
    });
    expect(blockOf(added).versions).toEqual([null]);
  });
});

describe('a block planned again after a stale refusal', () => {
  const twoLines: PasteRequest = { ...request, cells: [['415'], ['1,200']] };
  const first = planFigurePaste(twoLines);

  it('marks the lines someone saved since with their value, and writes over them at the version saved now', () => {
    const saved = [figure(10, 1, 412, 2), figure(11, 2, 1108, 4)];
    const again = replanOver(twoLines, first, saved);
    expect(again.plan.lines.map((line) => line.savedSince)).toEqual(['412', undefined]);
    expect(again.plan.errorCount).toBe(0);
    expect(blockOf(again.plan).versions).toEqual([2, 4]);
    expect(again.plan.lines[0]?.cells.value).toMatchObject({ text: '415', changed: true });
  });

  it('makes a row deleted since an error on its line, so nothing is written until the paste is made again', () => {
    const again = replanOver(twoLines, first, [figure(11, 2, 1108, 4)]);
    expect(again.plan.lines[0]?.cells.value.error).toMatch(/someone else deleted this figure since you pasted/);
    expect(again.plan.lines[1]?.errorCount).toBe(0);
    expect(again.plan.errorCount).toBe(1);
  });

  it('turns a new line into a change of the figure someone added since, marked', () => {
    const newLine: PasteRequest = {
      ...request,
      cells: [['Domestic burglary', 'Chiltern', 'Apr-Dec 2013', '9']],
      rowIndex: 2,
      colIndex: 0,
    };
    const planned = planFigurePaste(newLine);
    expect(planned.lines[0]?.action).toBe('add');
    const again = replanOver(newLine, planned, [...rows, figure(12, 3, 7, 1)]);
    expect(again.plan.lines[0]).toMatchObject({ action: 'change', savedSince: '7' });
    expect(blockOf(again.plan).versions).toEqual([1]);
  });
});
