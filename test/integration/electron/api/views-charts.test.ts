import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// exceljs's own XML parser (a dependency of ours through exceljs): strict, it refuses XML that is not well-formed.
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { ChartKind } from '../../../../shared/charts/chart-spec';
import type { ViewSpecInput } from '../../../../shared/views/view-spec';
import { apiOnDatabase, type TestApi } from '../../../helpers/api-context';

/**
 * charts.svg: a chart spec drawn in Node with no browser, as the pack and the
 * command line draw it. The SVG is parsed as XML, its words and structure
 * checked, and (where rsvg-convert is installed) turned into a PNG under
 * test-results/ to look at.
 */

const RESULTS = fileURLToPath(new URL('../../../../test-results/', import.meta.url));

interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Parses strictly, returning every element and the text; throws on anything not well-formed. */
function parseSvg(svg: string): { elements: Element[]; text: string; root: Element } {
  const parser = new SaxesParser({ xmlns: false });
  const elements: Element[] = [];
  let text = '';
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => elements.push({ name: tag.name, attributes: { ...tag.attributes } }));
  parser.on('text', (chunk) => (text += chunk));
  parser.write(svg).close();
  const [root] = elements;
  if (!root) throw new Error('no root element');
  return { elements, text, root };
}

async function ids(api: TestApi) {
  const [indicators, areas, periods] = await Promise.all([
    api.call('indicators.list', {}),
    api.call('areas.list', {}),
    api.call('periods.list', {}),
  ]);
  return {
    indicator: (name: string) => indicators.find((row) => row.name === name)?.id ?? 0,
    area: (name: string) => areas.find((row) => row.name === name)?.id ?? 0,
    period: (label: string) => periods.find((row) => row.label === label)?.id ?? 0,
  };
}

async function views(api: TestApi): Promise<Record<ChartKind, ViewSpecInput>> {
  const id = await ids(api);
  const police = ['Aylesbury', 'Chiltern & South Bucks', 'Wycombe', 'Buckinghamshire'].map(id.area);
  return {
    bar: {
      indicatorIds: [id.indicator('Domestic burglary')],
      areaIds: police,
      periods: { mode: 'compare', baseId: id.period('Apr-Dec 2012'), currentId: id.period('Apr-Dec 2013') },
    },
    trend: {
      indicatorIds: [id.indicator('Anti-social behaviour rate')],
      areaIds: [id.area('Buckinghamshire')],
      periods: { mode: 'trend', periodIds: ['2018/19', '2019/20', '2020/21', '2021/22'].map(id.period) },
    },
    'rag-summary': {
      indicatorIds: ['Domestic burglary', 'Violence against the person', 'Anti-social behaviour rate'].map(
        id.indicator,
      ),
      areaIds: police,
      periods: { mode: 'compare', baseId: id.period('Apr-Dec 2012'), currentId: id.period('Apr-Dec 2013') },
    },
  };
}

function keepPng(name: string, svg: string): void {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.svg`);
  writeFileSync(file, svg);
  if (existsSync('/usr/bin/rsvg-convert'))
    execFileSync('/usr/bin/rsvg-convert', [file, '-o', join(RESULTS, `${name}.png`)]);
}

const AREAS: Readonly<Record<ChartKind, readonly string[]>> = {
  bar: ['Aylesbury', 'Chiltern & South Bucks', 'Wycombe'],
  trend: ['Buckinghamshire', 'England', 'South East'],
  'rag-summary': ['Priority 6.1, Safer Bucks Plan 2014-15', 'Priority 6.2, Safer Bucks Plan 2014-15'],
};

describe('charts.svg', () => {
  it.each(['bar', 'trend', 'rag-summary'] as const)(
    'draws a %s chart as well-formed, titled, script-free SVG with system fonts',
    async (kind) => {
      const api = await apiOnDatabase();
      const spec = (await views(api))[kind];
      const chart = await api.call('charts.svg', { kind, view: { spec, name: `Demo ${kind}` } });
      keepPng(`chart-${kind}`, chart.svg);
      const { elements, text, root } = parseSvg(chart.svg);

      expect(root.name).toBe('svg');
      expect(root.attributes).toMatchObject({
        xmlns: 'http://www.w3.org/2000/svg',
        width: '760',
        height: '400',
        role: 'img',
        'aria-labelledby': 'chart-title chart-desc',
      });
      const title = elements.find((element) => element.name === 'title');
      expect(title?.attributes.id).toBe('chart-title');
      expect(text).toContain(chart.title);
      expect(elements.find((element) => element.name === 'desc')).toBeDefined();
      expect(text).toContain(chart.summary);
      for (const area of AREAS[kind]) expect(text).toContain(area);

      // Nothing that runs, nothing fetched, nothing a strict CSP would refuse when inlined.
      expect(
        elements.some((element) => ['script', 'style', 'foreignObject', 'image', 'use'].includes(element.name)),
      ).toBe(false);
      expect(
        elements.some((element) => Object.keys(element.attributes).some((name) => /^on|^style$|href$/i.test(name))),
      ).toBe(false);
      expect(chart.svg).not.toMatch(/url\(|@import|@font-face|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
      for (const element of elements) {
        const family = element.attributes['font-family'];
        if (family !== undefined) expect(family.split(',').at(-1)?.trim()).toBe('sans-serif');
      }
      expect(chart).toMatchObject({ kind, width: 760, height: 400, fileName: `demo-${kind}-${kind}.svg` });
    },
  );

  it('says what the charts show in words, with the figures the tables print', async () => {
    const api = await apiOnDatabase();
    const specs = await views(api);
    const bar = await api.call('charts.svg', { kind: 'bar', view: { spec: specs.bar } });
    expect(bar.summary).toBe(
      'Bar chart of Domestic burglary (count) by area, Apr-Dec 2012 and Apr-Dec 2013: Aylesbury 260 to 236; Chiltern & South Bucks 481 to 449; Wycombe 367 to 201.',
    );
    const trend = await api.call('charts.svg', {
      kind: 'trend',
      view: { spec: specs.trend },
      size: { width: 600, height: 320 },
    });
    expect(trend.summary).toBe(
      'Line chart of Anti-social behaviour rate (rate per 1,000 residents) over 4 periods, 2018/19 to 2021/22: Buckinghamshire from 9.6 in 2018/19 to 8.0 in 2021/22; England 19.4 in 2021/22 only; South East 15.8 in 2021/22 only.',
    );
    expect(parseSvg(trend.svg).root.attributes).toMatchObject({ width: '600', height: '320' });
    const rag = await api.call('charts.svg', { kind: 'rag-summary', view: { spec: specs['rag-summary'] } });
    expect(rag.summary).toBe(
      'RAG summary of 3 indicators by priority: Priority 1, Safer Bucks Plan 2013-14: 1 amber; Priority 2, Safer Bucks Plan 2013-14: 1 green; ' +
        'Priority 6.1, Safer Bucks Plan 2014-15: 1 amber; Priority 6.2, Safer Bucks Plan 2014-15: 1 green; ' +
        'Priority 1, Safer Buckinghamshire Plan 2020-23: 1 with no RAG.',
    );
  });

  it('draws a chart of a saved view by id, and refuses an indicator the view does not have', async () => {
    const api = await apiOnDatabase();
    const saved = await api.call('views.create', { name: 'Burglary', spec: (await views(api)).bar });
    const chart = await api.call('charts.svg', {
      kind: 'bar',
      view: { id: saved.id },
      title: 'Domestic burglary & more',
    });
    expect(chart.title).toBe('Domestic burglary & more');
    expect(chart.svg).toContain('<title id="chart-title">Domestic burglary &amp; more</title>');
    expect(await api.fail('charts.svg', { kind: 'bar', view: { id: saved.id }, indicatorId: 4242 })).toMatchObject({
      code: 'invalid-input',
      where: { field: 'indicatorId' },
    });
    expect(await api.fail('charts.svg', { kind: 'pie', view: { id: saved.id } })).toMatchObject({
      where: { field: 'kind' },
    });
    expect(
      await api.fail('charts.svg', { kind: 'bar', view: { id: saved.id }, size: { width: 10, height: 400 } }),
    ).toMatchObject({ where: { field: 'size.width' } });
  });
});
