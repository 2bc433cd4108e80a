import { symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CopyTable } from '../../../db/copy/copy-tables';
import type { RawDatabase, Row } from '../../../db/copy/raw-database';
import { insertRows, PARAMETERS_PER_STATEMENT } from '../../../db/copy/insert-rows';
import { parentsFirst } from '../../../db/copy/parents-first';
import { sameLocation } from '../../../db/copy/same-location';
import { canonicalRow } from '../../../db/copy/table-digest';
import { tablePages } from '../../../db/copy/table-pages';
import { newDatabase, tempDir, tempPath } from '../../helpers/temp-files';

describe('canonicalRow', () => {
  it('writes the columns sorted, numbers as numbers, bytes as base64 and null as null', () => {
    const row = { value: 367, area_id: 7, note: null, blob: Buffer.from('%PDF-1.7'), label: 'Apr-Dec 2012' };
    expect(canonicalRow('figure', row)).toBe(
      '{"area_id":7,"blob":"JVBERi0xLjc=","label":"Apr-Dec 2012","note":null,"value":367}',
    );
  });

  it('gives the same text for a whole REAL and an integer, and for a Buffer and other bytes', () => {
    expect(canonicalRow('figure', { value: 367.0, bytes: new Uint8Array([1, 2]) })).toBe(
      canonicalRow('figure', { bytes: Buffer.from([1, 2]), value: 367 }),
    );
  });

  it('refuses a number JSON cannot write, naming the column', () => {
    expect(() => canonicalRow('figure', { value: Number.POSITIVE_INFINITY })).toThrow(/figure\.value holds Infinity/);
  });
});

describe('parentsFirst', () => {
  const area = (id: number, parentId: number | null): Row => ({ id, parent_id: parentId });

  it('puts each row after the row it refers to, otherwise keeping the order given', () => {
    const rows = [area(1, 12), area(2, 1), area(3, null), area(12, null), area(13, 2)];
    expect(parentsFirst('area', rows, 'id', 'parent_id').map((row) => row.id)).toEqual([3, 12, 1, 2, 13]);
  });

  it('takes a row that refers to itself as it is', () => {
    expect(parentsFirst('area', [area(5, 5), area(4, 5)], 'id', 'parent_id').map((row) => row.id)).toEqual([5, 4]);
  });

  it('refuses rows that refer to each other in a circle, naming them', () => {
    expect(() => parentsFirst('area', [area(1, 2), area(2, 1), area(3, null)], 'id', 'parent_id')).toThrow(
      'the rows of area with id 1, 2 refer to each other in a circle (parent_id)',
    );
  });
});

describe('sameLocation', () => {
  it('knows a file however its path is written, through a link too', () => {
    const path = tempPath('team.db');
    writeFileSync(path, '');
    const link = join(tempDir(), 'link.db');
    symlinkSync(path, link);
    expect(sameLocation(path, relative(process.cwd(), path))).toBe(true);
    expect(sameLocation(path, join(dirname(path), '.', 'team.db'))).toBe(true);
    expect(sameLocation(path, link)).toBe(true);
    expect(sameLocation(path, join(dirname(path), 'other.db'))).toBe(false);
  });

  it('knows a team database whoever logs in, and tells other databases and servers apart', () => {
    const base = 'postgres://ana:secret@db.council.example/csp';
    expect(sameLocation(base, 'postgresql://bob@DB.council.example:5432/csp')).toBe(true);
    expect(sameLocation(base, 'postgres://ana@db.council.example/csp_copy')).toBe(false);
    expect(sameLocation(base, 'postgres://ana@db.council.example:5433/csp')).toBe(false);
    expect(sameLocation(base, '/tmp/csp')).toBe(false);
  });
});

/** police_count: a key of an integer, a text and an integer. */
const POLICE_COUNT: CopyTable = {
  name: 'police_count',
  key: { police_month_id: 'integer', crime_type: 'text', area_id: 'integer' },
  rowsPerPage: 7,
};

async function withPoliceCounts(crimeTypes: readonly string[]): Promise<RawDatabase> {
  const { db } = await newDatabase(tempPath());
  const raw = db.withoutPlugins() as RawDatabase;
  const months = [1, 2, 3].map((id) => ({
    id,
    month: `2024-0${id}`,
    reported_by: 'Thames Valley Police',
    file: `2024-0${id}.csv`,
    rows_read: 1,
    rows_counted: 1,
    rows_outside_areas: 0,
    rows_without_lsoa: 0,
    imported_at: '2024-05-01T09:00:00.000Z',
  }));
  await raw.insertInto('area').values({ id: 1, name: 'Wycombe', kind: 'district' }).execute();
  await raw.insertInto('area').values({ id: 2, name: 'Chiltern', kind: 'district' }).execute();
  await raw.insertInto('police_month').values(months).execute();
  const counts = months.flatMap((month) =>
    crimeTypes.flatMap((crimeType, index) =>
      [2, 1].map((areaId) => ({ police_month_id: month.id, crime_type: crimeType, area_id: areaId, count: index + 1 })),
    ),
  );
  await insertRows(raw, 'police_count', counts);
  return raw;
}

describe('tablePages', () => {
  it('reads a table with a composite key in key order, a page at a time, text byte by byte', async () => {
    const raw = await withPoliceCounts(['burglary', 'Anti-social behaviour', 'Vehicle crime', 'arson']);
    const pages: Row[][] = [];
    for await (const page of tablePages(raw, POLICE_COUNT)) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 3]);
    const keys = pages
      .flat()
      .map((row) => `${String(row.police_month_id)}/${String(row.crime_type)}/${String(row.area_id)}`);
    expect(keys.slice(0, 8)).toEqual([
      '1/Anti-social behaviour/1',
      '1/Anti-social behaviour/2',
      '1/Vehicle crime/1',
      '1/Vehicle crime/2',
      '1/arson/1',
      '1/arson/2',
      '1/burglary/1',
      '1/burglary/2',
    ]);
    expect(new Set(keys).size).toBe(24);
  });
});

describe('insertRows', () => {
  it('splits rows into statements under the parameter limit, where one statement would be refused', async () => {
    const crimeTypes = Array.from({ length: 2000 }, (_, index) => `crime ${index}`);
    const raw = await withPoliceCounts(crimeTypes);
    expect(crimeTypes.length * 3 * 2 * 4).toBeGreaterThan(PARAMETERS_PER_STATEMENT);
    const rows = await raw.selectFrom('police_count').selectAll().execute();
    await expect(raw.insertInto('police_count').values(rows).execute()).rejects.toThrow(/too many SQL variables/);
    const { n } = await raw
      .selectFrom('police_count')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(n).toBe(12_000);
  });
});
