/**
 * The nivo props of each chart kind, as plain data and small functions, so the
 * app's responsive components and the static SVG renderer in Node draw the same
 * chart from the same ChartData. No React and no nivo import here: the props are
 * spread into nivo's components where they are drawn.
 */
import type { BarChartData, ChartData, RagBucket, RagSummaryData, TrendChartData } from './chart-data';
import { RAG_BUCKET_LABELS, RAG_BUCKETS } from './chart-data';

/** Text in every chart: system fonts only, never a downloaded one, ending in the generic family. */
export const CHART_FONT_FAMILY = 'Arial, Liberation Sans, Helvetica, DejaVu Sans, sans-serif';

export const CHART_TEXT_COLOUR = '#1b1f24';

/** RAG colours, always shown beside their words (legend, labels, table), never alone. */
export const RAG_COLOURS: Readonly<Record<RagBucket, string>> = {
  green: '#1b7f3b',
  amber: '#f2a900',
  red: '#c0392b',
  none: '#8c95a3',
};

/** Lines and bars of areas: distinct in hue and in lightness, so they survive greyscale printing. */
export const SERIES_COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#9d174d'];
/** Comparators (England, South East) are greys, so the partnership's own lines stand out. */
export const COMPARATOR_COLOURS = ['#374151', '#9ca3af', '#6b7280'];

/** Periods within a bar group, from light (oldest) to dark (latest). */
export function periodColours(count: number): string[] {
  const light = [170, 190, 235];
  const dark = [29, 78, 216];
  return Array.from({ length: count }, (_, index) => {
    const t = count <= 1 ? 1 : index / (count - 1);
    const channel = (k: number) => Math.round((light[k] ?? 0) + ((dark[k] ?? 0) - (light[k] ?? 0)) * t);
    return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
  });
}

export const chartTheme = {
  background: '#ffffff',
  text: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, fill: CHART_TEXT_COLOUR },
  axis: {
    domain: { line: { stroke: '#8c95a3', strokeWidth: 1 } },
    ticks: {
      line: { stroke: '#8c95a3', strokeWidth: 1 },
      text: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, fill: CHART_TEXT_COLOUR },
    },
    legend: { text: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, fontWeight: 600, fill: CHART_TEXT_COLOUR } },
  },
  grid: { line: { stroke: '#e3e6eb', strokeWidth: 1 } },
  legends: { text: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, fill: CHART_TEXT_COLOUR } },
  labels: { text: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, fontWeight: 600 } },
};

/** A label cut to fit an axis: "Priority 1, Safer Buckinghamshire Pl…". */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const seriesColour = (role: string, index: number, comparatorIndex: number): string =>
  role === 'comparator'
    ? (COMPARATOR_COLOURS[comparatorIndex % COMPARATOR_COLOURS.length] ?? '#6b7280')
    : (SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#1d4ed8');

const longest = (texts: readonly string[]) => texts.reduce((max, text) => Math.max(max, text.length), 0);

/** About how wide a 12px label is, to leave it room. */
const textWidth = (characters: number) => Math.ceil(characters * 6.8);

function lowestOf(values: readonly (number | null)[]): number | 'auto' {
  return values.some((value) => value !== null && value < 0) ? 'auto' : 0;
}

export function lineProps(data: TrendChartData) {
  let areaIndex = 0;
  let comparatorIndex = 0;
  const colours = data.series.map((series) =>
    series.role === 'comparator'
      ? seriesColour('comparator', 0, comparatorIndex++)
      : seriesColour(series.role, areaIndex++, 0),
  );
  const legendWidth = Math.min(220, textWidth(longest(data.series.map((series) => series.label))) + 28);
  return {
    data: data.series.map((series) => ({
      id: series.label,
      data: series.points.map((point) => ({ x: point.period, y: point.value, text: point.text })),
    })),
    colors: colours,
    margin: { top: 16, right: legendWidth + 24, bottom: 64, left: 64 },
    xScale: { type: 'point' as const },
    yScale: {
      type: 'linear' as const,
      min: lowestOf(data.series.flatMap((series) => series.points.map((point) => point.value))),
      max: 'auto' as const,
    },
    axisBottom: {
      legend: 'Period',
      legendOffset: 48,
      legendPosition: 'middle' as const,
      tickRotation: data.periods.length > 6 ? -30 : 0,
    },
    axisLeft: { legend: data.unitText, legendOffset: -52, legendPosition: 'middle' as const },
    lineWidth: 3,
    pointSize: 9,
    pointBorderWidth: 2,
    pointBorderColor: { from: 'seriesColor' },
    pointColor: '#ffffff',
    enableGridX: false,
    // Each point labelled with its figure as the table prints it.
    enablePointLabel: true,
    pointLabel: (point: { data: { text?: string } }) => point.data.text ?? '',
    pointLabelYOffset: -12,
    theme: chartTheme,
    legends: [
      {
        anchor: 'right' as const,
        direction: 'column' as const,
        translateX: legendWidth + 16,
        itemWidth: legendWidth,
        itemHeight: 22,
        symbolSize: 12,
        symbolShape: 'circle' as const,
      },
    ],
  };
}

type BarDatum = Record<string, string | number>;

/** Bar labels show the printed figure (never a re-rounded one), kept beside each value under "text:". */
const textKey = (key: string) => `text:${key}`;

export function barProps(data: BarChartData) {
  const rows: BarDatum[] = data.groups.map((group) => {
    const datum: BarDatum = { area: group.label };
    group.points.forEach((point, index) => {
      const key = data.keys[index] ?? point.period;
      if (point.value !== null) datum[key] = point.value;
      datum[textKey(key)] = point.text;
    });
    return datum;
  });
  const colours = periodColours(data.keys.length);
  const legendWidth = Math.min(200, textWidth(longest(data.keys)) + 28);
  const manyGroups = data.groups.length > 5;
  return {
    data: rows,
    keys: [...data.keys],
    indexBy: 'area',
    groupMode: 'grouped' as const,
    colors: colours,
    margin: { top: 16, right: legendWidth + 24, bottom: manyGroups ? 96 : 64, left: 72 },
    padding: 0.25,
    innerPadding: 2,
    valueScale: { type: 'linear' as const, min: 0 },
    axisBottom: {
      tickRotation: manyGroups ? -30 : 0,
      legend: 'Area',
      legendOffset: manyGroups ? 84 : 48,
      legendPosition: 'middle' as const,
    },
    axisLeft: { legend: data.unitText, legendOffset: -60, legendPosition: 'middle' as const },
    enableGridY: true,
    label: (bar: { id: string | number; data: BarDatum }) => String(bar.data[textKey(String(bar.id))] ?? ''),
    labelSkipHeight: 14,
    labelSkipWidth: 18,
    // Dark text on the lighter (older) periods' bars, white on the darker: each at least 4.5:1.
    labelTextColor: (bar: { data: { id: string | number } }) =>
      data.keys.indexOf(String(bar.data.id)) < (data.keys.length - 1) / 2 ? CHART_TEXT_COLOUR : '#ffffff',
    theme: chartTheme,
    legends: [
      {
        dataFrom: 'keys' as const,
        anchor: 'right' as const,
        direction: 'column' as const,
        translateX: legendWidth + 16,
        itemWidth: legendWidth,
        itemHeight: 22,
        symbolSize: 12,
      },
    ],
  };
}

export function ragSummaryProps(data: RagSummaryData) {
  const keys = RAG_BUCKETS.map((bucket) => RAG_BUCKET_LABELS[bucket]);
  const colourOf = new Map(RAG_BUCKETS.map((bucket) => [RAG_BUCKET_LABELS[bucket], RAG_COLOURS[bucket]]));
  // Horizontal bars are drawn from the bottom up: reversed, the first priority is at the top.
  const rows: BarDatum[] = [...data.priorities].reverse().map((priority) => {
    const datum: BarDatum = { priority: truncate(priority.short, 44) };
    for (const bucket of RAG_BUCKETS) datum[RAG_BUCKET_LABELS[bucket]] = priority.counts[bucket];
    return datum;
  });
  const most = Math.max(
    1,
    ...data.priorities.map((priority) => RAG_BUCKETS.reduce((sum, bucket) => sum + priority.counts[bucket], 0)),
  );
  const labelWidth = Math.min(320, textWidth(longest(rows.map((row) => String(row.priority)))) + 16);
  return {
    data: rows,
    keys,
    indexBy: 'priority',
    layout: 'horizontal' as const,
    groupMode: 'stacked' as const,
    colors: (bar: { id: string | number }) => colourOf.get(String(bar.id)) ?? RAG_COLOURS.none,
    margin: { top: 16, right: 120, bottom: 56, left: labelWidth },
    padding: 0.3,
    valueScale: { type: 'linear' as const, min: 0, max: most },
    axisBottom: {
      legend: 'Indicators',
      legendOffset: 40,
      legendPosition: 'middle' as const,
      tickValues: Array.from({ length: most + 1 }, (_, index) => index),
      format: (value: number | string) => String(value),
    },
    axisLeft: { tickSize: 0, tickPadding: 8 },
    enableGridX: true,
    enableGridY: false,
    // The count and its RAG in words on every segment wide enough, so no segment is told by colour alone.
    label: (bar: { id: string | number; value: number | null }) => (bar.value ? `${bar.value} ${String(bar.id)}` : ''),
    labelSkipWidth: 56,
    // Dark text on amber and grey, white on green and red: each at least 4.5:1.
    labelTextColor: (bar: { data: { id: string | number } }) =>
      bar.data.id === RAG_BUCKET_LABELS.amber || bar.data.id === RAG_BUCKET_LABELS.none ? CHART_TEXT_COLOUR : '#ffffff',
    theme: chartTheme,
    legends: [
      {
        dataFrom: 'keys' as const,
        anchor: 'right' as const,
        direction: 'column' as const,
        translateX: 112,
        itemWidth: 96,
        itemHeight: 22,
        symbolSize: 12,
      },
    ],
  };
}

/** A chart kind's props, for code that draws any kind. */
export type ChartProps =
  | { readonly kind: 'trend'; readonly props: ReturnType<typeof lineProps> }
  | { readonly kind: 'bar'; readonly props: ReturnType<typeof barProps> }
  | { readonly kind: 'rag-summary'; readonly props: ReturnType<typeof ragSummaryProps> };

export function chartProps(data: ChartData): ChartProps {
  switch (data.kind) {
    case 'trend':
      return { kind: 'trend', props: lineProps(data) };
    case 'bar':
      return { kind: 'bar', props: barProps(data) };
    case 'rag-summary':
      return { kind: 'rag-summary', props: ragSummaryProps(data) };
  }
}
