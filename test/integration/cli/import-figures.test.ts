import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boardpack, boardpackProcess } from '../../helpers/run-boardpack';
import { newLocation, tempPath } from '../../helpers/temp-files';

interface CompareRow {
  area: string;
  base: number | null;
  current: number | null;
  difference: number | null;
  changeText: string;
  total: boolean;
}

function file(name: string, text: string): string {
  const path = tempPath(name);
  writeFileSync(path, text);
  return path;
}

/** The 2014-15 plan's §4.2.1 violence table, as printed (its "2012" and "2013" are April to December). */
const violenceTable = (): string =>
  file(
    'violence-2014.csv',
    [
      'Police Area,2012,2013,Difference,% Change',
      'Aylesbury,976,"1,074",98,10%',
      'Chiltern & South Bucks,720,684,-36,-5%',
      'Wycombe,"1,003",994,-9,-1%',
      'Total Bucks,"2,699","2,752",53,2%',
    ].join('\r\n'),
  );

const burglaryTable = (): string =>
  file(
    'burglary-2014.csv',
    [
      'Police Area,2012,2013,Difference,% Change',
      'Aylesbury,260,236,-24,-9%',
      'Chiltern & South Bucks,481,449,-32,-7%',
      'Wycombe,367,201,-116,-45%',
      'Total Bucks,"1,108",886,-222,-20%',
    ].join('\n'),
  );

const periodMapping = (indicator: string): string =>
  file(
    'mapping.json',
    JSON.stringify({ indicator, names: { periods: { '2012': 'Apr-Dec 2012', '2013': 'Apr-Dec 2013' } } }),
  );

async function emptyDb(): Promise<string> {
  const db = await newLocation();
  expect((await boardpack('init', '--db', db)).code).toBe(0);
  return db;
}

async function demoDb(): Promise<string> {
  const db = await newLocation();
  expect((await boardpack('init', '--db', db, '--demo')).code).toBe(0);
  return db;
}

describe('boardpack import figures', () => {
  it("imports the 2014 violence table into an empty database, and compare then gives the document's numbers", async () => {
    const db = await emptyDb();
    const mapping = periodMapping('Violence against the person');
    const imported = await boardpack(
      'import',
      'figures',
      violenceTable(),
      '--db',
      db,
      '--mapping',
      mapping,
      '--create-missing',
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Created 8, updated 0, unchanged 0\./);
    expect(imported.stdout).toMatch(/New periods: Apr-Dec 2012, Apr-Dec 2013/);
    const compared = await boardpack(
      'compare',
      '--db',
      db,
      '--indicator',
      'Violence against the person',
      '--base',
      'Apr-Dec 2012',
      '--current',
      'Apr-Dec 2013',
      '--format',
      'json',
    );
    expect(compared.code).toBe(0);
    const rows = (JSON.parse(compared.stdout) as { rows: CompareRow[] }).rows;
    expect(rows.map((row) => [row.area, row.base, row.current, row.difference, row.changeText, row.total])).toEqual([
      ['Aylesbury', 976, 1074, 98, '+10%', false],
      ['Chiltern & South Bucks', 720, 684, -36, '-5%', false],
      ['Wycombe', 1003, 994, -9, '-1%', false],
      ['Total Bucks', 2699, 2752, 53, '+2%', true],
    ]);
  });

  it('reports the Wycombe burglary difference printed as -116 as a mismatch, computed -166', async () => {
    const db = await demoDb();
    const result = await boardpack(
      'import',
      'figures',
      burglaryTable(),
      '--db',
      db,
      '--mapping',
      periodMapping('Domestic burglary'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created 0, updated 0, unchanged 8\./);
    expect(result.stdout).toMatch(
      /row 4, column Difference: Domestic burglary, Wycombe, 2012 to 2013 \(367 to 201\): printed -116, computed -166/,
    );
    const json = await boardpack(
      'import',
      'figures',
      burglaryTable(),
      '--db',
      db,
      '--mapping',
      periodMapping('Domestic burglary'),
      '--format',
      'json',
    );
    const parsed = JSON.parse(json.stdout) as {
      created: number;
      updated: number;
      unchanged: number;
      checks: { agrees: boolean; row: number; column: string }[];
    };
    expect(parsed).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(parsed.checks.filter((check) => !check.agrees)).toEqual([
      expect.objectContaining({ row: 4, column: 'Difference' }),
    ]);
  });

  it('lists each unknown name on its own line with the nearest names, writes nothing and exits 1', async () => {
    const db = await demoDb();
    const typos = file(
      'typos.csv',
      'indicator,area,period,value\nDomestic burglary,Wycomb,2013/14,5\nDomestic burglary,Aylesbury,2031/32,6\n',
    );
    const result = await boardpack('import', 'figures', typos, '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^boardpack import figures: ${typos}, row 2, column area: unknown area "Wycomb"; did you mean "Wycombe", "Wycombe District"`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^boardpack import figures: ${typos}, row 3, column period: unknown period "2031/32"; did you mean`),
      ),
      'boardpack import figures: nothing was written; map these names in a mapping file (--mapping FILE) or create them (--create-missing)',
    ]);
    const again = await boardpack('import', 'figures', typos, '--db', db, '--dry-run', '--create-missing');
    expect(again.stdout).toMatch(/Dry run, nothing written: would create 2/);
  });

  it('does nothing on a dry run but show what it would do and the first figures', async () => {
    const db = await emptyDb();
    const result = await boardpack(
      'import',
      'figures',
      violenceTable(),
      '--db',
      db,
      '--mapping',
      periodMapping('Violence against the person'),
      '--create-missing',
      '--dry-run',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Dry run, nothing written: would create 8, update 0, leave 0 unchanged\./);
    expect(result.stdout).toMatch(/First figures:\nRow +Column +Indicator +Area +Period +Value/);
    const compared = await boardpack(
      'compare',
      '--db',
      db,
      '--indicator',
      'Violence against the person',
      '--base',
      'Apr-Dec 2012',
      '--current',
      'Apr-Dec 2013',
    );
    expect(compared.code).toBe(1);
    expect(compared.stderr).toMatch(/unknown indicator/);
  });

  it('prints created, updated and unchanged as JSON, and a re-import changes nothing', async () => {
    const db = await demoDb();
    const figures = file(
      'figures.csv',
      'indicator,area,period,value\nDomestic burglary,Wycombe,2013/14,280\nDomestic burglary,Total Bucks,Apr-Dec 2013,886\n',
    );
    const first = JSON.parse(
      (await boardpack('import', 'figures', figures, '--db', db, '--format', 'json')).stdout,
    ) as Record<string, unknown>;
    expect(first).toMatchObject({ layout: 'long', rowsRead: 2, created: 1, updated: 0, unchanged: 1, dryRun: false });
    const second = JSON.parse(
      (await boardpack('import', 'figures', figures, '--db', db, '--format', 'json')).stdout,
    ) as Record<string, unknown>;
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it("saves the mapping it used, and the saved mapping imports next quarter's file", async () => {
    const db = await emptyDb();
    const saved = tempPath('saved-mapping.json');
    const first = await boardpack(
      'import',
      'figures',
      violenceTable(),
      '--db',
      db,
      '--mapping',
      periodMapping('Violence against the person'),
      '--create-missing',
      '--save-mapping',
      saved,
    );
    expect(first.code).toBe(0);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({
      layout: 'wide-period',
      indicator: 'Violence against the person',
      columns: { area: 'Police Area' },
      names: { periods: { '2012': 'Apr-Dec 2012', '2013': 'Apr-Dec 2013' } },
    });
    const revised = file('violence-revised.csv', 'Police Area,2012,2013\nWycombe,1003,999\n');
    const second = await boardpack('import', 'figures', revised, '--db', db, '--mapping', saved);
    expect(second.stdout).toMatch(/Created 0, updated 1, unchanged 1\./);
  });

  it('fails with one line naming the file, row and column for a bad cell, exit 1', async () => {
    const db = await demoDb();
    const bad = file('bad.csv', 'indicator,area,period,value\nDomestic burglary,Wycombe,2013/14,about 280\n');
    const result = await boardpackProcess('import', 'figures', bad, '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `boardpack import figures: ${bad}, row 2, column value: "about 280" is not a number`,
    ]);
  });

  it('exits 2 for a usage mistake: no file, an unknown layout, an unknown kind of import', async () => {
    const db = await emptyDb();
    expect(await boardpack('import', 'figures', '--db', db)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('FILE is required'),
    });
    expect(await boardpack('import', 'figures', violenceTable(), '--db', db, '--layout', 'diagonal')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--layout must be one of long, wide-period, wide-indicator'),
    });
    expect(await boardpack('import', 'budgets', 'x.csv')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown kind "budgets"'),
    });
    expect(await boardpack('import')).toMatchObject({
      code: 2,
      stdout: expect.stringContaining('boardpack import figures FILE --db DB'),
    });
  });
});
