import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boardpack } from '../../helpers/run-boardpack';
import { newLocation, tempPath } from '../../helpers/temp-files';

async function demoDb(): Promise<string> {
  const db = await newLocation();
  expect((await boardpack('init', '--db', db, '--demo')).code).toBe(0);
  return db;
}

function csv(text: string): string {
  const path = tempPath('population.csv');
  writeFileSync(path, text);
  return path;
}

describe('boardpack import population', () => {
  it('imports area, year, residents and households', async () => {
    const db = await demoDb();
    const file = csv(
      'area,year,residents,households\nWycombe District,2021,"171,644","68,400"\nChiltern District,2021,"95,900","38,200"\n',
    );
    const result = await boardpack('import', 'population', file, '--db', db);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/2 rows; 2 created, 0 updated, 0 unchanged\./);
    expect((await boardpack('import', 'population', file, '--db', db)).stdout).toMatch(
      /0 created, 0 updated, 2 unchanged/,
    );
  });

  it('names an unknown area with the nearest names, one line each, and exits 1', async () => {
    const db = await demoDb();
    const file = csv('area,year,residents,households\nChilturn,2021,1,1\n');
    const result = await boardpack('import', 'population', file, '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(
      new RegExp(
        `^boardpack import population: ${file}, row 2, column area: unknown area "Chilturn"; did you mean "Chiltern", `,
      ),
    );
  });
});
