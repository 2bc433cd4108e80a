import { describe, expect, it } from 'vitest';
import { buildChartData } from '../../../../shared/charts/chart-data';
import { headlineRag } from '../../../../shared/charts/headline-rag';
import { CHART_FONT_FAMILY, chartProps, RAG_COLOURS, ragSummaryProps } from '../../../../shared/charts/nivo-props';
import {
  buildComparisonTable,
  displayDecimals,
  type IndicatorTraits,
  type Observation,
  type Target,
} from '../../../../shared/comparison';
import type { Period } from '../../../../shared/model';
import { buildViewTable, type IndicatorSection } from '../../../../shared/views/build-view-table';
import { viewSpec } from '../../../../shared/views/view-spec';
import type { EvaluatedView, ViewIndicator, ViewPriority } from '../../../../shared/views/view-table';

/**
 * Charts are built from an evaluated view by pure functions: the same figures
 * and words as the table, a RAG per indicator by a stated rule, and nivo props
 * that never tell a RAG by colour alone.
 */

const period = (id: number, label: string): Period => ({
  id,
  label,
  kind: 'range',
  startDate: `20${String(10 + id)}-04-01`,
  endDate: `20${String(11 + id)}-03-31`,
  note: null,
  version: 1,
});
const BASE = period(2, 'Apr-Dec 2012');
const CURRENT = period(4, 'Apr-Dec 2013');

const priority = (id: number, ref: string, order: string): ViewPriority => ({
  id,
  label: `Priority ${ref}: a title (a plan)`,
  short: `Priority ${ref}, a plan`,
  order,
});

interface AreaFigures {
  readonly area: string;
  readonly base: number | null;
  readonly current: number | null;
  readonly target?: Target;
  readonly provisional?: boolean;
}

/** One indicator's section, computed by the engine from figures, as the service would hand it over. */
function section(
  id: number,
  name: string,
  traits: IndicatorTraits,
  areas: readonly AreaFigures[],
  options: { total?: boolean; priorities?: readonly ViewPriority[]; totalTarget?: Target } = {},
): IndicatorSection {
  const observe = (value: number | null, provisional = false): Observation => ({ value, provisional });
  const table = (base: (a: AreaFigures) => Observation, current: (a: AreaFigures) => Observation, targets: boolean) =>
    buildComparisonTable(
      areas.map((a) => ({
        area: a.area,
        base: base(a),
        current: current(a),
        target: targets ? (a.target ?? null) : null,
      })),
      traits,
      {
        withTotal: options.total ?? false,
        totalLabel: 'Total',
        totalTarget: targets ? (options.totalTarget ?? null) : null,
      },
    );
  const comparison = table(
    (a) => observe(a.base),
    (a) => observe(a.current, a.provisional),
    true,
  ).map((row) => ({ ...row, comparators: null }));
  const indicator: ViewIndicator = {
    id,
    name,
    unit: traits.unit,
    unitText: traits.unit,
    polarity: traits.polarity,
    decimals: displayDecimals(
      traits,
      areas.flatMap((a) => [a.base, a.current]),
    ),
    definition: null,
    priorities: options.priorities ?? [],
  };
  return {
    indicator,
    periodRows: [
      table(
        (a) => observe(a.base),
        (a) => observe(a.base),
        false,
      ),
      table(
        (a) => observe(a.current, a.provisional),
        (a) => observe(a.current, a.provisional),
        false,
      ),
    ],
    comparison,
    areaIds: comparison.map((row, index) => (row.total ? null : index + 1)),
    comparatorRows: [],
    comparatorNames: [],
    statedChecks: [],
    totalArea: null,
    areaCount: areas.length,
  };
}

const COUNT: IndicatorTraits = { unit: 'count', polarity: 'lower is better' };
const P1 = priority(8, '1', '2013-04-01:0001');
const P2 = priority(9, '2', '2013-04-01:0002');

function view(sections: readonly IndicatorSection[], name: string | null = 'Demo'): EvaluatedView {
  return buildViewTable({
    name,
    spec: viewSpec.parse({
      indicatorIds: sections.map((s) => s.indicator.id),
      areaIds: [1],
      periods: { mode: 'compare', baseId: BASE.id, currentId: CURRENT.id },
    }),
    periods: [BASE, CURRENT],
    sections,
  });
}

const BURGLARY = section(
  6,
  'Domestic burglary',
  COUNT,
  [
    { area: 'Aylesbury', base: 260, current: 236 },
    { area: 'Chiltern & South Bucks', base: 481, current: 449 },
    { area: 'Wycombe', base: 367, current: 201 },
  ],
  { total: true, totalTarget: { kind: 'percent change', value: -2 }, priorities: [P2] },
);

describe('headlineRag', () => {
  it('takes the totals row when there is one', () => {
    const rag = headlineRag(view([BURGLARY]), 6);
    expect(rag).toEqual({ rag: 'green', area: 'Total', reason: 'Total: target -2%, actual -20%: better than target' });
  });

  it('takes the only area when there is one, and the worst area when there are several without a total', () => {
    const single = section(2, 'Violence', COUNT, [{ area: 'Wycombe', base: 100, current: 150 }]);
    expect(headlineRag(view([single]), 2)).toMatchObject({ rag: 'red', area: 'Wycombe' });
    const several = section(3, 'Thefts', COUNT, [
      { area: 'A', base: 100, current: 80 },
      { area: 'B', base: 100, current: 101 },
      { area: 'C', base: 100, current: 90 },
    ]);
    expect(headlineRag(view([several]), 3)).toEqual({
      rag: 'amber',
      area: 'B',
      reason: 'worst of 3 areas, B: no target: rose 1%, within 2% tolerance',
    });
  });

  it('has no RAG when no row has one (neutral indicator, missing figures)', () => {
    const neutral = section(1, 'Residents', { unit: 'count', polarity: 'neutral' }, [
      { area: 'A', base: 1, current: 2 },
      { area: 'B', base: 1, current: 2 },
    ]);
    expect(headlineRag(view([neutral]), 1)).toEqual({ rag: null, area: null, reason: 'no area has a RAG' });
  });
});

describe('buildChartData', () => {
  it('draws the areas of a two-period view as grouped bars, totals and comparators left to the table', () => {
    const data = buildChartData(view([BURGLARY]), { kind: 'bar' });
    if (data.kind !== 'bar') throw new Error('not a bar chart');
    expect(data.title).toBe('Demo');
    expect(data.keys).toEqual(['Apr-Dec 2012', 'Apr-Dec 2013']);
    expect(data.groups.map((group) => [group.label, ...group.points.map((point) => point.value)])).toEqual([
      ['Aylesbury', 260, 236],
      ['Chiltern & South Bucks', 481, 449],
      ['Wycombe', 367, 201],
    ]);
    expect(data.table).toEqual({
      caption: 'Demo: the figures the chart draws (count)',
      headers: ['Area', 'Apr-Dec 2012', 'Apr-Dec 2013'],
      rows: [
        ['Aylesbury', '260', '236'],
        ['Chiltern & South Bucks', '481', '449'],
        ['Wycombe', '367', '201'],
      ],
    });
  });

  it('draws every row of the indicator as a line, provisional points said so', () => {
    const provisional = section(
      4,
      'IDVA reduction in risk category',
      { unit: 'percent', polarity: 'higher is better' },
      [{ area: 'Buckinghamshire', base: null, current: 83, provisional: true }],
    );
    const data = buildChartData(view([provisional], null), { kind: 'trend' });
    if (data.kind !== 'trend') throw new Error('not a trend');
    expect(data.series).toEqual([
      {
        id: '4:area:1',
        label: 'Buckinghamshire',
        role: 'area',
        points: [
          { period: 'Apr-Dec 2012', value: null, text: '–', provisional: false },
          { period: 'Apr-Dec 2013', value: 83, text: '83%', provisional: true },
        ],
      },
    ]);
    expect(data.summary).toBe(
      'Line chart of IDVA reduction in risk category (percent) over 2 periods, Apr-Dec 2012 to Apr-Dec 2013: Buckinghamshire 83% (provisional) in Apr-Dec 2013 only.',
    );
    expect(data.table.rows).toEqual([['Buckinghamshire', '–', '83% (provisional)']]);
  });

  it('charts the indicator asked for, and refuses one the view does not have', () => {
    const other = section(2, 'Violence', COUNT, [{ area: 'Wycombe', base: 1003, current: 994 }]);
    const both = view([BURGLARY, other]);
    const data = buildChartData(both, { kind: 'trend', indicatorId: 2 });
    expect(data.title).toBe('Violence, Apr-Dec 2012 to Apr-Dec 2013');
    expect(() => buildChartData(both, { kind: 'bar', indicatorId: 99 })).toThrow(
      'the view has no indicator #99 to chart',
    );
  });

  it('counts each indicator’s RAG once under each priority it serves, in plan order, unlinked ones last', () => {
    const violence = section(2, 'Violence', COUNT, [{ area: 'Wycombe', base: 100, current: 150 }], {
      priorities: [P1, P2],
    });
    const residents = section(1, 'Residents', { unit: 'count', polarity: 'neutral' }, [
      { area: 'A', base: 1, current: 2 },
    ]);
    const data = buildChartData(view([BURGLARY, violence, residents]), { kind: 'rag-summary' });
    if (data.kind !== 'rag-summary') throw new Error('not a RAG summary');
    expect(data.title).toBe('Demo: RAG by priority');
    expect(data.priorities.map((p) => [p.short, p.counts])).toEqual([
      ['Priority 1, a plan', { green: 0, amber: 0, red: 1, none: 0 }],
      ['Priority 2, a plan', { green: 1, amber: 0, red: 1, none: 0 }],
      ['No priority linked', { green: 0, amber: 0, red: 0, none: 1 }],
    ]);
    expect(data.summary).toBe(
      'RAG summary of 3 indicators by priority: Priority 1, a plan: 1 red; Priority 2, a plan: 1 green, 1 red; No priority linked: 1 with no RAG.',
    );
    expect(data.table.headers).toEqual(['Priority', 'Green', 'Amber', 'Red', 'No RAG', 'Indicators']);
    expect(data.table.rows[1]).toEqual([
      'Priority 2: a title (a plan)',
      '1',
      '0',
      '1',
      '0',
      'Domestic burglary: Green (Total: target -2%, actual -20%: better than target); Violence: Red (Wycombe: no target: rose 50%, worse by more than the 2% tolerance)',
    ]);
  });
});

describe('nivo props', () => {
  it('writes RAG in words on every segment and keeps the colours for their words', () => {
    const data = buildChartData(view([BURGLARY]), { kind: 'rag-summary' });
    if (data.kind !== 'rag-summary') throw new Error('not a RAG summary');
    const props = ragSummaryProps(data);
    expect(props.keys).toEqual(['Green', 'Amber', 'Red', 'No RAG']);
    expect(props.label({ id: 'Green', value: 1 })).toBe('1 Green');
    expect(props.label({ id: 'Red', value: 0 })).toBe('');
    expect(props.colors({ id: 'Amber' })).toBe(RAG_COLOURS.amber);
    expect(props.layout).toBe('horizontal');
  });

  it('lists priorities top to bottom in plan order (horizontal bars draw from the bottom)', () => {
    const violence = section(2, 'Violence', COUNT, [{ area: 'Wycombe', base: 100, current: 150 }], {
      priorities: [P1],
    });
    const data = buildChartData(view([BURGLARY, violence]), { kind: 'rag-summary' });
    if (data.kind !== 'rag-summary') throw new Error('not a RAG summary');
    expect(ragSummaryProps(data).data.map((row) => row.priority)).toEqual(['Priority 2, a plan', 'Priority 1, a plan']);
  });

  it('labels bars and points with the printed figures and uses system fonts ending in sans-serif', () => {
    const bar = chartProps(buildChartData(view([BURGLARY]), { kind: 'bar' }));
    if (bar.kind !== 'bar') throw new Error('not a bar chart');
    expect(bar.props.label({ id: 'Apr-Dec 2013', data: bar.props.data[2] ?? {} })).toBe('201');
    const line = chartProps(buildChartData(view([BURGLARY]), { kind: 'trend' }));
    if (line.kind !== 'trend') throw new Error('not a trend');
    expect(line.props.data.map((series) => series.id)).toEqual([
      'Aylesbury',
      'Chiltern & South Bucks',
      'Wycombe',
      'Total',
    ]);
    expect(line.props.pointLabel({ data: { text: '-166' } })).toBe('-166');
    expect(CHART_FONT_FAMILY.split(',').at(-1)?.trim()).toBe('sans-serif');
    expect(line.props.theme.text.fontFamily).toBe(CHART_FONT_FAMILY);
  });
});
