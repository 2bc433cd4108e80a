import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { importPolice } from '../../../../db/imports/police/import-police';
import { importPopulation } from '../../../../db/imports/population/import-population';
import { computeRates } from '../../../../db/imports/rates/compute-rates';
import { UnknownNamesError } from '../../../../db/imports/figures/unknown-names-error';
import { createIndicator, setRateNumerator } from '../../../../db/repositories/indicator-writes';
import { upsertFigures } from '../../../../db/repositories/figures';
import type { Database } from '../../../../db/schema/database';
import type { RateDenominator } from '../../../../shared/domain';
import { POLICE_HEADER_LINE } from '../../../bench/police-synthetic-file';
import { demoDatabase, figureValue, fileWith, snapshot, writer } from './import-files';

async function idOf(db: Kysely<Database>, table: 'indicator' | 'area' | 'period', name: string): Promise<number> {
  const column = table === 'period' ? 'label' : 'name';
  const row = await db.selectFrom(table).select('id').where(column, '=', name).executeTakeFirstOrThrow();
  return row.id;
}

/** A computed rate: `per` of `denominator`, from the count indicator `numerator`. */
async function rateIndicator(
  db: Kysely<Database>,
  name: string,
  numerator: string,
  per: number,
  denominator: RateDenominator,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await createIndicator(trx, writer, {
      name,
      unit: 'rate',
      ratePer: per,
      denominator,
      polarity: 'lower is better',
      source: null,
      definition: null,
      numeratorIndicatorId: null,
    });
    await setRateNumerator(trx, writer, id, await idOf(trx, 'indicator', numerator));
    return id;
  });
}

async function count(
  db: Kysely<Database>,
  indicator: string,
  area: string,
  period: string,
  value: number,
): Promise<void> {
  await db.transaction().execute(async (trx) =>
    upsertFigures(trx, writer, [
      {
        indicatorId: await idOf(trx, 'indicator', indicator),
        areaId: await idOf(trx, 'area', area),
        periodId: await idOf(trx, 'period', period),
        value,
        provisional: false,
        source: null,
        note: null,
      },
    ]),
  );
}

describe('importing populations', () => {
  it('writes residents and households by area and year, and a second import changes nothing', async () => {
    const db = await demoDatabase();
    const file = fileWith(
      'population.csv',
      'area,year,residents,households\nWycombe District,2021,"171,644","68,400"\nTotal Bucks,2021,"553,100",\nTotal Bucks,2012,"511,500",\n',
    );
    expect(await importPopulation(db, writer, { file })).toMatchObject({
      rowsRead: 3,
      inserted: 2,
      updated: 1,
      unchanged: 0,
    });
    const wycombe = await db
      .selectFrom('population')
      .selectAll()
      .where('year', '=', 2021)
      .where('areaId', '=', await idOf(db, 'area', 'Wycombe District'))
      .executeTakeFirstOrThrow();
    expect(wycombe).toMatchObject({
      residents: 171644,
      households: 68400,
      youngPeople: null,
      source: 'population.csv',
    });
    const before = await snapshot(db);
    expect(await importPopulation(db, writer, { file })).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('lists unknown areas with the nearest names and writes nothing', async () => {
    const db = await demoDatabase();
    const before = await snapshot(db);
    const file = fileWith('population.csv', 'area,year,residents,households\nWycombe Distrct,2021,1,1\n');
    const error = await importPopulation(db, writer, { file }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownNamesError);
    expect((error as UnknownNamesError).unknown[0]).toMatchObject({
      name: 'Wycombe Distrct',
      where: { file, row: 2, column: 'area' },
      suggestions: expect.arrayContaining(['Wycombe District']),
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an area and year given twice, naming both rows', async () => {
    const db = await demoDatabase();
    const file = fileWith(
      'population.csv',
      'area,year,residents,households\nChiltern,2021,1,1\nWycombe,2021,2,2\nChiltern District,2021,3,3\n',
    );
    await expect(importPopulation(db, writer, { file })).rejects.toMatchObject({
      message: expect.stringContaining('rows 2 and 4'),
      where: { file, row: 4, column: 'year' },
    });
  });

  it('refuses a year that is not one and a count that is not whole, at their row and column', async () => {
    const db = await demoDatabase();
    const year = fileWith('year.csv', 'area,year,residents,households\nChiltern,2021/22,1,1\n');
    await expect(importPopulation(db, writer, { file: year })).rejects.toMatchObject({
      where: { file: year, row: 2, column: 'year' },
    });
    const half = fileWith('half.csv', 'area,year,residents,households\nChiltern,2021,1,2.5\n');
    await expect(importPopulation(db, writer, { file: half })).rejects.toMatchObject({
      where: { file: half, row: 2, column: 'households' },
    });
  });
});

describe('computing rates from counts and populations', () => {
  it('per 1,000 residents, per 1,000 households and per 100,000 young people', async () => {
    const db = await demoDatabase();
    await importPopulation(db, writer, {
      file: fileWith(
        'population.csv',
        'area,year,residents,households,young people\nWycombe District,2021,"170,000","68,000","16,000"\n',
      ),
    });
    await count(db, 'Domestic burglary', 'Wycombe District', '2021/22', 340);
    await count(db, 'Violence against the person', 'Wycombe District', '2021/22', 1020);
    await count(db, 'IDVA clients supported', 'Wycombe District', '2021/22', 24);
    const burglary = await rateIndicator(db, 'Domestic burglary rate', 'Domestic burglary', 1000, 'households');
    const violence = await rateIndicator(db, 'Violence rate', 'Violence against the person', 1000, 'residents');
    const youth = await rateIndicator(
      db,
      'IDVA clients per 100,000 young people',
      'IDVA clients supported',
      100_000,
      'young people aged 10-17',
    );
    const results = await db
      .transaction()
      .execute(async (trx) => [
        await computeRates(trx, writer, burglary),
        await computeRates(trx, writer, violence),
        await computeRates(trx, writer, youth),
      ]);
    const wycombe = await idOf(db, 'area', 'Wycombe District');
    const inWycombe = results.map((result) => result.rates.filter((rate) => rate.areaId === wycombe));
    expect(inWycombe.map((rates) => rates.map((rate) => [rate.value, rate.populationYear]))).toEqual([
      [[5, 2021]],
      [[6, 2021]],
      [[150, 2021]],
    ]);
    expect(await figureValue(db, 'Domestic burglary rate', 'Wycombe District', '2021/22')).toBe(5);
    expect(await figureValue(db, 'IDVA clients per 100,000 young people', 'Wycombe District', '2021/22')).toBe(150);
  });

  it("uses the period's own year or the latest before it, never a later one, and says why it skips a count", async () => {
    const db = await demoDatabase();
    await importPopulation(db, writer, {
      file: fileWith(
        'population.csv',
        'area,year,residents,households\nChiltern District,2019,"95,000",\nChiltern District,2022,"100,000",\n',
      ),
    });
    await count(db, 'Domestic burglary', 'Chiltern District', '2021/22', 95);
    await count(db, 'Domestic burglary', 'Chiltern District', '2022/23', 120);
    await count(db, 'Domestic burglary', 'Chiltern District', '2018/19', 90);
    await count(db, 'Domestic burglary', 'Aylesbury Vale District', '2021/22', 200);
    const rate = await rateIndicator(db, 'Burglary per 1,000 residents', 'Domestic burglary', 1000, 'residents');
    const result = await db.transaction().execute((trx) => computeRates(trx, writer, rate));
    const chiltern = await idOf(db, 'area', 'Chiltern District');
    const aylesburyVale = await idOf(db, 'area', 'Aylesbury Vale District');
    const inChiltern = result.rates.filter((computed) => computed.areaId === chiltern);
    expect(inChiltern.map((computed) => [computed.value, computed.populationYear])).toEqual([
      [1, 2019],
      [1.2, 2022],
    ]);
    const skipped = result.skipped.filter((entry) => entry.areaId === chiltern || entry.areaId === aylesburyVale);
    expect(skipped.map((entry) => entry.reason).sort()).toEqual([
      'no residents figure for 2018 or before',
      'no residents figure for 2021 or before',
    ]);
  });

  it('recomputes the rates when a population changes, logging old → new', async () => {
    const db = await demoDatabase();
    const population = (residents: string) =>
      fileWith('population.csv', `area,year,residents,households\nSouth Bucks District,2021,"${residents}",\n`);
    await importPopulation(db, writer, { file: population('70,000') });
    await count(db, 'Domestic burglary', 'South Bucks District', '2021/22', 140);
    const rate = await rateIndicator(db, 'South Bucks burglary rate', 'Domestic burglary', 1000, 'residents');
    await db.transaction().execute((trx) => computeRates(trx, writer, rate));
    expect(await figureValue(db, 'South Bucks burglary rate', 'South Bucks District', '2021/22')).toBe(2);
    const result = await importPopulation(db, writer, { file: population('56,000') });
    expect(result).toMatchObject({ updated: 1, rates: { updated: 1 } });
    expect(await figureValue(db, 'South Bucks burglary rate', 'South Bucks District', '2021/22')).toBe(2.5);
  });

  it('recomputes a rate whose counts come from police.uk files', async () => {
    const db = await demoDatabase();
    await importPopulation(db, writer, {
      file: fileWith('population.csv', 'area,year,residents,households\nWycombe District,2024,,"50,000"\n'),
    });
    const street = (rows: number) =>
      fileWith(
        'street.csv',
        `${POLICE_HEADER_LINE}\n${Array.from({ length: rows }, (_, index) => `id${index},2024-04,Thames Valley Police,Thames Valley Police,,,,E01017657,Wycombe 012A,Burglary,,`).join('\n')}\n`,
      );
    await importPolice(db, writer, { path: street(100) });
    await rateIndicator(db, 'Burglary (police.uk) per 1,000 households', 'Burglary (police.uk)', 1000, 'households');
    await db
      .transaction()
      .execute(async (trx) =>
        computeRates(trx, writer, await idOf(trx, 'indicator', 'Burglary (police.uk) per 1,000 households')),
      );
    expect(await figureValue(db, 'Burglary (police.uk) per 1,000 households', 'Wycombe District', '2024-04')).toBe(2);
    await importPolice(db, writer, { path: street(150) });
    expect(await figureValue(db, 'Burglary (police.uk) per 1,000 households', 'Wycombe District', '2024-04')).toBe(3);
  });

  it('refuses to make a rate of something that is not a count', async () => {
    const db = await demoDatabase();
    const rate = await rateIndicator(db, 'A rate', 'Domestic burglary', 1000, 'residents');
    await expect(
      db
        .transaction()
        .execute(async (trx) =>
          setRateNumerator(trx, writer, rate, await idOf(trx, 'indicator', 'MARAC repeat referral rate')),
        ),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('must be a count') });
  });
});
