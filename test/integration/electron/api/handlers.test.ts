import { describe, expect, it } from 'vitest';
import { CONTRACT, METHOD_NAMES } from '../../../../shared/api/contract';
import { figuresOf } from '../../../../shared/api/figure-page';
import { HANDLERS } from '../../../../electron/api/handlers';
import { apiOnDatabase } from '../../../helpers/api-context';

async function count(
  api: Awaited<ReturnType<typeof apiOnDatabase>>,
  table: 'priority' | 'activity' | 'figure' | 'changeLog',
) {
  const { n } = await api.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe('the handler table', () => {
  it('binds exactly the methods of the contract', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...METHOD_NAMES].sort());
    expect(METHOD_NAMES.length).toBeGreaterThan(60);
    expect(Object.keys(CONTRACT)).toContain('figures.write');
  });
});

describe('dispatch', () => {
  it('refuses a method that is not in the contract', async () => {
    const api = await apiOnDatabase();
    expect(await api.fail('plans.drop', {})).toMatchObject({
      code: 'invalid-input',
      message: 'there is no method "plans.drop"',
    });
  });

  it('refuses a payload that fails its schema, names the field, and writes nothing', async () => {
    const api = await apiOnDatabase();
    const before = await count(api, 'priority');
    const error = await api.fail('priorities.create', { planId: 1, position: 'first', ref: '9', title: 'x' });
    expect(error).toMatchObject({ code: 'invalid-input', where: { field: 'position' } });
    expect(await count(api, 'priority')).toBe(before);
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const api = await apiOnDatabase();
    expect(await api.fail('plans.list', { where: { colour: 'red' } })).toMatchObject({ code: 'invalid-input' });
  });
});

describe('plans, priorities and activities', () => {
  it('lists the plans and the 2014/15 priorities in order', async () => {
    const api = await apiOnDatabase();
    const plans = await api.call('plans.list', {});
    const plan = plans.find((p) => p.key === 'sbp-2014-15');
    expect(plan?.title).toBe('Safer Bucks Plan 2014-15');
    const priorities = await api.call('priorities.list', { where: { planId: plan?.id ?? 0 } });
    expect(priorities.map((p) => p.ref)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8']);
  });

  it("edits an activity's desired outcome, logs old and new, and says data changed", async () => {
    const api = await apiOnDatabase();
    const [activity] = await api.call('activities.list', {
      where: { activity: 'Support continuation of effective MARAC IDVAs' },
    });
    const updated = await api.call('activities.update', {
      id: activity?.id ?? 0,
      version: activity?.version ?? 1,
      changes: { desiredOutcome: 'Fewer high risk DV victims harmed again' },
    });
    expect(updated.desiredOutcome).toBe('Fewer high risk DV victims harmed again');
    const log = await api.db.selectFrom('changeLog').selectAll().where('tableName', '=', 'activity').execute();
    expect(log.at(-1)).toMatchObject({
      actor: 'secretary',
      operation: 'update',
      oldValues: JSON.stringify({ desiredOutcome: activity?.desiredOutcome }),
      newValues: JSON.stringify({ desiredOutcome: 'Fewer high risk DV victims harmed again' }),
    });
    expect(api.events).toEqual([{ type: 'data-changed', tables: ['activities'] }]);
  });

  it('adds a priority to a plan', async () => {
    const api = await apiOnDatabase();
    const plan = (await api.call('plans.list', {})).find((p) => p.key === 'sbp-2020-23');
    const created = await api.call('priorities.create', {
      planId: plan?.id ?? 0,
      position: 6,
      ref: '6',
      printedRef: null,
      title: 'Tackling violence against women and girls',
      summary: null,
      sponsor: null,
    });
    expect(created).toMatchObject({ ref: '6', title: 'Tackling violence against women and girls' });
    expect((await api.call('priorities.list', { where: { planId: plan?.id ?? 0 } })).map((p) => p.ref)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
  });

  it('says what deleting a plan would also remove, then removes it', async () => {
    const api = await apiOnDatabase();
    const plan = (await api.call('plans.list', {})).find((p) => p.key === 'sbp-2014-15');
    const impact = await api.call('plans.deleteImpact', { id: plan?.id ?? 0 });
    expect(impact).toEqual({
      alsoRemoves: expect.arrayContaining(['8 priorities', '45 activities', '16 funding lines', '2 stated totals']),
      blockedBy: null,
    });
    expect(await api.call('plans.delete', { id: plan?.id ?? 0 })).toEqual({ deleted: 1 });
    expect(await api.call('priorities.list', { where: { planId: plan?.id ?? 0 } })).toEqual([]);
  });
});

describe('periods and areas', () => {
  it('refuses a period that ends before it starts, naming the field, even when one cell changes', async () => {
    const api = await apiOnDatabase();
    const [period] = await api.call('periods.list', { where: { label: 'Apr-Dec 2013' } });
    const error = await api.fail('periods.update', {
      id: period?.id,
      version: period?.version,
      changes: { endDate: '2013-01-31' },
    });
    expect(error).toMatchObject({
      code: 'invalid-input',
      message: 'the end date must not be before the start date',
      where: { field: 'endDate' },
    });
  });

  it('refuses a second area with the same name, naming the field', async () => {
    const api = await apiOnDatabase();
    const error = await api.fail('areas.create', { name: 'Wycombe', kind: 'district', parentId: null, code: null });
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'another area already has this name',
      where: { field: 'name' },
    });
  });

  it('lists areas with their aliases', async () => {
    const api = await apiOnDatabase();
    const [bucks] = await api.call('areas.list', { where: { name: 'Buckinghamshire' } });
    expect(bucks?.aliases).toEqual(['Bucks', 'Total Bucks']);
  });

  it('will not delete an area other areas sit under, and says why', async () => {
    const api = await apiOnDatabase();
    const [bucks] = await api.call('areas.list', { where: { name: 'Buckinghamshire' } });
    const impact = await api.call('areas.deleteImpact', { id: bucks?.id ?? 0 });
    expect(impact.blockedBy).toBe('this area cannot be deleted: 7 areas still refer to it');
    expect(await api.fail('areas.delete', { id: bucks?.id })).toMatchObject({ code: 'conflict' });
  });
});

describe('figures', () => {
  it('pages figures by indicator and counts them all', async () => {
    const api = await apiOnDatabase();
    const [burglary] = await api.call('indicators.list', { where: { name: 'Domestic burglary' } });
    const page = await api.call('figures.list', { indicatorId: burglary?.id ?? 0, limit: 3 });
    expect(page.total).toBe(8);
    expect(page.ids).toHaveLength(3);
    expect(page.indicatorIds).toEqual([burglary?.id, burglary?.id, burglary?.id]);
  });

  it('lists figures as columns in indicator, area, period order, each column one figure per row', async () => {
    const api = await apiOnDatabase();
    const page = await api.call('figures.list', {});
    expect(page.total).toBe(page.ids.length);
    const figures = figuresOf(page);
    const triples = figures.map((figure) => [figure.indicatorId, figure.areaId, figure.periodId]);
    const sorted = [...triples].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!);
    expect(triples).toEqual(sorted);
    for (const column of [page.values, page.provisional, page.sources, page.notes, page.updatedAt]) {
      expect(column).toHaveLength(page.ids.length);
    }
    const first = figures[0];
    const one = await api.call('figures.list', {
      indicatorId: first?.indicatorId ?? 0,
      areaId: first?.areaId ?? 0,
      periodId: first?.periodId ?? 0,
    });
    expect(figuresOf(one)).toEqual([first]);
    expect(typeof first?.provisional).toBe('boolean');
  });

  it('pages past the end with an empty page and still counts every match', async () => {
    const api = await apiOnDatabase();
    const all = await api.call('figures.list', {});
    const page = await api.call('figures.list', { offset: all.total, limit: 10 });
    expect(page).toMatchObject({ ids: [], values: [], total: all.total });
  });

  it('writes a pasted block all or nothing', async () => {
    const api = await apiOnDatabase();
    const [burglary] = await api.call('indicators.list', { where: { name: 'Domestic burglary' } });
    const [wycombe] = await api.call('areas.list', { where: { name: 'Wycombe' } });
    const [period] = await api.call('periods.list', { where: { label: '2013/14' } });
    const figure = {
      indicatorId: burglary?.id ?? 0,
      areaId: wycombe?.id ?? 0,
      periodId: period?.id ?? 0,
      value: 250,
      provisional: true,
      source: null,
      note: null,
    };
    const before = await count(api, 'figure');
    expect(await api.fail('figures.write', { figures: [figure, { ...figure, areaId: 99_999 }] })).toMatchObject({
      code: 'conflict',
    });
    expect(await count(api, 'figure')).toBe(before);
    expect(await api.call('figures.write', { figures: [figure] })).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(await count(api, 'figure')).toBe(before + 1);
  });

  it('refuses text in a figure, at the value field', async () => {
    const api = await apiOnDatabase();
    const { ids } = await api.call('figures.list', { limit: 1 });
    expect(await api.fail('figures.update', { id: ids[0], version: 1, changes: { value: 'lots' } })).toMatchObject({
      code: 'invalid-input',
      where: { field: 'changes.value' },
    });
  });

  it('updates a figure, stamps it and logs the change', async () => {
    const api = await apiOnDatabase();
    const figure = figuresOf(await api.call('figures.list', { limit: 1 }))[0];
    const updated = await api.call('figures.update', {
      id: figure?.id ?? 0,
      version: figure?.version ?? 1,
      changes: { value: 123, provisional: true },
    });
    expect(updated).toMatchObject({ value: 123, provisional: true, updatedAt: '2026-11-26T10:00:00.000Z' });
  });
});

describe('reports', () => {
  it('compares through the API as the command line does', async () => {
    const api = await apiOnDatabase();
    const result = await api.call('comparison.compare', {
      indicator: 'Domestic burglary',
      base: 'Apr-Dec 2012',
      current: 'Apr-Dec 2013',
    });
    expect(result.rows.map((row) => row.difference)).toEqual([-24, -32, -166, -222]);
  });

  it('runs the checks', async () => {
    const api = await apiOnDatabase();
    const report = await api.call('check.run', {});
    expect(report.findings.filter((finding) => finding.status === 'mismatch')).toHaveLength(2);
  });

  it('tells the app its version and database', async () => {
    const api = await apiOnDatabase();
    expect(await api.call('app.info', {})).toMatchObject({
      version: '0.0.0-test',
      partnership: 'Safer Buckinghamshire Board',
    });
  });
});
