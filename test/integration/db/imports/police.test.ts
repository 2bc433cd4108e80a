import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { importPolice } from '../../../../db/imports/police/import-police';
import type { ImportProgress } from '../../../../db/imports/progress';
import { listChanges } from '../../../../db/repositories/change-log';
import { POLICE_HEADER_LINE, writePoliceFile } from '../../../bench/police-synthetic-file';
import { tempDir } from '../../../helpers/temp-files';
import { countRows, demoDatabase, emptyDatabase, figureValue, fileWith, snapshot, writer } from './import-files';

/** One police.uk street-level row in the real column layout. */
function crime(
  crimeType: string,
  lsoaName: string,
  options: { month?: string; id?: string; lsoaCode?: string } = {},
): string {
  const asb = crimeType === 'Anti-social behaviour';
  const id = options.id ?? (asb ? '' : `${'ab'.repeat(31)}${String(Math.floor(Math.random() * 90) + 10)}`);
  const code = options.lsoaCode ?? (lsoaName === '' ? '' : 'E01017657');
  const place = lsoaName === '' ? ',,No location' : '-0.748,51.628,On or near Easton Street';
  return `${id},${options.month ?? '2024-04'},Thames Valley Police,Thames Valley Police,${place},${code},${lsoaName},${crimeType},${asb ? '' : 'Under investigation'},`;
}

const policeFile = (name: string, rows: readonly string[]): string =>
  fileWith(name, `${POLICE_HEADER_LINE}\n${rows.join('\n')}\n`);

describe('counting a police.uk street-level file', () => {
  it('counts anti-social behaviour rows, which have no Crime ID, like any other', async () => {
    const db = await demoDatabase();
    const file = policeFile('2024-04-thames-valley-street.csv', [
      crime('Anti-social behaviour', 'Wycombe 012A'),
      crime('Anti-social behaviour', 'Wycombe 014C'),
      crime('Anti-social behaviour', 'Chiltern 003B'),
      crime('Burglary', 'Wycombe 012A'),
    ]);
    const result = await importPolice(db, writer, { path: file });
    expect(result.counts).toEqual([
      { crimeType: 'Anti-social behaviour', area: 'Chiltern District', month: '2024-04', count: 1 },
      { crimeType: 'Anti-social behaviour', area: 'Wycombe District', month: '2024-04', count: 2 },
      { crimeType: 'Burglary', area: 'Wycombe District', month: '2024-04', count: 1 },
    ]);
    expect(await figureValue(db, 'Anti-social behaviour (police.uk)', 'Wycombe District', '2024-04')).toBe(2);
    // A month imported is a count for every crime type seen in it: no burglary in Chiltern is 0, not missing.
    expect(await figureValue(db, 'Burglary (police.uk)', 'Chiltern District', '2024-04')).toBe(0);
    const indicator = await db
      .selectFrom('indicator')
      .selectAll()
      .where('name', '=', 'Anti-social behaviour (police.uk)')
      .executeTakeFirstOrThrow();
    expect(indicator).toMatchObject({
      unit: 'count',
      polarity: 'lower is better',
      source: 'police.uk street-level crime data',
    });
    const period = await db.selectFrom('period').selectAll().where('label', '=', '2024-04').executeTakeFirstOrThrow();
    expect(period).toMatchObject({ kind: 'month', startDate: '2024-04-01', endDate: '2024-04-30' });
  });

  it('places LSOAs by their local authority: "Wycombe 012A" in Wycombe District, beside the other districts, not the Wycombe police area', async () => {
    const db = await demoDatabase();
    const file = policeFile('street.csv', [
      crime('Robbery', 'Wycombe 012A'),
      crime('Robbery', 'Aylesbury Vale 001A'),
      crime('Robbery', 'South Bucks 002C'),
      crime('Robbery', 'Chiltern 003B'),
    ]);
    const result = await importPolice(db, writer, { path: file });
    expect(result.areaMatches).toEqual([
      { lsoa: 'Aylesbury Vale', area: 'Aylesbury Vale District' },
      { lsoa: 'Chiltern', area: 'Chiltern District' },
      { lsoa: 'South Bucks', area: 'South Bucks District' },
      { lsoa: 'Wycombe', area: 'Wycombe District' },
    ]);
    expect(await figureValue(db, 'Robbery (police.uk)', 'Wycombe', '2024-04')).toBeUndefined();
  });

  it("counts and reports by name the rows outside the partnership's areas and the rows with no LSOA", async () => {
    const db = await demoDatabase();
    const file = policeFile('2024-04-thames-valley-street.csv', [
      crime('Burglary', 'Wycombe 012A'),
      crime('Burglary', 'Oxford 008B'),
      crime('Vehicle crime', 'Oxford 011C'),
      crime('Shoplifting', 'Reading 001A'),
      crime('Anti-social behaviour', ''),
      crime('Anti-social behaviour', ''),
      crime('Public order', ''),
    ]);
    const result = await importPolice(db, writer, { path: file });
    expect(result).toMatchObject({ rowsRead: 7, rowsCounted: 1, rowsOutsideAreas: 3, rowsWithoutLsoa: 3 });
    expect(result.outsideAreas).toEqual([
      { name: 'Oxford', rows: 2 },
      { name: 'Reading', rows: 1 },
    ]);
    expect(result.withoutLsoa).toEqual([
      { month: '2024-04', crimeType: 'Anti-social behaviour', rows: 2 },
      { month: '2024-04', crimeType: 'Public order', rows: 1 },
    ]);
    const month = await db.selectFrom('policeMonth').selectAll().executeTakeFirstOrThrow();
    expect(month).toMatchObject({
      month: '2024-04',
      rowsRead: 7,
      rowsCounted: 1,
      rowsOutsideAreas: 3,
      rowsWithoutLsoa: 3,
    });
  });

  it('lets an LSOA lookup alone decide, by LSOA code', async () => {
    const db = await demoDatabase();
    const lookup = fileWith('lookup.csv', 'LSOA code,Area\nE01017657,Aylesbury\nE01017700,Total Bucks\n');
    const file = policeFile('street.csv', [
      crime('Drugs', 'Wycombe 012A', { lsoaCode: 'E01017657' }),
      crime('Drugs', 'Wycombe 013B', { lsoaCode: 'E01017700' }),
      crime('Drugs', 'Wycombe 014C', { lsoaCode: 'E01099999' }),
    ]);
    const result = await importPolice(db, writer, { path: file, lsoaLookup: lookup });
    expect(result.counts).toEqual([
      { crimeType: 'Drugs', area: 'Aylesbury', month: '2024-04', count: 1 },
      { crimeType: 'Drugs', area: 'Buckinghamshire', month: '2024-04', count: 1 },
    ]);
    expect(result.outsideAreas).toEqual([{ name: 'Wycombe', rows: 1 }]);
  });

  it('refuses a lookup naming an unknown area, at its row and column', async () => {
    const db = await demoDatabase();
    const lookup = fileWith('lookup.csv', 'LSOA code,Area\nE01017657,Aylesbury\nE01017700,Wycomb\n');
    const file = policeFile('street.csv', [crime('Drugs', 'Wycombe 012A')]);
    await expect(importPolice(db, writer, { path: file, lsoaLookup: lookup })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('did you mean "Wycombe"'),
      where: { file: lookup, row: 3, column: 'Area' },
    });
  });
});

describe('importing a month again', () => {
  it('replaces the month rather than adding to it, and a corrected file updates old → new', async () => {
    const db = await demoDatabase();
    const rows = [
      crime('Burglary', 'Wycombe 012A'),
      crime('Burglary', 'Wycombe 012B'),
      crime('Robbery', 'Chiltern 001A'),
    ];
    const file = policeFile('street.csv', rows);
    await importPolice(db, writer, { path: file });
    const before = await snapshot(db);
    const again = await importPolice(db, writer, { path: file });
    expect(again.figures).toMatchObject({ created: 0, updated: 0 });
    expect(await snapshot(db)).toEqual(before);
    expect(await figureValue(db, 'Burglary (police.uk)', 'Wycombe District', '2024-04')).toBe(2);

    const corrected = policeFile('street-corrected.csv', [crime('Burglary', 'Wycombe 012A')]);
    const result = await importPolice(db, writer, { path: corrected });
    expect(await figureValue(db, 'Burglary (police.uk)', 'Wycombe District', '2024-04')).toBe(1);
    // Robbery in Chiltern is no longer in the month: it is now 0, logged as a change.
    expect(await figureValue(db, 'Robbery (police.uk)', 'Chiltern District', '2024-04')).toBe(0);
    expect(result.figures.updated).toBeGreaterThanOrEqual(2);
    expect(await countRows(db, 'policeMonth')).toBe(1);
    const figure = await db
      .selectFrom('figure')
      .innerJoin('indicator', 'indicator.id', 'figure.indicatorId')
      .innerJoin('area', 'area.id', 'figure.areaId')
      .select('figure.id')
      .where('indicator.name', '=', 'Burglary (police.uk)')
      .where('area.name', '=', 'Wycombe District')
      .executeTakeFirstOrThrow();
    const change = (await listChanges(db, 'figure', figure.id)).at(-1);
    expect(JSON.parse(change?.oldValues ?? '{}')).toEqual({ value: 2 });
    expect(JSON.parse(change?.newValues ?? '{}')).toEqual({ value: 1 });
  });

  it('refuses a folder that holds the same month of the same force twice', async () => {
    const db = await demoDatabase();
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(dir, 'a', '2024-04-thames-valley-street.csv'),
      `${POLICE_HEADER_LINE}\n${crime('Drugs', 'Wycombe 012A')}\n`,
    );
    writeFileSync(
      join(dir, 'b', '2024-04-thames-valley-street.csv'),
      `${POLICE_HEADER_LINE}\n${crime('Drugs', 'Wycombe 012A')}\n`,
    );
    await expect(importPolice(db, writer, { path: dir })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/2024-04 from Thames Valley Police is in two files/),
      where: { file: join(dir, 'b', '2024-04-thames-valley-street.csv'), row: 2, column: 'Month' },
    });
    expect(await countRows(db, 'policeMonth')).toBe(0);
  });
});

describe('a folder of monthly files', () => {
  it('rolls months up into quarters, the financial year and April to date, once their months are all in', async () => {
    const db = await demoDatabase();
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    const months = [
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ];
    months.forEach((month, index) => {
      mkdirSync(join(dir, month));
      const rows = Array.from({ length: index + 1 }, () => crime('Burglary', 'Wycombe 012A', { month }));
      rows.push(crime('Other theft', 'Oxford 001A', { month }), crime('Anti-social behaviour', '', { month }));
      writeFileSync(
        join(dir, month, `${month}-thames-valley-street.csv`),
        `${POLICE_HEADER_LINE}\n${rows.join('\n')}\n`,
      );
      writeFileSync(join(dir, month, `${month}-thames-valley-outcomes.csv`), 'Crime ID,Month,Outcome type\n');
    });
    const firstHalf = await importPolice(db, writer, { path: join(dir, '2024-04') });
    expect(firstHalf.files).toHaveLength(1);
    for (const month of months.slice(1, 5)) await importPolice(db, writer, { path: join(dir, month) });
    const burglary = (period: string) => figureValue(db, 'Burglary (police.uk)', 'Wycombe District', period);
    expect(await burglary('Apr-Jun 2024')).toBe(1 + 2 + 3);
    expect(await burglary('Apr-Aug 2024')).toBe(15);
    expect(await burglary('Jul-Sep 2024')).toBeUndefined();
    expect(await burglary('2024/25')).toBeUndefined();

    const all = await importPolice(db, writer, { path: dir });
    expect(all.files).toHaveLength(12);
    expect(all.months).toEqual(months);
    expect(all.rowsOutsideAreas).toBe(12);
    expect(all.rowsWithoutLsoa).toBe(12);
    expect(await burglary('2024-12')).toBe(9);
    expect(await burglary('Jan-Mar 2025')).toBe(10 + 11 + 12);
    expect(await burglary('Apr 2024-Feb 2025')).toBe(66);
    expect(await burglary('2024/25')).toBe(78);
    const periods = await db
      .selectFrom('period')
      .select(['label', 'kind'])
      .where('label', 'in', ['Jan-Mar 2025', 'Apr 2024-Feb 2025', '2024/25'])
      .orderBy('label')
      .execute();
    expect(periods).toEqual([
      { label: '2024/25', kind: 'financial year' },
      { label: 'Apr 2024-Feb 2025', kind: 'range' },
      { label: 'Jan-Mar 2025', kind: 'quarter' },
    ]);
  });
});

describe('the CSV of a police file', () => {
  it('reads quoted fields holding commas, quotes and line breaks, a BOM and CRLF, and numbers rows by line', async () => {
    const db = await demoDatabase();
    const quoted =
      'x1,2024-04,Thames Valley Police,Thames Valley Police,-0.7,51.6,"On or near ""The Rye"", High\r\nWycombe",E01017657,Wycombe 012A,Burglary,,';
    const file = fileWith(
      'street.csv',
      `\uFEFF${POLICE_HEADER_LINE}\r\n${quoted}\r\n${crime('Burglary', 'Wycombe 012B')}\r\n`,
    );
    expect(await importPolice(db, writer, { path: file })).toMatchObject({ rowsRead: 2, rowsCounted: 2 });
    const bad = fileWith('bad.csv', `${POLICE_HEADER_LINE}\n${quoted}\n${crime('Burglary', 'Wycombe 012B')},extra\n`);
    await expect(importPolice(db, writer, { path: bad })).rejects.toMatchObject({
      message: 'this row has 13 cells but the header has 12',
      where: { file: bad, row: 4 },
    });
  });
});

describe('bad police files', () => {
  it('refuses a file without the police.uk columns, naming the missing one', async () => {
    const db = await demoDatabase();
    const file = fileWith('other.csv', 'Crime ID,Month,Reported by,LSOA code,LSOA name,Type\n');
    await expect(importPolice(db, writer, { path: file })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('no "Crime type" column'),
      where: { file, row: 1 },
    });
  });

  it('refuses a month not written YYYY-MM, at its row and column', async () => {
    const db = await demoDatabase();
    const file = policeFile('street.csv', [
      crime('Drugs', 'Wycombe 012A'),
      crime('Drugs', 'Wycombe 012A', { month: 'April 2024' }),
    ]);
    await expect(importPolice(db, writer, { path: file })).rejects.toMatchObject({
      where: { file, row: 3, column: 'Month' },
    });
    expect(await countRows(db, 'policeMonth')).toBe(0);
  });
});

describe('progress', () => {
  it('reports rows read, bytes against the total, the rate and the time left, reading then writing', async () => {
    const db = await demoDatabase();
    const file = join(tempDir(), 'street.csv');
    await writePoliceFile(file, { rows: 50_000, month: '2024-04', authorities: ['Wycombe'] });
    const reports: ImportProgress[] = [];
    let tick = 0;
    await importPolice(
      db,
      writer,
      { path: file },
      { onProgress: (progress) => reports.push(progress), now: () => (tick += 250) },
    );
    const reading = reports.filter((progress) => progress.stage === 'reading');
    expect(reading.length).toBeGreaterThan(3);
    const middle = reading[Math.floor(reading.length / 2)];
    expect(middle?.totalBytes).toBe(statSync(file).size);
    expect(middle?.bytesRead).toBeGreaterThan(0);
    expect(middle?.rowsRead).toBeGreaterThan(0);
    expect(middle?.rowsPerSecond).toBeGreaterThan(0);
    expect(middle?.remainingMs).toBeGreaterThan(0);
    expect(reading.map((progress) => progress.rowsRead)).toEqual(
      [...reading.map((progress) => progress.rowsRead)].sort((a, b) => a - b),
    );
    expect(reports.at(-1)).toMatchObject({ stage: 'writing', rowsRead: 50_000, bytesRead: statSync(file).size });
  });
});

describe('cancelling', () => {
  it('a cancelled police import writes nothing', async () => {
    const db = await demoDatabase();
    const before = await snapshot(db);
    const file = join(tempDir(), 'street.csv');
    await writePoliceFile(file, { rows: 60_000, month: '2024-04', authorities: ['Wycombe', 'Chiltern'] });
    const controller = new AbortController();
    const importing = importPolice(
      db,
      writer,
      { path: file },
      {
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.bytesRead > 0) controller.abort();
        },
        now: (() => {
          let tick = 0;
          return () => (tick += 1000);
        })(),
      },
    );
    await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a police import cancelled while it writes writes nothing either', async () => {
    const db = await demoDatabase();
    const before = await snapshot(db);
    const file = policeFile('street.csv', [crime('Drugs', 'Wycombe 012A')]);
    const controller = new AbortController();
    const importing = importPolice(
      db,
      writer,
      { path: file },
      {
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.stage === 'writing') controller.abort();
        },
      },
    );
    await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('memory', () => {
  it('does not grow with the size of the file: 300,000 rows stream through in bounded heap', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const db = await emptyDatabase();
    const file = join(tempDir(), 'big-street.csv');
    const expected = await writePoliceFile(file, {
      rows: 300_000,
      month: '2024-04',
      authorities: ['Wycombe', 'Chiltern', 'Oxford'],
      withoutLsoaEvery: 1000,
    });
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let samples = 0;
    const sample = (): void => {
      gc();
      samples += 1;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    };
    const result = await importPolice(db, writer, { path: file }, { onProgress: sample });
    sample();
    expect(result.rowsRead).toBe(300_000);
    expect(result.rowsWithoutLsoa).toBe(300);
    expect(result.outsideAreas).toEqual([
      { name: 'Chiltern', rows: [...(expected.get('Chiltern')?.values() ?? [])].reduce((a, b) => a + b, 0) },
      { name: 'Oxford', rows: [...(expected.get('Oxford')?.values() ?? [])].reduce((a, b) => a + b, 0) },
      { name: 'Wycombe', rows: [...(expected.get('Wycombe')?.values() ?? [])].reduce((a, b) => a + b, 0) },
    ]);
    expect(samples).toBeGreaterThanOrEqual(3);
    expect(peak - baseline).toBeLessThan(60 * 1024 * 1024);
  }, 20_000);
});
