import { describe, expect, it } from 'vitest';
import { parseFigureMapping } from '../../../../db/imports/figures/figure-mapping';
import { importFigures } from '../../../../db/imports/figures/import-figures';
import { previewFigureFile } from '../../../../db/imports/figures/preview-figure-file';
import { UnknownNamesError } from '../../../../db/imports/figures/unknown-names-error';
import { listChanges } from '../../../../db/repositories/change-log';
import { compareFigures } from '../../../../db/services/compare-figures';
import { demoDatabase, emptyDatabase, figureValue, fileWith, snapshot, writer, xlsxWith } from './import-files';

/** The 2014-15 plan's §4.2.1 table, as a partner would send it. */
const VIOLENCE_2014 = [
  'Police Area,2012,2013,Difference,% Change',
  'Aylesbury,976,"1,074",98,10%',
  'Chiltern & South Bucks,720,684,-36,-5%',
  'Wycombe,"1,003",994,-9,-1%',
  'Total Bucks,"2,699","2,752",53,2%',
  '',
].join('\r\n');

const periods2014 = parseFigureMapping({
  indicator: 'Violence against the person',
  names: { periods: { '2012': 'Apr-Dec 2012', '2013': 'Apr-Dec 2013' } },
});

describe('importing figures in the long layout', () => {
  it('creates new figures, updates a changed one with old → new in the change log, and leaves the rest', async () => {
    const db = await demoDatabase();
    const file = fileWith(
      'idva.csv',
      [
        'indicator,area,period,value,note,provisional',
        'Domestic burglary,Wycombe,Apr-Dec 2013,201,,no',
        'Domestic burglary,Aylesbury,Apr-Dec 2013,240,corrected by TVP,yes',
        'Domestic burglary,Wycombe,2013/14,280,,',
      ].join('\n'),
    );
    const result = await importFigures(db, writer, { file });
    expect(result).toMatchObject({ layout: 'long', rowsRead: 3, created: 1, updated: 1, unchanged: 1 });
    expect(await figureValue(db, 'Domestic burglary', 'Aylesbury', 'Apr-Dec 2013')).toBe(240);
    const figure = await db
      .selectFrom('figure')
      .innerJoin('area', 'area.id', 'figure.areaId')
      .innerJoin('period', 'period.id', 'figure.periodId')
      .select(['figure.id', 'figure.note', 'figure.provisional'])
      .where('area.name', '=', 'Aylesbury')
      .where('period.label', '=', 'Apr-Dec 2013')
      .where(
        'figure.indicatorId',
        '=',
        (
          await db
            .selectFrom('indicator')
            .select('id')
            .where('name', '=', 'Domestic burglary')
            .executeTakeFirstOrThrow()
        ).id,
      )
      .executeTakeFirstOrThrow();
    expect(figure).toMatchObject({ note: 'corrected by TVP', provisional: 1 });
    const update = (await listChanges(db, 'figure', figure.id)).at(-1);
    expect(update).toMatchObject({ operation: 'update', actor: 'secretary' });
    expect(JSON.parse(update?.oldValues ?? '{}')).toMatchObject({ value: 236, provisional: 0 });
    expect(JSON.parse(update?.newValues ?? '{}')).toMatchObject({ value: 240, provisional: 1 });
  });

  it('changes nothing when the same file is imported again', async () => {
    const db = await demoDatabase();
    const file = fileWith(
      'figures.csv',
      'indicator,area,period,value\nDomestic burglary,Wycombe,2013/14,280\nDomestic burglary,Aylesbury,2013/14,300\n',
    );
    expect(await importFigures(db, writer, { file })).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const before = await snapshot(db);
    expect(await importFigures(db, writer, { file })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps a figure exactly as it is when a file without notes repeats its value', async () => {
    const db = await demoDatabase();
    const before = await snapshot(db);
    const file = fileWith('again.csv', 'indicator,area,period,value\nDomestic burglary,Total Bucks,Apr-Dec 2013,886\n');
    expect(await importFigures(db, writer, { file })).toMatchObject({ unchanged: 1 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('reads "12%" as 12 for a percent indicator and "£43k" as 4,300,000 pence for a money one', async () => {
    const db = await demoDatabase();
    const file = fileWith(
      'mixed.csv',
      [
        'indicator,area,period,value',
        'MARAC repeat referral rate,Buckinghamshire,2013/14,12%',
        'Domestic abuse champions budget,Buckinghamshire,2014/15,£43k',
      ].join('\n'),
    );
    const result = await importFigures(db, writer, { file, createMissing: true });
    expect(result.createdNames.indicators).toEqual(['Domestic abuse champions budget']);
    expect(await figureValue(db, 'MARAC repeat referral rate', 'Buckinghamshire', '2013/14')).toBe(12);
    expect(await figureValue(db, 'Domestic abuse champions budget', 'Buckinghamshire', '2014/15')).toBe(4_300_000);
    const unit = await db
      .selectFrom('indicator')
      .select('unit')
      .where('name', '=', 'Domestic abuse champions budget')
      .executeTakeFirstOrThrow();
    expect(unit.unit).toBe('money');
  });

  it('keeps every digit of a large sum and a fine rate, on either engine', async () => {
    const db = await demoDatabase();
    const file = fileWith(
      'exact.csv',
      [
        'indicator,area,period,value',
        // 2^24 + 1 pence and a rate of nine significant digits: neither survives a 4-byte float.
        'Community safety fund,Buckinghamshire,2014/15,"£167,772.17"',
        'Anti-social behaviour rate,Buckinghamshire,2014/15,23.4567891',
      ].join('\n'),
    );
    await importFigures(db, writer, { file, createMissing: true });
    expect(await figureValue(db, 'Community safety fund', 'Buckinghamshire', '2014/15')).toBe(16_777_217);
    expect(await figureValue(db, 'Anti-social behaviour rate', 'Buckinghamshire', '2014/15')).toBe(23.4567891);
  });
});

describe('importing a wide table, one column per period', () => {
  it("imports the 2014 violence table into an empty database, and compare gives the document's numbers", async () => {
    const db = await emptyDatabase();
    const file = fileWith('violence-2014.csv', VIOLENCE_2014);
    const result = await importFigures(db, writer, { file, mapping: periods2014, createMissing: true });
    expect(result).toMatchObject({ layout: 'wide-period', rowsRead: 4, created: 8 });
    expect(result.createdNames).toEqual({
      indicators: ['Violence against the person'],
      areas: ['Aylesbury', 'Chiltern & South Bucks', 'Wycombe', 'Bucks'],
      periods: ['Apr-Dec 2012', 'Apr-Dec 2013'],
    });
    expect(result.checks.every((check) => check.agrees)).toBe(true);
    expect(result.checks).toHaveLength(10);
    const comparison = await compareFigures(db, {
      indicator: 'Violence against the person',
      base: 'Apr-Dec 2012',
      current: 'Apr-Dec 2013',
    });
    expect(comparison.rows.map((row) => [row.area, row.base, row.current, row.difference, row.changeText])).toEqual([
      ['Aylesbury', 976, 1074, 98, '+10%'],
      ['Chiltern & South Bucks', 720, 684, -36, '-5%'],
      ['Wycombe', 1003, 994, -9, '-1%'],
      ['Total Bucks', 2699, 2752, 53, '+2%'],
    ]);
  });

  it("reports the plan's -116 for Wycombe burglary as a mismatch with the computed -166, and imports nothing of it", async () => {
    const db = await demoDatabase();
    const file = fileWith(
      'burglary-2014.csv',
      [
        'Police Area,2012,2013,Difference,% Change',
        'Aylesbury,260,236,-24,-9%',
        'Chiltern & South Bucks,481,449,-32,-7%',
        'Wycombe,367,201,-116,-45%',
        'Total Bucks,"1,108",886,-222,-20%',
      ].join('\n'),
    );
    const result = await importFigures(db, writer, {
      file,
      mapping: parseFigureMapping({ ...periods2014, indicator: 'Domestic burglary' }),
    });
    const disagree = result.checks.filter((check) => !check.agrees);
    expect(disagree).toEqual([
      {
        row: 4,
        column: 'Difference',
        kind: 'difference',
        agrees: false,
        message: 'Domestic burglary, Wycombe, 2012 to 2013 (367 to 201): printed -116, computed -166',
      },
    ]);
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
  });

  it('reads the same table from an XLSX workbook, % Change cells formatted as percentages and a formula for the total', async () => {
    const db = await emptyDatabase();
    const percent = (value: number) => ({ value, numFmt: '0%' });
    const file = await xlsxWith('violence-2014.xlsx', {
      Notes: [['Source: Thames Valley Police']],
      Violence: [
        ['Police Area', '2012', '2013', 'Difference', '% Change'],
        ['Aylesbury', 976, 1074, 98, percent(0.1)],
        ['Chiltern & South Bucks', 720, 684, -36, percent(-0.05)],
        ['Wycombe', 1003, 994, -9, percent(-0.01)],
        [],
        [
          'Total Bucks',
          { formula: 'SUM(B2:B4)', result: 2699 },
          { formula: 'SUM(C2:C4)', result: 2752 },
          53,
          percent(0.02),
        ],
      ],
    });
    const result = await importFigures(db, writer, {
      file,
      mapping: parseFigureMapping({ ...periods2014, sheet: 'Violence' }),
      createMissing: true,
    });
    expect(result).toMatchObject({ rowsRead: 4, created: 8 });
    expect(result.checks.filter((check) => !check.agrees)).toEqual([]);
    expect(await figureValue(db, 'Violence against the person', 'Bucks', 'Apr-Dec 2013')).toBe(2752);
  });
});

describe('importing a wide table, one column per indicator', () => {
  it('takes the area from its named column, leaves region and code columns out, and files every figure under the named period', async () => {
    const db = await demoDatabase();
    const file = fileWith(
      'ons-csp.csv',
      [
        'Community Safety Partnership code,Community Safety Partnership name,Region name,Violence against the person,Domestic burglary',
        'E22000001,Aylesbury,South East,"1,201",250',
        'E22000002,Wycombe,South East,990,..',
      ].join('\n'),
    );
    const result = await importFigures(db, writer, { file, period: '2014/15' });
    expect(result).toMatchObject({ layout: 'wide-indicator', figuresRead: 3, skipped: 1, created: 3 });
    expect(await figureValue(db, 'Violence against the person', 'Aylesbury', '2014/15')).toBe(1201);
    expect(await figureValue(db, 'Domestic burglary', 'Wycombe', '2014/15')).toBeUndefined();
  });

  it('refuses without a period, naming the field', async () => {
    const db = await demoDatabase();
    const file = fileWith('ons.csv', 'Area,Violence against the person\nWycombe,990\n');
    await expect(importFigures(db, writer, { file, layout: 'wide-indicator' })).rejects.toMatchObject({
      code: 'invalid-input',
      where: { file, field: 'period' },
    });
  });
});

describe('names the database does not know', () => {
  it('lists every unknown name with the nearest existing ones, and writes nothing', async () => {
    const db = await demoDatabase();
    const before = await snapshot(db);
    const file = fileWith(
      'typos.csv',
      'indicator,area,period,value\nDomestic burglry,Wycombe,2013/14,1\nDomestic burglary,Wycomb,2013/14,2\nDomestic burglary,Wycombe,2031/32,3\n',
    );
    const error = await importFigures(db, writer, { file }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownNamesError);
    const unknown = (error as UnknownNamesError).unknown;
    expect(unknown.map((name) => [name.kind, name.name, name.where, name.suggestions[0]])).toEqual([
      ['indicator', 'Domestic burglry', { file, row: 2, column: 'indicator' }, 'Domestic burglary'],
      ['area', 'Wycomb', { file, row: 3, column: 'area' }, 'Wycombe'],
      ['period', '2031/32', { file, row: 4, column: 'period' }, expect.any(String)],
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('maps names to existing ones by name or id, and creates the ones the mapping says to create', async () => {
    const db = await demoDatabase();
    const wycombe = await db
      .selectFrom('area')
      .select('id')
      .where('name', '=', 'Wycombe District')
      .executeTakeFirstOrThrow();
    const mapping = parseFigureMapping({
      names: {
        indicators: { 'Burglary dwelling': 'Domestic burglary' },
        areas: {
          'Wycombe DC': { id: wycombe.id },
          'High Wycombe town centre': { create: { kind: 'community board', parent: 'Wycombe District' } },
        },
        periods: { Q1: { create: { label: 'Apr-Jun 2014' } } },
      },
    });
    const file = fileWith(
      'mapped.csv',
      'indicator,area,period,value\nBurglary dwelling,Wycombe DC,Q1,50\nBurglary dwelling,High Wycombe town centre,Q1,12\n',
    );
    const result = await importFigures(db, writer, { file, mapping });
    expect(result).toMatchObject({
      created: 2,
      createdNames: { areas: ['High Wycombe town centre'], periods: ['Apr-Jun 2014'] },
    });
    expect(await figureValue(db, 'Domestic burglary', 'Wycombe District', 'Apr-Jun 2014')).toBe(50);
    const period = await db
      .selectFrom('period')
      .selectAll()
      .where('label', '=', 'Apr-Jun 2014')
      .executeTakeFirstOrThrow();
    expect(period).toMatchObject({ kind: 'quarter', startDate: '2014-04-01', endDate: '2014-06-30' });
    // The same mapping again finds what it created the first time.
    expect(await importFigures(db, writer, { file, mapping })).toMatchObject({ created: 0, unchanged: 2 });
  });
});

describe('a dry run', () => {
  it('reports what it would do and a preview of the first figures, and writes nothing', async () => {
    const db = await emptyDatabase();
    const file = fileWith('violence-2014.csv', VIOLENCE_2014);
    const result = await importFigures(db, writer, { file, mapping: periods2014, createMissing: true, dryRun: true });
    expect(result).toMatchObject({ dryRun: true, created: 8 });
    expect(result.preview[0]).toEqual({
      row: 2,
      column: '2012',
      indicator: 'Violence against the person',
      area: 'Aylesbury',
      period: '2012',
      value: 976,
    });
    expect(await snapshot(db)).toEqual({
      figure: 0,
      changeLog: 0,
      area: 0,
      period: 0,
      indicator: 0,
      policeMonth: 0,
      population: 0,
    });
  });
});

describe('cancelling', () => {
  it('a cancelled import writes nothing, not even the names it created', async () => {
    const db = await emptyDatabase();
    const rows = ['indicator,area,period,value'];
    for (let index = 0; index < 3000; index += 1)
      rows.push(`Indicator ${index % 7},Area ${index % 50},2024-${String((index % 12) + 1).padStart(2, '0')},${index}`);
    const file = fileWith('big.csv', `${rows.join('\n')}\n`);
    const controller = new AbortController();
    const seen: number[] = [];
    const importing = importFigures(
      db,
      writer,
      { file, createMissing: true },
      {
        signal: controller.signal,
        onProgress: (progress) => {
          seen.push(progress.rowsRead);
          if (progress.rowsRead >= 1000) controller.abort();
        },
        now: (() => {
          let tick = 0;
          return () => (tick += 1000);
        })(),
      },
    );
    await expect(importing).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBeGreaterThan(0);
    expect(await snapshot(db)).toEqual({
      figure: 0,
      changeLog: 0,
      area: 0,
      period: 0,
      indicator: 0,
      policeMonth: 0,
      population: 0,
    });
  });
});

describe('previewing a file before importing it', () => {
  it('shows the header, the first rows and how the columns would be read, reading no further', async () => {
    const lines = ['Area;2013/14;2014/15'];
    for (let index = 0; index < 500; index += 1) lines.push(`Area ${index};${index};${index + 1}`);
    const file = fileWith('wide.csv', lines.join('\n'));
    const preview = await previewFigureFile(file, { indicator: 'Domestic burglary', rows: 3 });
    expect(preview).toMatchObject({
      format: 'csv;',
      header: { row: 1, cells: ['Area', '2013/14', '2014/15'] },
      rows: [
        { row: 2, cells: ['Area 0', '0', '1'] },
        { row: 3, cells: ['Area 1', '1', '2'] },
        { row: 4, cells: ['Area 2', '2', '3'] },
      ],
      plan: { layout: 'wide-period', area: { index: 0, name: 'Area' }, indicator: 'Domestic burglary' },
      problem: null,
    });
  });

  it('previews a workbook sheet, and says what is missing when the columns cannot be read', async () => {
    const file = await xlsxWith('ons.xlsx', {
      Table: [
        ['CSP name', 'Violence against the person'],
        ['Wycombe', 990],
      ],
    });
    const preview = await previewFigureFile(file, { layout: 'wide-indicator' });
    expect(preview).toMatchObject({ format: 'xlsx', rows: [{ row: 2, cells: ['Wycombe', '990'] }], plan: null });
    expect(preview.problem).toMatchObject({ code: 'invalid-input', where: { field: 'period' } });
  });
});
