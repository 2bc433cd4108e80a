import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database';
import { findArea } from '../../../db/repositories/areas';
import { insertView } from '../../../db/repositories/comparison-views';
import { findIndicator } from '../../../db/repositories/indicators';
import { findPeriod } from '../../../db/repositories/periods';
import type { Db } from '../../../db/schema/database';
import { viewSpec } from '../../../shared/views/view-spec';
import { boardpack, boardpackProcess } from '../../helpers/run-boardpack';
import { newLocation, tempDir } from '../../helpers/temp-files';

/** `boardpack chart`: a saved comparison view drawn to an SVG file, with one-line errors. */

let demo: string;

beforeAll(async () => {
  demo = await newLocation({ suite: true });
  expect((await boardpack('init', '--db', demo, '--demo')).code).toBe(0);
  const opened = await openDatabase(demo);
  const { db } = opened;
  try {
    const id = async (find: (db: Db, name: string) => Promise<{ id: number }>, name: string) =>
      (await find(db, name)).id;
    const writer = { actor: 'test', now: () => '2026-11-26T10:00:00.000Z' };
    const burglary = viewSpec.parse({
      indicatorIds: [await id(findIndicator, 'Domestic burglary')],
      areaIds: await Promise.all(
        ['Aylesbury', 'Chiltern & South Bucks', 'Wycombe', 'Buckinghamshire'].map((n) => id(findArea, n)),
      ),
      periods: {
        mode: 'compare',
        baseId: await id(findPeriod, 'Apr-Dec 2012'),
        currentId: await id(findPeriod, 'Apr-Dec 2013'),
      },
    });
    const trend = viewSpec.parse({
      indicatorIds: [await id(findIndicator, 'Anti-social behaviour rate')],
      areaIds: [await id(findArea, 'Buckinghamshire')],
      periods: {
        mode: 'trend',
        periodIds: await Promise.all(
          ['2018/19', '2019/20', '2020/21', '2021/22'].map((label) => id(findPeriod, label)),
        ),
      },
    });
    await db.transaction().execute(async (trx) => {
      await insertView(trx, writer, { name: 'Domestic burglary by police area', spec: burglary });
      await insertView(trx, writer, { name: 'ASB rate trend', spec: trend });
    });
  } finally {
    await opened.close();
  }
});

describe('boardpack chart', () => {
  it('draws a two-period view as a bar chart by default, to the file named', async () => {
    const out = join(tempDir(), 'burglary.svg');
    const result = await boardpack('chart', '--db', demo, '--view', 'domestic burglary by police area', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Wrote ${out}: Domestic burglary by police area (bar, 760×400).\n`);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="760" height="400"/);
    expect(svg).toContain('<title id="chart-title">Domestic burglary by police area</title>');
    for (const area of ['Aylesbury', 'Chiltern &amp; South Bucks', 'Wycombe']) expect(svg).toContain(area);
  });

  it('draws a trend view as a line chart, and any view as a RAG summary when asked, at the size asked', async () => {
    const dir = tempDir();
    const trend = await boardpack('chart', '--db', demo, '--view', 'ASB rate trend', '--out', join(dir, 'trend.svg'));
    expect(trend.code).toBe(0);
    expect(readFileSync(join(dir, 'trend.svg'), 'utf8')).toContain('Line chart of Anti-social behaviour rate');
    const rag = await boardpackProcess(
      'chart',
      '--db',
      demo,
      '--view',
      'Domestic burglary by police area',
      '--out',
      join(dir, 'rag.svg'),
      '--kind',
      'rag-summary',
      '--width',
      '900',
      '--height',
      '300',
      '--title',
      'Burglary RAG',
    );
    expect(rag.stderr).toBe('');
    expect(rag.code).toBe(0);
    const svg = readFileSync(join(dir, 'rag.svg'), 'utf8');
    expect(svg).toContain('width="900" height="300"');
    expect(svg).toContain('<title id="chart-title">Burglary RAG</title>');
    expect(svg).toContain('RAG summary of 1 indicator by priority');
  });

  it('names an unknown view with the nearest saved names, in one line, and writes nothing', async () => {
    const out = join(tempDir(), 'none.svg');
    const result = await boardpack('chart', '--db', demo, '--view', 'Burglary by area', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^boardpack chart: .*unknown comparison view "Burglary by area".*Domestic burglary by police area/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a missing option, an unknown kind or a bad size as a usage mistake', async () => {
    const out = join(tempDir(), 'x.svg');
    const missing = await boardpack('chart', '--db', demo, '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe('boardpack chart: field view: --view is required');
    const kind = await boardpack('chart', '--db', demo, '--view', 'ASB rate trend', '--out', out, '--kind', 'pie');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind must be one of trend, bar, rag-summary, not "pie"');
    const size = await boardpack('chart', '--db', demo, '--view', 'ASB rate trend', '--out', out, '--width', '50');
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('a chart is at least 240 wide');
    expect(existsSync(out)).toBe(false);
  });

  it('says so in one line when the file cannot be written', async () => {
    const out = join(tempDir(), 'no-such-folder', 'x.svg');
    const result = await boardpack('chart', '--db', demo, '--view', 'ASB rate trend', '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^boardpack chart: .*cannot write the chart: ENOENT/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
