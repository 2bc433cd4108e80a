import { describe, expect, it } from 'vitest';
import type { SavedView, ViewSpecInput } from '../../../../shared/views/view-spec';
import { apiOnDatabase, type TestApi } from '../../../helpers/api-context';

/**
 * The views.* methods through dispatch, the path every transport takes, on the
 * demo dataset in a real SQLite file: saved by name, audited, refused with the
 * field named, evaluated by id or as an unsaved spec.
 */

/** The demo dataset without the saved views of its demo meetings, so each test starts with none. */
async function apiWithoutSavedViews(): Promise<TestApi> {
  const api = await apiOnDatabase();
  await api.db.deleteFrom('comparisonView').execute();
  return api;
}

async function idsOf(api: TestApi) {
  const [indicators, areas, periods] = await Promise.all([
    api.call('indicators.list', {}),
    api.call('areas.list', {}),
    api.call('periods.list', {}),
  ]);
  const find = <T extends { id: number }>(rows: readonly T[], key: (row: T) => string, name: string): number => {
    const row = rows.find((candidate) => key(candidate) === name);
    if (!row) throw new Error(`no ${name}`);
    return row.id;
  };
  return {
    indicator: (name: string) => find(indicators, (row) => row.name, name),
    area: (name: string) => find(areas, (row) => row.name, name),
    period: (label: string) => find(periods, (row) => row.label, label),
  };
}

async function burglary(api: TestApi): Promise<ViewSpecInput> {
  const ids = await idsOf(api);
  return {
    indicatorIds: [ids.indicator('Domestic burglary')],
    areaIds: ['Aylesbury', 'Chiltern & South Bucks', 'Wycombe', 'Buckinghamshire'].map(ids.area),
    periods: { mode: 'compare', baseId: ids.period('Apr-Dec 2012'), currentId: ids.period('Apr-Dec 2013') },
  };
}

describe('views.create, views.list and views.get', () => {
  it('saves a view by name with its spec (defaults filled in), logs it and says the views changed', async () => {
    const api = await apiWithoutSavedViews();
    const spec = await burglary(api);
    const saved = await api.call('views.create', { name: 'Domestic burglary by police area', spec });
    expect(saved).toMatchObject({
      name: 'Domestic burglary by police area',
      spec: {
        ...spec,
        comparators: { from: 'stored' },
        columns: ['difference', 'change', 'target', 'rag', 'comparators'],
        totals: 'auto',
      },
      createdAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
    });
    expect(await api.call('views.list', {})).toEqual([saved]);
    expect(await api.call('views.get', { id: saved.id })).toEqual(saved);
    expect(api.events).toContainEqual({ type: 'data-changed', tables: ['views'] });
    const log = await api.db.selectFrom('changeLog').selectAll().where('tableName', '=', 'comparisonView').execute();
    expect(log).toMatchObject([{ operation: 'insert', actor: 'secretary', rowId: String(saved.id) }]);
  });

  it('refuses a second view with the same name in any case, writing nothing', async () => {
    const api = await apiWithoutSavedViews();
    const spec = await burglary(api);
    await api.call('views.create', { name: 'Burglary', spec });
    expect(await api.fail('views.create', { name: '  BURGLARY ', spec })).toMatchObject({
      code: 'conflict',
      message: 'there is already a comparison view called "Burglary"',
      where: { field: 'name' },
    });
    expect(await api.call('views.list', {})).toHaveLength(1);
  });

  it('refuses a spec naming an area that does not exist, or a malformed one, with the field', async () => {
    const api = await apiWithoutSavedViews();
    const spec = await burglary(api);
    expect(await api.fail('views.create', { name: 'Ghost', spec: { ...spec, areaIds: [9999] } })).toMatchObject({
      code: 'not-found',
      where: { field: 'spec.areaIds' },
    });
    expect(await api.fail('views.create', { name: 'Empty', spec: { ...spec, indicatorIds: [] } })).toMatchObject({
      code: 'invalid-input',
      message: 'choose at least one indicator',
      where: { field: 'spec.indicatorIds' },
    });
    expect(
      await api.fail('views.create', {
        name: 'Same',
        spec: { ...spec, periods: { mode: 'compare', baseId: 2, currentId: 2 } },
      }),
    ).toMatchObject({
      message: 'the base and current periods must differ',
      where: { field: 'spec.periods.currentId' },
    });
    expect(await api.fail('views.create', { name: '', spec })).toMatchObject({ where: { field: 'name' } });
    expect(await api.call('views.list', {})).toEqual([]);
  });
});

describe('views.update and views.delete', () => {
  it('renames a view and replaces its spec, logging old → new', async () => {
    const api = await apiWithoutSavedViews();
    const spec = await burglary(api);
    const saved = await api.call('views.create', { name: 'Burglary', spec });
    const renamed = await api.call('views.update', { id: saved.id, name: 'Burglary by police area' });
    expect(renamed).toMatchObject({ id: saved.id, name: 'Burglary by police area', spec: saved.spec });
    const narrowed = await api.call('views.update', { id: saved.id, spec: { ...spec, columns: ['change'] } });
    expect(narrowed.spec.columns).toEqual(['change']);
    const log = await api.db
      .selectFrom('changeLog')
      .select(['operation', 'oldValues', 'newValues'])
      .where('tableName', '=', 'comparisonView')
      .orderBy('id')
      .execute();
    expect(log.map((entry) => entry.operation)).toEqual(['insert', 'update', 'update']);
    expect(JSON.parse(log[1]?.oldValues ?? '{}')).toEqual({ name: 'Burglary' });
    expect(JSON.parse(log[1]?.newValues ?? '{}')).toEqual({ name: 'Burglary by police area' });
  });

  it('deletes a view, and then says it is gone', async () => {
    const api = await apiWithoutSavedViews();
    const saved: SavedView = await api.call('views.create', { name: 'Burglary', spec: await burglary(api) });
    expect(await api.call('views.delete', { id: saved.id })).toEqual({ deleted: 1 });
    expect(await api.call('views.list', {})).toEqual([]);
    expect(await api.fail('views.get', { id: saved.id })).toMatchObject({ code: 'not-found', where: { field: 'id' } });
    expect(await api.fail('views.delete', { id: saved.id })).toMatchObject({ code: 'not-found' });
  });

  it('refuses to read a stored spec that no longer parses, naming the view', async () => {
    const api = await apiWithoutSavedViews();
    const saved = await api.call('views.create', { name: 'Burglary', spec: await burglary(api) });
    await api.db
      .updateTable('comparisonView')
      .set({ spec: '{"indicatorIds":[]}' })
      .where('id', '=', saved.id)
      .execute();
    expect(await api.fail('views.get', { id: saved.id })).toMatchObject({
      code: 'invalid-input',
      message: 'the saved view "Burglary" is damaged: choose at least one indicator',
    });
    expect(await api.call('views.delete', { id: saved.id })).toEqual({ deleted: 1 });
  });
});

describe('views.evaluate', () => {
  it('evaluates a saved view by id and an unsaved spec to the same table', async () => {
    const api = await apiWithoutSavedViews();
    const spec = await burglary(api);
    const saved = await api.call('views.create', { name: 'Burglary', spec });
    const byId = await api.call('views.evaluate', { id: saved.id });
    const bySpec = await api.call('views.evaluate', { spec, name: 'Burglary' });
    expect(byId).toEqual(bySpec);
    expect(byId.name).toBe('Burglary');
    const wycombe = byId.rows.find((row) => row.area === 'Wycombe');
    expect([wycombe?.cells.difference?.text, wycombe?.cells.change?.text]).toEqual(['-166', '-45%']);
  });

  it('wants either an id or a spec', async () => {
    const api = await apiWithoutSavedViews();
    const spec = await burglary(api);
    expect(await api.fail('views.evaluate', {})).toMatchObject({ code: 'invalid-input', where: { field: 'id' } });
    expect(await api.fail('views.evaluate', { id: 1, spec })).toMatchObject({ code: 'invalid-input' });
    expect(await api.fail('views.evaluate', { id: 77 })).toMatchObject({ code: 'not-found' });
  });
});
