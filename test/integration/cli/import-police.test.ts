import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICE_HEADER_LINE } from '../../bench/police-synthetic-file';
import { boardpack } from '../../helpers/run-boardpack';
import { newLocation, tempPath } from '../../helpers/temp-files';

const row = (crimeType: string, lsoaCode: string, lsoaName: string, id = ''): string =>
  `${id},2024-04,Thames Valley Police,Thames Valley Police,-0.74,51.62,On or near Easton Street,${lsoaCode},${lsoaName},${crimeType},,`;

function streetFile(): string {
  const path = tempPath('2024-04-thames-valley-street.csv');
  writeFileSync(
    path,
    `${POLICE_HEADER_LINE}\r\n${[
      row('Anti-social behaviour', 'E01017657', 'Wycombe 012A'),
      row('Anti-social behaviour', 'E01017658', 'Wycombe 012B'),
      row('Burglary', 'E01017600', 'Aylesbury Vale 001A', 'a1b2'),
      row('Burglary', 'E01028500', 'Oxford 008B', 'c3d4'),
      row('Public order', '', '', 'e5f6'),
    ].join('\r\n')}\r\n`,
  );
  return path;
}

async function demoDb(): Promise<string> {
  const db = await newLocation();
  expect((await boardpack('init', '--db', db, '--demo')).code).toBe(0);
  return db;
}

describe('boardpack import police', () => {
  it('prints the counts as JSON in the documented shape', async () => {
    const db = await demoDb();
    const result = await boardpack('import', 'police', streetFile(), '--db', db, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      rowsRead: 5,
      rowsCounted: 3,
      rowsOutsideAreas: 1,
      rowsWithoutLsoa: 1,
      counts: [
        { crimeType: 'Anti-social behaviour', area: 'Wycombe District', month: '2024-04', count: 2 },
        { crimeType: 'Burglary', area: 'Aylesbury Vale District', month: '2024-04', count: 1 },
      ],
      outsideAreas: [{ name: 'Oxford', rows: 1 }],
      withoutLsoa: [{ month: '2024-04', crimeType: 'Public order', rows: 1 }],
    });
  });

  it('says in text what it counted, where it placed each LSOA and what it could not place', async () => {
    const db = await demoDb();
    const result = await boardpack('import', 'police', streetFile(), '--db', db);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/5 rows; 3 counted, 1 outside the partnership's areas, 1 without an LSOA\./);
    expect(result.stdout).toMatch(
      /LSOAs placed: Aylesbury Vale → Aylesbury Vale District; Wycombe → Wycombe District\./,
    );
    expect(result.stdout).toMatch(/Outside the partnership's areas \(not counted\): Oxford 1\./);
    expect(result.stdout).toMatch(/Without an LSOA \(not counted\): 2024-04 Public order 1\./);
    expect(result.stdout).toMatch(/2024-04 +Anti-social behaviour +Wycombe District +2/);
    const again = await boardpack('import', 'police', streetFile(), '--db', db, '--format', 'json');
    expect(JSON.parse(again.stdout)).toMatchObject({ figures: { created: 0, updated: 0 } });
  });

  it('uses an LSOA lookup when given one', async () => {
    const db = await demoDb();
    const lookup = tempPath('lookup.csv');
    writeFileSync(lookup, 'LSOA code,Area\nE01017657,Wycombe\nE01017658,Wycombe\nE01028500,Aylesbury\n');
    const result = await boardpack(
      'import',
      'police',
      streetFile(),
      '--db',
      db,
      '--lsoa-lookup',
      lookup,
      '--format',
      'json',
    );
    expect(JSON.parse(result.stdout)).toMatchObject({
      rowsCounted: 3,
      rowsOutsideAreas: 1,
      counts: [
        { crimeType: 'Anti-social behaviour', area: 'Wycombe', count: 2 },
        { crimeType: 'Burglary', area: 'Aylesbury', count: 1 },
      ],
      outsideAreas: [{ name: 'Aylesbury Vale', rows: 1 }],
    });
  });

  it('fails in one line naming the file and row', async () => {
    const db = await demoDb();
    const path = tempPath('street.csv');
    writeFileSync(
      path,
      `${POLICE_HEADER_LINE}\n${row('Drugs', 'E01017657', 'Wycombe 012A').replace('2024-04', '04/2024')}\n`,
    );
    const result = await boardpack('import', 'police', path, '--db', db);
    expect(result).toMatchObject({
      code: 1,
      stderr: `boardpack import police: ${path}, row 2, column Month: "04/2024" is not a month written YYYY-MM\n`,
    });
  });
});
