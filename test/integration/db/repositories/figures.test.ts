import { describe, expect, it } from 'vitest';
import type { Writer } from '../../../../db/repositories/change-log';
import { listChanges } from '../../../../db/repositories/change-log';
import { listFigures, upsertFigures } from '../../../../db/repositories/figures';
import type { Database } from '../../../../db/schema/database';
import type { Kysely } from 'kysely';
import { newDatabase } from '../../../helpers/temp-files';

const writer = (actor: string, at = '2026-11-26T09:00:00.000Z'): Writer => ({ actor, now: () => at });

/** One indicator, two areas, two periods: the smallest partnership that can be compared. */
async function seed(db: Kysely<Database>) {
  const area = async (name: string) =>
    (
      await db
        .insertInto('area')
        .values({ name, kind: 'police area', parentId: null, code: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const period = async (label: string, startDate: string, endDate: string) =>
    (
      await db
        .insertInto('period')
        .values({ label, kind: 'range', startDate, endDate, note: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const indicatorId = (
    await db
      .insertInto('indicator')
      .values({
        name: 'Domestic burglary',
        unit: 'count',
        ratePer: null,
        denominator: null,
        polarity: 'lower is better',
        source: null,
        definition: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  return {
    indicatorId,
    wycombe: await area('Wycombe'),
    aylesbury: await area('Aylesbury'),
    base: await period('Apr-Dec 2012', '2012-04-01', '2012-12-31'),
    current: await period('Apr-Dec 2013', '2013-04-01', '2013-12-31'),
  };
}

describe('upsertFigures', () => {
  it('inserts new figures and logs each insert', async () => {
    const { db } = await newDatabase();
    const ids = await seed(db);
    const result = await db.transaction().execute((trx) =>
      upsertFigures(trx, writer('secretary'), [
        {
          indicatorId: ids.indicatorId,
          areaId: ids.wycombe,
          periodId: ids.base,
          value: 367,
          provisional: false,
          source: 'TVP',
          note: null,
        },
        {
          indicatorId: ids.indicatorId,
          areaId: ids.wycombe,
          periodId: ids.current,
          value: 201,
          provisional: true,
          source: 'TVP',
          note: null,
        },
      ]),
    );
    expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const figures = await listFigures(db, { indicatorId: ids.indicatorId, periodIds: [ids.base, ids.current] });
    expect(figures.map((figure) => [figure.value, figure.provisional])).toEqual([
      [367, false],
      [201, true],
    ]);
    expect(await listChanges(db, 'figure', figures[0]?.id ?? 0)).toMatchObject([
      { operation: 'insert', actor: 'secretary' },
    ]);
  });

  it('changes nothing when the same figures are written again', async () => {
    const { db } = await newDatabase();
    const ids = await seed(db);
    const figure = {
      indicatorId: ids.indicatorId,
      areaId: ids.wycombe,
      periodId: ids.current,
      value: 201,
      provisional: false,
      source: null,
      note: null,
    };
    await db.transaction().execute((trx) => upsertFigures(trx, writer('secretary'), [figure]));
    const again = await db
      .transaction()
      .execute((trx) => upsertFigures(trx, writer('secretary', '2026-11-27T09:00:00.000Z'), [figure]));
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    const [stored] = await listFigures(db, { indicatorId: ids.indicatorId, periodIds: [ids.current] });
    expect(stored?.updatedAt).toBe('2026-11-26T09:00:00.000Z');
    expect(await db.selectFrom('changeLog').selectAll().execute()).toHaveLength(1);
  });

  it('updates a changed value and logs old and new, who and when', async () => {
    const { db } = await newDatabase();
    const ids = await seed(db);
    const figure = {
      indicatorId: ids.indicatorId,
      areaId: ids.wycombe,
      periodId: ids.current,
      value: 210,
      provisional: true,
      source: null,
      note: null,
    };
    await db.transaction().execute((trx) => upsertFigures(trx, writer('analyst'), [figure]));
    const result = await db
      .transaction()
      .execute((trx) =>
        upsertFigures(trx, writer('secretary', '2026-12-01T10:00:00.000Z'), [
          { ...figure, value: 201, provisional: false },
        ]),
      );
    expect(result).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const [stored] = await listFigures(db, { indicatorId: ids.indicatorId, periodIds: [ids.current] });
    expect(stored).toMatchObject({ value: 201, provisional: false, updatedAt: '2026-12-01T10:00:00.000Z' });
    const changes = await listChanges(db, 'figure', stored?.id ?? 0);
    expect(changes.at(-1)).toMatchObject({
      operation: 'update',
      actor: 'secretary',
      at: '2026-12-01T10:00:00.000Z',
      oldValues: JSON.stringify({ value: 210, provisional: 1 }),
      newValues: JSON.stringify({ value: 201, provisional: 0 }),
    });
  });

  it('writes nothing when a figure in the batch breaks a rule', async () => {
    const { db } = await newDatabase();
    const ids = await seed(db);
    const good = {
      indicatorId: ids.indicatorId,
      areaId: ids.aylesbury,
      periodId: ids.base,
      value: 260,
      provisional: false,
      source: null,
      note: null,
    };
    await expect(
      db.transaction().execute((trx) => upsertFigures(trx, writer('secretary'), [good, { ...good, areaId: 9999 }])),
    ).rejects.toThrow(/FOREIGN KEY|foreign key constraint/i);
    expect(await db.selectFrom('figure').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('changeLog').selectAll().execute()).toEqual([]);
  });

  it('holds one figure per indicator, area and period', async () => {
    const { db } = await newDatabase();
    const ids = await seed(db);
    const row = {
      indicatorId: ids.indicatorId,
      areaId: ids.wycombe,
      periodId: ids.base,
      value: 367,
      provisional: 0,
      source: null,
      note: null,
      updatedAt: '2026-11-26T09:00:00.000Z',
    };
    await db.insertInto('figure').values(row).execute();
    await expect(
      db
        .insertInto('figure')
        .values({ ...row, value: 1 })
        .execute(),
    ).rejects.toThrow(/UNIQUE|duplicate key/i);
  });
});
