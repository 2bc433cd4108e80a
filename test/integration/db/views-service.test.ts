import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import { openDatabase } from '../../../db/open-database';
import { findArea } from '../../../db/repositories/areas';
import { upsertFigures } from '../../../db/repositories/figures';
import { findIndicator } from '../../../db/repositories/indicators';
import { findPeriod } from '../../../db/repositories/periods';
import type { Database } from '../../../db/schema/database';
import { compareFigures } from '../../../db/services/compare-figures';
import { evaluateView } from '../../../db/services/evaluate-view';
import { viewSpec, type ViewSpecInput } from '../../../shared/views/view-spec';
import type { EvaluatedView, NumberCell, ViewRow } from '../../../shared/views/view-table';
import { closeAfterTest, suiteDatabase } from '../../helpers/temp-files';

/**
 * Comparison views evaluated on the demo dataset, in a real database: the
 * numbers the board relies on come out of a view exactly as they come out of
 * `boardpack compare`, because both take the same path.
 */

let db: Kysely<Database>;
let location: string;

beforeAll(async () => {
  const created = await suiteDatabase();
  await loadDemoDataset(created.db, { actor: 'test', now: () => '2026-11-26T09:00:00.000Z' });
  location = created.location;
});

/** The demo database opened afresh for one test, as the app opens it. */
async function open(): Promise<Kysely<Database>> {
  db = closeAfterTest(await openDatabase(location)).db;
  return db;
}

const indicator = async (name: string) => (await findIndicator(db, name)).id;
const area = async (name: string) => (await findArea(db, name)).id;
const period = async (label: string) => (await findPeriod(db, label)).id;

async function evaluate(spec: ViewSpecInput, name: string | null = null): Promise<EvaluatedView> {
  return evaluateView(db, viewSpec.parse(spec), name);
}

const rowOf = (view: EvaluatedView, label: string): ViewRow => {
  const row = view.rows.find((candidate) => candidate.area === label);
  if (!row) throw new Error(`no row ${label} in ${view.rows.map((r) => r.area).join(', ')}`);
  return row;
};
const number = (row: ViewRow, column: string): NumberCell => {
  const cell = row.cells[column];
  if (cell?.kind !== 'number') throw new Error(`${row.area}: ${column} is not a number cell`);
  return cell;
};
const text = (row: ViewRow, column: string): string => row.cells[column]?.text ?? '';

async function burglarySpec(): Promise<ViewSpecInput> {
  return {
    indicatorIds: [await indicator('Domestic burglary')],
    // The three police areas: all the county's parts, so their total is the county's, with its -2% target.
    areaIds: [await area('Aylesbury'), await area('Chiltern & South Bucks'), await area('Wycombe')],
    periods: { mode: 'compare', baseId: await period('Apr-Dec 2012'), currentId: await period('Apr-Dec 2013') },
  };
}

describe('evaluateView, two periods', () => {
  it('reproduces the plan’s domestic burglary table: -24/-32/-166/-222 and -9%/-7%/-45%/-20%, the total green against its -2% target', async () => {
    await open();
    const view = await evaluate(await burglarySpec(), 'Domestic burglary');
    expect(view.mode).toBe('compare');
    expect(view.title).toBe('Domestic burglary: Apr-Dec 2012 to Apr-Dec 2013');
    expect(view.rows.map((row) => [row.area, text(row, 'difference'), text(row, 'change')])).toEqual([
      ['Aylesbury', '-24', '-9%'],
      ['Chiltern & South Bucks', '-32', '-7%'],
      ['Wycombe', '-166', '-45%'],
      ['Total Buckinghamshire', '-222', '-20%'],
    ]);
    const total = rowOf(view, 'Total Buckinghamshire');
    expect(total.kind).toBe('total');
    expect(total.rag).toBe('green');
    expect(total.ragReason).toBe('target -2%, actual -20%: better than target');
    expect(text(total, 'target')).toBe('-2%');
    expect(number(total, 'target').value).toBeCloseTo(-0.02, 12);
    expect(text(total, 'rag')).toBe('Green');

    const wycombe = rowOf(view, 'Wycombe');
    const [base, current] = view.periods;
    expect(number(wycombe, `period:${base?.id}`)).toMatchObject({ value: 367, shown: 367, text: '367' });
    expect(number(wycombe, `period:${current?.id}`)).toMatchObject({ value: 201, shown: 201, text: '201' });
    expect(number(wycombe, 'difference')).toMatchObject({ value: -166, shown: -166, text: '-166' });
    expect(number(wycombe, 'change').value).toBeCloseTo(-166 / 367, 12);
    expect(number(wycombe, 'change')).toMatchObject({
      shown: -45,
      format: { style: 'percent', decimals: 0, signed: true },
    });
  });

  it('flags the printed -116 and says how the total was made', async () => {
    await open();
    const view = await evaluate(await burglarySpec());
    expect(view.statedChecks.filter((check) => !check.agrees).map((check) => check.message)).toEqual([
      'Domestic burglary, Wycombe, Apr-Dec 2012 to Apr-Dec 2013 (367 to 201): printed -116, computed -166',
    ]);
    expect(view.notes).toContain('Total Buckinghamshire adds up the areas above.');
  });

  it('makes the same table when the county is listed beside its three police areas', async () => {
    await open();
    const spec = await burglarySpec();
    const listed = await evaluate({ ...spec, areaIds: [...spec.areaIds, await area('Buckinghamshire')] });
    expect(listed.rows).toEqual((await evaluate(spec)).rows);
  });

  it('sums only some of the parts into a plain "Total", with no target of the whole', async () => {
    await open();
    const view = await evaluate({
      ...(await burglarySpec()),
      areaIds: [await area('Aylesbury'), await area('Wycombe')],
    });
    const total = rowOf(view, 'Total');
    expect([text(total, 'difference'), text(total, 'change'), text(total, 'target')]).toEqual(['-190', '-30%', '']);
    expect(total.ragReason).toBe('no target: fell 30%, better by more than the 2% tolerance');
  });

  it('gives the same rows as `boardpack compare` (one path for both)', async () => {
    await open();
    const view = await evaluate(await burglarySpec());
    const compared = await compareFigures(db, {
      indicator: 'Domestic burglary',
      base: 'Apr-Dec 2012',
      current: 'Apr-Dec 2013',
      areas: ['Aylesbury', 'Chiltern & South Bucks', 'Wycombe'],
    });
    expect(
      view.rows.map((row) => [
        row.area,
        number(row, 'difference').value,
        number(row, 'change').value,
        row.rag,
        row.ragReason,
      ]),
    ).toEqual(compared.rows.map((row) => [row.area, row.difference, row.change, row.rag, row.ragReason]));
  });

  it('shows only the chosen computed columns, and no totals row when asked for none', async () => {
    await open();
    const view = await evaluate({ ...(await burglarySpec()), columns: ['change', 'rag'], totals: 'none' });
    expect(view.columns.map((column) => column.header)).toEqual([
      'Indicator',
      'Unit',
      'Area',
      'Apr-Dec 2012',
      'Apr-Dec 2013',
      '% change',
      'RAG',
    ]);
    expect(view.rows.map((row) => row.area)).toEqual(['Aylesbury', 'Chiltern & South Bucks', 'Wycombe']);
    expect(view.rows.some((row) => row.kind === 'total')).toBe(false);
    const county = await evaluate({
      ...(await burglarySpec()),
      areaIds: [await area('Buckinghamshire'), await area('Wycombe')],
      totals: 'none',
    });
    expect(county.rows.map((row) => row.area)).toEqual(['Buckinghamshire', 'Wycombe']);
  });

  it('changes percent indicators in percentage points', async () => {
    await open();
    const view = await evaluate({
      indicatorIds: [await indicator('MARAC repeat referral rate')],
      areaIds: [await area('Buckinghamshire')],
      periods: { mode: 'compare', baseId: await period('2012/13'), currentId: await period('2013/14') },
    });
    expect(view.columns.find((column) => column.id === 'change')?.header).toBe('Change (pp)');
    const [row] = view.rows;
    expect(row?.cells.change).toMatchObject({ text: 'no base figure', value: null, shown: null });
  });
});

describe('evaluateView, rates', () => {
  it('never sums a rate: two police areas have no totals row, and all three take the county’s own figure as theirs', async () => {
    await open();
    const rate = await indicator('Burglary rate');
    const [base, current] = [await period('2020/21'), await period('2021/22')];
    const police = [await area('Aylesbury'), await area('Chiltern & South Bucks'), await area('Wycombe')];
    await db.transaction().execute((trx) =>
      upsertFigures(
        trx,
        { actor: 'test', now: () => '2026-11-26T10:00:00.000Z' },
        police.flatMap((areaId, index) => [
          { indicatorId: rate, areaId, periodId: base, value: 7 + index, provisional: false, source: null, note: null },
          {
            indicatorId: rate,
            areaId,
            periodId: current,
            value: 6 + index,
            provisional: false,
            source: null,
            note: null,
          },
        ]),
      ),
    );
    const some = await evaluate({
      indicatorIds: [rate],
      areaIds: police.slice(0, 2),
      periods: { mode: 'compare', baseId: base, currentId: current },
    });
    expect(some.rows.map((row) => row.kind)).toEqual(['area', 'area']);
    expect(some.notes).toContain(
      'No totals row: rates are never summed or averaged, and the whole area is not in the view.',
    );

    const whole = await evaluate({
      indicatorIds: [rate],
      areaIds: police,
      periods: { mode: 'compare', baseId: base, currentId: current },
    });
    const total = rowOf(whole, 'Total Buckinghamshire');
    // Buckinghamshire's own published rates (7.8 → 6.7), not 7+8+9 or their average.
    expect(number(total, `period:${base}`).value).toBe(7.8);
    expect(number(total, `period:${current}`).value).toBe(6.7);
    expect(text(total, 'difference')).toBe('-1.1');
    expect(whole.notes).toContain(
      "Total Buckinghamshire is Buckinghamshire's own figure: rates are never summed or averaged.",
    );
  });
});

describe('evaluateView, trends', () => {
  it('shows the anti-social behaviour rate 2018/19 to 2021/22 for Buckinghamshire beside England and South East', async () => {
    await open();
    const periods = [
      await period('2018/19'),
      await period('2019/20'),
      await period('2020/21'),
      await period('2021/22'),
    ];
    const view = await evaluate({
      indicatorIds: [await indicator('Anti-social behaviour rate')],
      areaIds: [await area('Buckinghamshire')],
      periods: { mode: 'trend', periodIds: periods },
    });
    expect(view.mode).toBe('trend');
    expect(view.periods.map((p) => p.label)).toEqual(['2018/19', '2019/20', '2020/21', '2021/22']);
    expect(view.columns.map((column) => column.header)).toEqual([
      'Indicator',
      'Unit',
      'Area',
      '2018/19',
      '2019/20',
      '2020/21',
      '2021/22',
      'Difference (2018/19 to 2021/22)',
      '% change (2018/19 to 2021/22)',
      'Target',
      'RAG',
      'vs England and South East',
    ]);
    const trend = (row: ViewRow) => periods.map((id) => text(row, `period:${id}`));
    expect(view.rows.map((row) => [row.area, row.kind, ...trend(row)])).toEqual([
      ['Buckinghamshire', 'area', '9.6', '9.5', '9.1', '8.0'],
      ['England', 'comparator', '–', '–', '–', '19.4'],
      ['South East', 'comparator', '–', '–', '–', '15.8'],
    ]);
    const bucks = rowOf(view, 'Buckinghamshire');
    expect(text(bucks, 'difference')).toBe('-1.6');
    expect(text(bucks, 'change')).toBe('-17%');
    expect(bucks.rag).toBe('green');
    expect(text(bucks, 'comparators')).toBe('lower than England (19.4) and South East (15.8)');
    expect(rowOf(view, 'England').rag).toBeNull();
    expect(view.rows.find((row) => row.kind === 'total')).toBeUndefined();
    expect(bucks.cells.unit?.text).toBe('rate per 1,000 residents');
  });

  it('compares every area with listed comparators instead of their own', async () => {
    await open();
    const view = await evaluate({
      indicatorIds: [await indicator('Anti-social behaviour rate')],
      areaIds: [await area('Buckinghamshire')],
      comparators: { from: 'list', areaIds: [await area('South East')] },
      periods: { mode: 'trend', periodIds: [await period('2020/21'), await period('2021/22')] },
    });
    expect(view.rows.map((row) => row.area)).toEqual(['Buckinghamshire', 'South East']);
    expect(text(rowOf(view, 'Buckinghamshire'), 'comparators')).toBe('lower than South East (15.8)');
  });

  it('sums counts in each period of a trend when the areas make the whole', async () => {
    await open();
    const periods = [await period('Apr-Dec 2012'), await period('Apr-Dec 2013')];
    const view = await evaluate({
      indicatorIds: [await indicator('Violence against the person')],
      areaIds: [
        await area('Aylesbury'),
        await area('Chiltern & South Bucks'),
        await area('Wycombe'),
        await area('Buckinghamshire'),
      ],
      periods: { mode: 'trend', periodIds: periods },
    });
    const total = rowOf(view, 'Total Buckinghamshire');
    expect(periods.map((id) => number(total, `period:${id}`).value)).toEqual([976 + 720 + 1003, 1074 + 684 + 994]);
    expect(text(rowOf(view, 'Wycombe'), 'difference')).toBe('-9');
    expect(text(rowOf(view, 'Wycombe'), 'change')).toBe('-1%');
  });
});

describe('evaluateView refusals', () => {
  it('names an indicator, area or period that no longer exists', async () => {
    await open();
    const spec = await burglarySpec();
    await expect(evaluate({ ...spec, areaIds: [9999] })).rejects.toMatchObject({
      code: 'not-found',
      message: 'the view refers to area #9999, which does not exist',
      where: { field: 'spec.areaIds' },
    });
    await expect(evaluate({ ...spec, indicatorIds: [4242] })).rejects.toMatchObject({
      where: { field: 'spec.indicatorIds' },
    });
  });

  it('marks provisional figures on their cells and rows', async () => {
    await open();
    const view = await evaluate({
      indicatorIds: [await indicator('IDVA reduction in risk category')],
      areaIds: [await area('Buckinghamshire')],
      periods: { mode: 'trend', periodIds: [await period('2012/13'), await period('2013/14')] },
    });
    const [row] = view.rows;
    expect(row?.provisional).toBe(true);
    expect(number(row as ViewRow, `period:${await period('2013/14')}`)).toMatchObject({
      text: '83%',
      provisional: true,
    });
    expect(view.notes).toContain('Figures marked "provisional" may still be revised.');
  });
});
