import { appendFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiOnDatabase } from '../../../helpers/api-context';
import { tempPath } from '../../../helpers/temp-files';

const POLICE_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** A police.uk street-level file of `rows` burglaries in Wycombe in April 2024. */
function policeFile(rows: number): string {
  const path = tempPath('2024-04-thames-valley-street.csv');
  const lines = [POLICE_HEADER];
  for (let index = 0; index < rows; index += 1) {
    lines.push(
      `id${index},2024-04,Thames Valley Police,Thames Valley Police,-0.75,51.63,On or near High Street,E01017${String(index % 90).padStart(3, '0')},Wycombe 0${String(index % 20).padStart(2, '0')}A,Burglary,Under investigation,`,
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('imports through the API, in a worker thread', () => {
  it('imports a wide table uploaded to the preview and reports its printed-figure check', async () => {
    const api = await apiOnDatabase();
    const csv = [
      'Police Area,Apr-Dec 2012,Apr-Dec 2013,Difference,% Change',
      'Aylesbury,260,236,-24,-9%',
      'Chiltern & South Bucks,481,449,-32,-7%',
      'Wycombe,367,201,-116,-45%',
    ].join('\r\n');
    const outcome = await api.call('imports.run', {
      jobId: randomUUID(),
      job: {
        kind: 'figures',
        source: { fileName: 'burglary.csv', base64: Buffer.from(csv).toString('base64') },
        layout: 'wide-period',
        indicator: 'Domestic burglary',
      },
    });
    expect(outcome).toMatchObject({ status: 'done', summary: { kind: 'figures', created: 0, unchanged: 6 } });
    if (outcome.status !== 'done' || outcome.summary.kind !== 'figures') throw new Error('not a figures import');
    expect(outcome.summary.checks.filter((check) => !check.agrees).map((check) => check.message)).toEqual([
      expect.stringMatching(/-116.*-166|-166.*-116/),
    ]);
  });

  it('returns names the database does not know as data, with suggestions, and writes nothing', async () => {
    const api = await apiOnDatabase();
    const csv = 'indicator,area,period,value\nDomestic burglary,Wycomb,Apr-Dec 2013,201\n';
    const outcome = await api.call('imports.run', {
      jobId: randomUUID(),
      job: { kind: 'figures', source: { fileName: 'long.csv', base64: Buffer.from(csv).toString('base64') } },
    });
    expect(outcome).toMatchObject({
      status: 'unknown-names',
      unknown: [{ kind: 'area', name: 'Wycomb', suggestions: expect.arrayContaining(['Wycombe']) }],
    });
  });

  it('streams progress events and counts a police.uk file', async () => {
    const api = await apiOnDatabase();
    const jobId = randomUUID();
    const file = policeFile(2000);
    // Left out, and named in the summary: Oxford's 3 rows, then 54 other places of one row each (the list keeps 50),
    // and 3 rows with no LSOA of two crime types.
    const row = (id: string, lsoa: string, name: string, type: string) =>
      `${id},2024-04,Thames Valley Police,Thames Valley Police,-1.25,51.75,On or near Broad Street,${lsoa},${name},${type},Under investigation,`;
    appendFileSync(
      file,
      [
        ...[1, 2, 3].map((index) => row(`o${index}`, `E0102852${index}`, `Oxford 00${index}A`, 'Burglary')),
        ...Array.from({ length: 54 }, (_, index) =>
          row(`p${index}`, `E0110${index}`, `Place ${String(index).padStart(2, '0')} 001A`, 'Burglary'),
        ),
        row('', '', '', 'Anti-social behaviour'),
        row('', '', '', 'Anti-social behaviour'),
        row('n1', '', '', 'Vehicle crime'),
      ]
        .map((line) => `${line}\n`)
        .join(''),
    );
    const outcome = await api.call('imports.run', { jobId, job: { kind: 'police', source: { path: file } } });
    expect(outcome).toMatchObject({
      status: 'done',
      summary: { kind: 'police', rowsRead: 2060, rowsCounted: 2000, rowsOutsideAreas: 57, rowsWithoutLsoa: 3 },
    });
    if (outcome.status !== 'done' || outcome.summary.kind !== 'police') throw new Error('not a police import');
    const { outsideAreas, withoutLsoa, newCrimeTypes, figures } = outcome.summary;
    expect(outsideAreas.names).toHaveLength(50);
    expect(outsideAreas.names.slice(0, 3)).toEqual([
      { name: 'Oxford', rows: 3 },
      { name: 'Place 00', rows: 1 },
      { name: 'Place 01', rows: 1 },
    ]);
    expect({ moreNames: outsideAreas.moreNames, moreRows: outsideAreas.moreRows }).toEqual({
      moreNames: 5,
      moreRows: 5,
    });
    expect(withoutLsoa).toEqual({
      names: [
        { name: 'Anti-social behaviour', rows: 2 },
        { name: 'Vehicle crime', rows: 1 },
      ],
      moreNames: 0,
      moreRows: 0,
    });
    expect(newCrimeTypes).toEqual(['Burglary']);
    expect(figures.created).toBeGreaterThan(0);
    expect(figures.updated).toBe(0);
    expect(api.events.at(-1)).toEqual({ type: 'data-changed', tables: ['figures', 'indicators', 'areas', 'periods'] });
  });

  it('cancels a running import, which then writes nothing', async () => {
    const api = await apiOnDatabase();
    const jobId = randomUUID();
    const before = await api.db
      .selectFrom('figure')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const running = api.call('imports.run', { jobId, job: { kind: 'police', source: { path: policeFile(400_000) } } });
    await expect
      .poll(() => api.events.some((event) => event.type === 'job-progress' && event.jobId === jobId), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(await api.call('jobs.cancel', { jobId })).toEqual({ cancelled: true });
    expect(await running).toEqual({ status: 'cancelled' });
    const after = await api.db
      .selectFrom('figure')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await api.call('jobs.cancel', { jobId })).toEqual({ cancelled: false });
  }, 60_000);

  it('refuses a job id that is not a UUID', async () => {
    const api = await apiOnDatabase();
    expect(
      await api.fail('imports.run', { jobId: '1', job: { kind: 'population', source: { path: '/x.csv' } } }),
    ).toMatchObject({
      code: 'invalid-input',
      where: { field: 'jobId' },
    });
  });

  it('previews the first rows of a figures file and how its columns would be read', async () => {
    const api = await apiOnDatabase();
    const csv = 'indicator;area;period;value\nDomestic burglary;Wycombe;Apr-Dec 2013;201\n';
    const preview = await api.call('imports.previewFigures', {
      source: { fileName: 'semi.csv', base64: Buffer.from(csv).toString('base64') },
    });
    expect(preview).toMatchObject({
      format: 'csv;',
      header: ['indicator', 'area', 'period', 'value'],
      rows: [['Domestic burglary', 'Wycombe', 'Apr-Dec 2013', '201']],
      problem: null,
    });
  });
});
