import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeLocation } from '../../../shared/database-location';
import { ADMIN_PASSWORD } from '../../helpers/postgres-server';
import { newLocation, tempPath } from '../../helpers/temp-files';
import { boardpack, boardpackProcess } from '../../helpers/run-boardpack';
import { TEST_ENGINE } from '../../helpers/test-engine';

interface JsonRow {
  area: string;
  base: number | null;
  current: number | null;
  difference: number | null;
  change: number | null;
  changeText: string;
  rag: string | null;
  total: boolean;
}

/** The demo database on this run's engine; the tests of damaged, missing and foreign files use files of their own. */
let demo: string;

beforeAll(async () => {
  demo = await newLocation({ suite: true });
  const result = await boardpack('init', '--db', demo, '--demo');
  expect(result.code).toBe(0);
});

const burglary = ['--indicator', 'Domestic burglary', '--base', 'Apr-Dec 2012', '--current', 'Apr-Dec 2013'];
const violence = ['--indicator', 'Violence against the person', '--base', 'Apr-Dec 2012', '--current', 'Apr-Dec 2013'];

async function compareJson(...args: string[]): Promise<JsonRow[]> {
  const result = await boardpack('compare', '--db', demo, ...args, '--format', 'json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { rows: JsonRow[] }).rows;
}

describe('boardpack init', () => {
  it('creates a database with the demo dataset and says what it loaded', async () => {
    const location = await newLocation();
    const result = await boardpack('init', '--db', location, '--demo');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Created \S+ with the demo dataset: 8 plans, \d+ priorities/);
    // A team database's URL is named without its password.
    expect(result.stdout).toContain(`Created ${describeLocation(location)} with`);
    expect(result.stdout).not.toContain(ADMIN_PASSWORD);
  });

  it('creates an empty database without --demo', async () => {
    const result = await boardpack('init', '--db', await newLocation());
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('(empty)') });
  });

  it('refuses to overwrite an existing file and leaves it as it was', async () => {
    const path = tempPath('minutes.txt');
    writeFileSync(path, 'minutes of the last meeting');
    const result = await boardpack('init', '--db', path, '--demo');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('minutes of the last meeting');
  });

  it('asks for --db', async () => {
    const result = await boardpack('init');
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('--db is required') });
  });
});

describe('boardpack compare', () => {
  it("reproduces the plan's domestic burglary table, with Wycombe's difference computed as -166", async () => {
    const rows = await compareJson(...burglary);
    expect(rows.map((row) => [row.area, row.base, row.current, row.difference, row.changeText, row.total])).toEqual([
      ['Aylesbury', 260, 236, -24, '-9%', false],
      ['Chiltern & South Bucks', 481, 449, -32, '-7%', false],
      ['Wycombe', 367, 201, -166, '-45%', false],
      ['Total Buckinghamshire', 1108, 886, -222, '-20%', true],
    ]);
    expect(rows[2]?.change).toBeCloseTo(-166 / 367, 12);
  });

  it('judges the county burglary total green against its target of a 2% decrease', async () => {
    const rows = await compareJson(...burglary);
    expect(rows.at(-1)).toMatchObject({ total: true, rag: 'green', target: { kind: 'percent change', value: -2 } });
  });

  it("reproduces the plan's violence against the person table", async () => {
    const rows = await compareJson(...violence);
    expect(rows.map((row) => [row.area, row.base, row.current, row.difference, row.changeText])).toEqual([
      ['Aylesbury', 976, 1074, 98, '+10%'],
      ['Chiltern & South Bucks', 720, 684, -36, '-5%'],
      ['Wycombe', 1003, 994, -9, '-1%'],
      ['Total Buckinghamshire', 2699, 2752, 53, '+2%'],
    ]);
  });

  it('prints the table for people, flagging the printed -116 that disagrees', async () => {
    const result = await boardpack('compare', '--db', demo, ...burglary);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('Wycombe'))?.split(/\s{2,}/)).toEqual([
      'Wycombe',
      '367',
      '201',
      '-166',
      '-45%',
      'green',
    ]);
    expect(lines.find((line) => line.startsWith('Total'))?.split(/\s{2,}/)).toEqual([
      'Total Buckinghamshire',
      '1108',
      '886',
      '-222',
      '-20%',
      '-2%',
      'green',
    ]);
    expect(result.stdout).toMatch(/printed -116, computed -166/);
  });

  it('matches names whatever the case, and an ASCII hyphen matches an en dash', async () => {
    const rows = await compareJson(
      '--indicator',
      'DOMESTIC BURGLARY',
      '--base',
      'apr–dec 2012',
      '--current',
      'Apr - Dec 2013',
    );
    expect(rows.at(-1)?.difference).toBe(-222);
  });

  it('compares only the areas asked for, by name or alias, without a total that would mislead', async () => {
    const rows = await compareJson(...burglary, '--areas', 'wycombe, Total Bucks');
    expect(rows.map((row) => [row.area, row.difference, row.total])).toEqual([
      ['Wycombe', -166, false],
      ['Buckinghamshire', -222, false],
    ]);
  });

  it('sums two areas that do not overlap into a totals row', async () => {
    const rows = await compareJson(...burglary, '--areas', 'Aylesbury,Wycombe');
    expect(rows.map((row) => [row.area, row.base, row.current, row.total])).toEqual([
      ['Aylesbury', 260, 236, false],
      ['Wycombe', 367, 201, false],
      ['Total', 627, 437, true],
    ]);
  });

  it('writes CSV with a header row', async () => {
    const result = await boardpack('compare', '--db', demo, ...burglary, '--format', 'csv');
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'Area,Apr-Dec 2012,Apr-Dec 2013,Difference,% Change,Target,RAG',
      'Aylesbury,260,236,-24,-9%,,green',
    ]);
  });

  it('changes percent indicators in percentage points: criminal damage concern 36% to 43% is +7 pp', async () => {
    const rows = await compareJson(
      '--indicator',
      'Concern about criminal damage',
      '--base',
      'Survey 2020',
      '--current',
      'Survey 2021',
    );
    expect(rows[0]).toMatchObject({
      area: 'Buckinghamshire',
      base: 36,
      current: 43,
      difference: 7,
      change: 7,
      changeText: '+7 pp',
    });
  });

  it('never sums rates, and says how Buckinghamshire compares with England and South East', async () => {
    const result = await boardpack(
      'compare',
      '--db',
      demo,
      '--indicator',
      'Anti-social behaviour rate',
      '--base',
      '2020/21',
      '--current',
      '2021/22',
      '--format',
      'json',
    );
    const rows = (JSON.parse(result.stdout) as { rows: (JsonRow & { comparators: string | null })[] }).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      area: 'Buckinghamshire',
      base: 9.1,
      current: 8,
      total: false,
      comparators: 'lower than England (19.4) and South East (15.8)',
    });
  });

  it('suggests the nearest indicator when the name is unknown, in one line', async () => {
    const result = await boardpack(
      'compare',
      '--db',
      demo,
      '--indicator',
      'Domestic burglaries',
      '--base',
      'Apr-Dec 2012',
      '--current',
      'Apr-Dec 2013',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown indicator "Domestic burglaries"; did you mean "Domestic burglary"/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('suggests the nearest period when the label is unknown', async () => {
    const result = await boardpack(
      'compare',
      '--db',
      demo,
      '--indicator',
      'Domestic burglary',
      '--base',
      'Apr-Dec 2011',
      '--current',
      'Apr-Dec 2013',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown period "Apr-Dec 2011"; did you mean "Apr-Dec 2012"/);
  });

  it('refuses an unknown --format', async () => {
    const result = await boardpack('compare', '--db', demo, ...burglary, '--format', 'xml');
    expect(result).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format must be one of table, csv, json'),
    });
  });
});

describe('boardpack check', () => {
  it("reports the BCC spending lines' £277k against the stated £246k, and the misprinted Wycombe difference", async () => {
    const result = await boardpack('check', '--db', demo);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/BCC expected budget: lines add to £277,000, stated £246,000/);
    expect(result.stdout).toMatch(/Domestic burglary, Wycombe, .*printed -116, computed -166/);
    expect(result.stdout).not.toMatch(/PCC expected budget/);
    expect(result.stdout).toMatch(/UNCHECKED .*Anti-social behaviour incidents/);
    // A team database's storage is its server's to check, and the report says so.
    if (TEST_ENGINE === 'postgres') {
      expect(result.stdout).toMatch(/UNCHECKED +integrity: .*checked by its PostgreSQL server, not by Boardpack/);
      expect(result.stdout).toMatch(/checks: \d+ agree, 2 disagree, 2 cannot be checked\./);
    } else {
      expect(result.stdout).toMatch(/checks: \d+ agree, 2 disagree, 1 cannot be checked\./);
    }
  });

  it('with --all, also lists the checks that agree: the PCC £501k, the county totals', async () => {
    const result = await boardpack('check', '--db', demo, '--all');
    expect(result.stdout).toMatch(/ok .*PCC expected budget/);
    expect(result.stdout).toMatch(/ok .*Domestic burglary, Buckinghamshire, Apr-Dec 2013 \(sum of police areas\)/);
    expect(result.stdout).toMatch(
      TEST_ENGINE === 'postgres' ? /UNCHECKED .*integrity check: a team/ : /ok .*integrity check: ok/,
    );
    expect(result.stdout).toMatch(/ok .*foreign keys: ok/);
    expect(result.stdout).toMatch(/ok .*6\.14%.*agreeing with the stated 6\.14%/);
  });

  it('exits 1 on a damaged file', async () => {
    const path = tempPath('damaged.db');
    expect((await boardpack('init', '--db', path, '--demo')).code).toBe(0);
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over every page after the first two: the schema survives, the tables do not.
    for (let offset = pageSize * 2; offset < statSync(path).size; offset += 1) bytes[offset] = 0x5a;
    writeFileSync(path, bytes);
    const result = await boardpack('check', '--db', path);
    expect(result.code).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toMatch(/damaged|malformed|corrupt/i);
  });
});

describe('command line errors', () => {
  it('names a missing database file in one line', async () => {
    const result = await boardpack('check', '--db', '/nonexistent/board.db');
    expect(result).toMatchObject({
      code: 1,
      stderr: 'boardpack check: /nonexistent/board.db: no such database file: /nonexistent/board.db\n',
    });
  });

  it('refuses a file that is not a Boardpack database', async () => {
    const path = tempPath('agenda.docx');
    writeFileSync(path, 'PK\u0003\u0004 not a database');
    const result = await boardpack('compare', '--db', path, ...burglary);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not a Boardpack database/);
  });

  it('names an unknown command', async () => {
    expect(await boardpack('publish')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "publish"'),
    });
  });

  it('runs as a real process and fails with one line, never a stack trace', async () => {
    const result = await boardpackProcess('compare', '--db', '/nonexistent/board.db', ...burglary);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'boardpack compare: /nonexistent/board.db: no such database file: /nonexistent/board.db',
    ]);
  });

  it('runs as a real process and prints the burglary table', async () => {
    const result = await boardpackProcess('compare', '--db', demo, ...burglary);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Wycombe\s+367\s+201\s+-166\s+-45%/);
  });
});
