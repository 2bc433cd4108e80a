import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { importFigures } from '../../../db/imports/figures/import-figures';
import { importPolice } from '../../../db/imports/police/import-police';
import { importPopulation } from '../../../db/imports/population/import-population';
import type { Database } from '../../../db/schema/database';
import { INJECTIONS } from '../../fixtures/bad/injections';
import { boardpack } from '../../helpers/run-boardpack';
import { tempDir, tempPath } from '../../helpers/temp-files';
import { demoDatabase, figureValue, snapshot, writer } from '../db/imports/import-files';
import { csvWithBigCell, singleBigLine, smallWorkbook, TEN_MB, xlsxZipBomb } from './hostile-files';

/**
 * Issue 8, point 5: the bad-input corpus (test/fixtures/bad/, README.md there)
 * fed to the real importers. Each file is read correctly, or refused with a
 * clear error naming the file, row and column, and nothing written. The files
 * too big to commit (a 10 MB cell, a single 10 MB line, zip bombs) are made in
 * a temp folder by hostile-files.ts.
 */

const FIXTURES = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));
const fixture = (name: string): string => join(FIXTURES, name);
const POLICE_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const ROW_TOO_LONG =
  /a row of more than 1,048,576 characters: rows of a table of figures are short; is this the right file\?/;

let db: Kysely<Database>;
let before: Record<string, number>;

beforeEach(async () => {
  db = await demoDatabase();
  before = await snapshot(db);
});

interface Refusal {
  readonly code?: string;
  readonly where: Record<string, unknown>;
  readonly message: RegExp;
}

/** The import fails with this code, where and message, and every table holds what it held before. */
async function refused(run: () => Promise<unknown>, expected: Refusal): Promise<void> {
  const error = await run().then(
    () => new Error('the import succeeded'),
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ name: expect.stringMatching(/BoardpackError|UnknownNamesError/) });
  expect(error).toMatchObject({ code: expected.code ?? 'invalid-input', where: expected.where });
  expect((error as Error).message).toMatch(expected.message);
  expect((error as Error).message.length).toBeLessThan(600);
  expect(await snapshot(db)).toEqual(before);
}

const figures =
  (file: string, options: { createMissing?: boolean } = {}) =>
  () =>
    importFigures(db, writer, { file, ...options });
const police = (path: string, lsoaLookup?: string) => () =>
  importPolice(db, writer, { path, ...(lsoaLookup ? { lsoaLookup } : {}) });
const population = (file: string) => () => importPopulation(db, writer, { file });

describe('figures, CSV', () => {
  it('reads a UTF-8 byte order mark before the header', async () => {
    const result = await importFigures(db, writer, { file: fixture('figures/bom.csv') });
    expect(result).toMatchObject({ rowsRead: 2, created: 2 });
    expect(await figureValue(db, 'Domestic burglary', 'Wycombe', '2014/15')).toBe(280);
  });

  it('reads CRLF, LF and CR line endings mixed in one file', async () => {
    const result = await importFigures(db, writer, { file: fixture('figures/mixed-line-endings.csv') });
    expect(result).toMatchObject({ rowsRead: 3, created: 3 });
    expect(await figureValue(db, 'Domestic burglary', 'Chiltern & South Bucks', '2014/15')).toBe(70);
  });

  it('refuses Windows-1252 text ("£" as byte 0xA3), naming row and column, and says to save as CSV UTF-8', async () => {
    const file = fixture('figures/windows-1252.csv');
    await refused(figures(file), {
      where: { file, row: 3, column: 'value' },
      message: /^the file is not UTF-8 text; save it as CSV UTF-8$/,
    });
  });

  it('reads formula-injection strings in names and notes as text, stored exactly, never evaluated', async () => {
    const file = fixture('figures/formula-names.csv');
    const result = await importFigures(db, writer, { file, createMissing: true });
    expect(result.createdNames.indicators).toEqual([...INJECTIONS]);
    for (const [index, injection] of INJECTIONS.entries()) {
      expect(await figureValue(db, injection, 'Wycombe', '2014/15')).toBe(index + 1);
    }
    const notes = await db.selectFrom('figure').select('note').where('source', '=', 'formula-names.csv').execute();
    expect(notes.map((row) => row.note).sort()).toEqual([...INJECTIONS].sort());
  });

  for (const [index, name] of ['hyperlink', 'dde', 'plus', 'minus', 'at'].entries()) {
    const injection = INJECTIONS[index] ?? '';
    it(`refuses ${injection} in a number cell as text in a number cell`, async () => {
      const file = fixture(`figures/number-cell-${name}.csv`);
      await refused(figures(file), {
        where: { file, row: 3, column: 'value' },
        message: new RegExp(`^"${injection.replace(/[|+()$^.*?[\]\\]/g, '\\$&')}" is not a number$`),
      });
    });
  }
});

describe('figures, XLSX', () => {
  it('reads formula-injection strings as text, and a formula as its saved result, never evaluated', async () => {
    const file = fixture('figures/formulas.xlsx');
    const result = await importFigures(db, writer, { file, createMissing: true });
    expect(result.createdNames.indicators).toEqual([...INJECTIONS]);
    for (const [index, injection] of INJECTIONS.entries()) {
      expect(await figureValue(db, injection, 'Wycombe', '2014/15')).toBe(index + 1);
    }
    // The cell holds the formula 1+1 with the saved result 190: 190 is read, 2 would mean it was evaluated.
    expect(await figureValue(db, 'Domestic burglary', 'Aylesbury', '2014/15')).toBe(190);
  });

  it('refuses a formula-injection string in a number cell, naming row and column', async () => {
    const file = fixture('figures/number-cell.xlsx');
    await refused(figures(file), {
      where: { file, row: 3, column: 'value' },
      message: /^"=cmd\|' \/C calc'!A0" is not a number$/,
    });
  });

  it('refuses a workbook cut short with a clear message, not a stack trace', async () => {
    const file = fixture('figures/truncated.xlsx');
    await refused(figures(file), {
      where: { file },
      message: /^not a complete XLSX workbook: the end of the file is missing or damaged \(was it cut short/,
    });
  });
});

describe('police.uk street-level crime, CSV', () => {
  it('reads a byte order mark, CRLF and LF line endings', async () => {
    const result = await importPolice(db, writer, { path: fixture('police/bom-crlf.csv') });
    expect(result.rowsRead).toBe(3);
    expect(result.counts).toEqual([
      { crimeType: 'Burglary', area: 'Wycombe District', month: '2024-04', count: 2 },
      { crimeType: 'Drugs', area: 'Chiltern District', month: '2024-04', count: 1 },
    ]);
  });

  it('refuses Windows-1252 text, naming row and column', async () => {
    const file = fixture('police/windows-1252.csv');
    await refused(police(file), {
      where: { file, row: 3, column: 'Location' },
      message: /^the file is not UTF-8 text; save it as CSV UTF-8$/,
    });
  });

  it('refuses a Windows-1252 LSOA lookup, naming row and column', async () => {
    const lookup = fixture('police/lsoa-lookup-windows-1252.csv');
    await refused(police(fixture('police/bom-crlf.csv'), lookup), {
      where: { file: lookup, row: 3, column: 'Area' },
      message: /^the file is not UTF-8 text; save it as CSV UTF-8$/,
    });
  });

  it('counts formula-injection crime types as text, under indicators named exactly after them', async () => {
    const result = await importPolice(db, writer, { path: fixture('police/formula-crime-type.csv') });
    expect(result.newCrimeTypes.map((type) => type.crimeType).sort()).toEqual([...INJECTIONS].sort());
    for (const injection of INJECTIONS) {
      expect(await figureValue(db, `${injection} (police.uk)`, 'Wycombe District', '2024-04')).toBe(1);
    }
  });

  it('refuses a formula in the Month column as not a month', async () => {
    const file = fixture('police/formula-month.csv');
    await refused(police(file), {
      where: { file, row: 2, column: 'Month' },
      message: /^"\+1\+1" is not a month written YYYY-MM$/,
    });
  });
});

describe('populations, CSV', () => {
  it('reads a byte order mark, CRLF and LF line endings', async () => {
    const result = await importPopulation(db, writer, { file: fixture('population/bom-crlf.csv') });
    expect(result.rowsRead).toBe(2);
    const wycombe = await db
      .selectFrom('population')
      .innerJoin('area', 'area.id', 'population.areaId')
      .select(['residents', 'households'])
      .where('area.name', '=', 'Wycombe')
      .where('year', '=', 2021)
      .executeTakeFirstOrThrow();
    expect(wycombe).toEqual({ residents: 176000, households: 71000 });
  });

  it('refuses Windows-1252 text (an en dash as byte 0x96), naming row and column', async () => {
    const file = fixture('population/windows-1252.csv');
    await refused(population(file), {
      where: { file, row: 3, column: 'source' },
      message: /^the file is not UTF-8 text; save it as CSV UTF-8$/,
    });
  });

  it('refuses a formula in a number cell as not a number', async () => {
    const file = fixture('population/formula-number.csv');
    await refused(population(file), {
      where: { file, row: 3, column: 'residents' },
      message: /^"-1\+1" is not a number$/,
    });
  });

  it('reads a formula as an area name, as text, and lists it as unknown', async () => {
    const file = fixture('population/formula-area.csv');
    await refused(population(file), {
      code: 'not-found',
      where: { file, row: 2, column: 'area' },
      message: /^unknown area "=HYPERLINK\("http:\/\/x","y"\)"/,
    });
  });
});

describe('files too big to commit, made at test time', () => {
  const HEADER = 'indicator,area,period,value';

  it('refuses a 10 MB cell in a figures CSV at its row and column, as soon as the row passes 1 MB', async () => {
    const file = csvWithBigCell(tempDir(), 'big-cell.csv', {
      before: [HEADER, 'Domestic burglary,Wycombe,2014/15,280'],
      cellsBefore: 'Domestic burglary,',
      cellsAfter: ',2014/15,12',
      after: ['Domestic burglary,Aylesbury,2014/15,190'],
    });
    const started = Date.now();
    await refused(figures(file), { where: { file, row: 3, column: 'area' }, message: ROW_TOO_LONG });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a cell longer than a spreadsheet cell holds (32,767 characters), naming row and column', async () => {
    const file = csvWithBigCell(tempDir(), 'long-cell.csv', {
      before: [HEADER],
      cellsBefore: 'Domestic burglary,Wycombe,2014/15,',
      cellsAfter: '',
      after: [],
      size: 40_000,
    });
    await refused(figures(file), {
      where: { file, row: 2, column: 'value' },
      message: /^a cell of 40,000 characters: more than a spreadsheet cell holds \(32,767\); is this the right file\?$/,
    });
  });

  it('refuses a figures CSV of a single 10 MB line', async () => {
    const file = singleBigLine(tempDir(), 'one-line.csv', 'a,');
    await refused(figures(file), { where: { file, row: 1 }, message: ROW_TOO_LONG });
  });

  it('refuses a 10 MB cell in a figures XLSX, naming row and column', async () => {
    const file = smallWorkbook(tempDir(), 'big-cell.xlsx', [
      ['Domestic burglary', 'Wycombe', '2014/15', '280'],
      ['Domestic burglary', 'x'.repeat(TEN_MB), '2014/15', '12'],
    ]);
    await refused(figures(file), {
      where: { file, row: 3, column: 'area' },
      message: /^a cell of 10,485,760 characters: more than a spreadsheet cell holds/,
    });
  });

  it('refuses a 10 MB cell in a police.uk file at its row and column', async () => {
    const file = csvWithBigCell(tempDir(), 'big-cell-street.csv', {
      before: [POLICE_HEADER],
      cellsBefore: 'c0ffee,2024-04,Thames Valley Police,Thames Valley Police,-0.748,51.628,',
      cellsAfter: ',E01017657,Wycombe 012A,Burglary,,',
      after: [],
    });
    await refused(police(file), { where: { file, row: 2, column: 'Location' }, message: ROW_TOO_LONG });
  });

  it('refuses a police.uk file of a single 10 MB line', async () => {
    const file = singleBigLine(tempDir(), 'one-line-street.csv', 'x');
    await refused(police(file), { where: { file, row: 1 }, message: ROW_TOO_LONG });
  });

  it('refuses a 10 MB cell in a populations file at its row and column', async () => {
    const file = csvWithBigCell(tempDir(), 'big-cell-population.csv', {
      before: ['area,year,residents'],
      cellsBefore: '',
      cellsAfter: ',2021,100',
      after: [],
    });
    await refused(population(file), { where: { file, row: 2, column: 'area' }, message: ROW_TOO_LONG });
  });

  it('refuses a populations file of a single 10 MB line', async () => {
    const file = singleBigLine(tempDir(), 'one-line-population.csv', 'a,');
    await refused(population(file), { where: { file, row: 1 }, message: ROW_TOO_LONG });
  });
});

describe('XLSX zip bombs', () => {
  it('reads a workbook built the same way as the bombs, so the bombs are refused for their size alone', async () => {
    const file = smallWorkbook(tempDir(), 'honest.xlsx', [['Domestic burglary', 'Wycombe', '2014/15', '280']]);
    expect(await importFigures(db, writer, { file })).toMatchObject({ created: 1 });
  });

  it('refuses a 1 MB workbook that unpacks to 1 GB before unpacking it', async () => {
    const file = xlsxZipBomb(tempDir(), 'bomb.xlsx', 1024);
    const started = Date.now();
    await refused(figures(file), {
      where: { file },
      message:
        /^this workbook would unpack to 1,024 MB from a file of 1 MB \(xl\/worksheets\/sheet1\.xml alone to 1,024 MB\): far more than a workbook of figures, so it was refused without unpacking it$/,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a bomb whose zip directory understates its size, stopping as soon as it passes that size', async () => {
    const file = xlsxZipBomb(tempDir(), 'lying-bomb.xlsx', 1024, { lying: true });
    const started = Date.now();
    await refused(figures(file), {
      where: { file },
      message:
        /^xl\/worksheets\/sheet1\.xml does not unpack to the 1,000 bytes the workbook says it holds: the file is damaged, or built to mislead, and was refused$/,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps memory bounded: the command line refusing a 1 GB bomb peaks within 64 MB of reading a small workbook', async () => {
    const dir = tempDir();
    const dbFile = tempPath('rss.db');
    expect((await boardpack('init', '--db', dbFile)).code).toBe(0);
    const small = await peakRss(['import', 'figures', smallWorkbook(dir, 'small.xlsx', []), '--db', dbFile]);
    const bomb = await peakRss(['import', 'figures', xlsxZipBomb(dir, 'bomb.xlsx', 1024), '--db', dbFile]);
    const lying = await peakRss([
      'import',
      'figures',
      xlsxZipBomb(dir, 'lying.xlsx', 1024, { lying: true }),
      '--db',
      dbFile,
    ]);
    expect(small.stderr).toMatch(/header but no rows/);
    expect(bomb.stderr).toMatch(/would unpack to 1,024 MB/);
    expect(lying.stderr).toMatch(/does not unpack to the 1,000 bytes/);
    expect(bomb.peakMb - small.peakMb).toBeLessThan(64);
    expect(lying.peakMb - small.peakMb).toBeLessThan(64);
  }, 120_000);
});

const BIN = fileURLToPath(new URL('../../../electron/cli/boardpack.js', import.meta.url));
/** Loaded before the bin: prints the process's peak resident memory as it exits. */
const PRINT_PEAK_RSS = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\\n`));",
)}`;

/** Runs the real bin in a child process; its stderr and its peak resident memory in MB. */
function peakRss(args: readonly string[]): Promise<{ stderr: string; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', PRINT_PEAK_RSS, BIN, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      const peak = /peak-rss-kb (\d+)/.exec(stderr);
      if (!peak) reject(new Error(`no peak memory reported: ${stderr}`));
      else resolve({ stderr, peakMb: Number(peak[1]) / 1024 });
    });
  });
}
