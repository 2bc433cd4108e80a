/**
 * A chart's data, built by one pure function from an evaluated view: the
 * numbers and their printed text come from the view's cells (never recomputed),
 * with the sentence a screen reader hears and the table that stands in for the
 * chart. The app and the static SVG draw the same ChartData.
 */
import type { Rag } from '../domain';
import { BoardpackError } from '../errors';
import { listOf, ragWord } from '../views/build-view-table';
import type { EvaluatedView, ViewIndicator, ViewRow } from '../views/view-table';
import type { ChartKind } from './chart-spec';
import { headlineRag } from './headline-rag';

/** The table alternative to a chart: what it shows, as text. */
export interface ChartTable {
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns of words rather than figures (by index); the others are figures. */
  readonly textColumns?: readonly number[];
}

export interface ChartPoint {
  readonly period: string;
  readonly value: number | null;
  readonly text: string;
  readonly provisional: boolean;
}

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  readonly role: 'area' | 'total' | 'comparator';
  readonly points: readonly ChartPoint[];
}

interface ChartBase {
  readonly title: string;
  /** One or two sentences saying what the chart shows: its aria-label and the SVG's <desc>. */
  readonly summary: string;
  readonly table: ChartTable;
}

export interface TrendChartData extends ChartBase {
  readonly kind: 'trend';
  readonly indicator: string;
  readonly unitText: string;
  readonly periods: readonly string[];
  readonly series: readonly ChartSeries[];
}

export interface BarChartData extends ChartBase {
  readonly kind: 'bar';
  readonly indicator: string;
  readonly unitText: string;
  /** The periods, one bar each within an area's group. */
  readonly keys: readonly string[];
  readonly groups: readonly { readonly id: string; readonly label: string; readonly points: readonly ChartPoint[] }[];
}

export const RAG_BUCKETS = ['green', 'amber', 'red', 'none'] as const;
export type RagBucket = (typeof RAG_BUCKETS)[number];

export const RAG_BUCKET_LABELS: Readonly<Record<RagBucket, string>> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  none: 'No RAG',
};

export interface RagSummaryData extends ChartBase {
  readonly kind: 'rag-summary';
  readonly priorities: readonly {
    readonly id: string;
    readonly label: string;
    readonly short: string;
    readonly counts: Readonly<Record<RagBucket, number>>;
    readonly indicators: readonly { readonly name: string; readonly rag: Rag | null; readonly reason: string }[];
  }[];
}

export type ChartData = TrendChartData | BarChartData | RagSummaryData;

export interface ChartRequest {
  readonly kind: ChartKind;
  readonly title?: string | undefined;
  readonly indicatorId?: number | undefined;
}

const NO_PRIORITY = { id: 'none', label: 'No priority linked', short: 'No priority linked', order: '~' };

function pointsOf(view: EvaluatedView, row: ViewRow): ChartPoint[] {
  return view.periods.map((period) => {
    const cell = row.cells[`period:${period.id}`];
    const number = cell?.kind === 'number' ? cell : null;
    return {
      period: period.label,
      value: number?.value ?? null,
      text: number?.text ?? '–',
      provisional: number?.provisional ?? false,
    };
  });
}

const pointText = (point: ChartPoint): string => `${point.text}${point.provisional ? ' (provisional)' : ''}`;

function indicatorOf(view: EvaluatedView, indicatorId: number | undefined): ViewIndicator {
  const indicator =
    indicatorId === undefined ? view.indicators[0] : view.indicators.find((entry) => entry.id === indicatorId);
  if (!indicator) {
    throw new BoardpackError('invalid-input', `the view has no indicator #${String(indicatorId)} to chart`, {
      field: 'indicatorId',
    });
  }
  return indicator;
}

function titleOf(view: EvaluatedView, request: ChartRequest, indicator: ViewIndicator | null): string {
  if (request.title) return request.title;
  const span = `${view.periods[0]?.label ?? ''} to ${view.periods[view.periods.length - 1]?.label ?? ''}`;
  if (request.kind === 'rag-summary') return view.name ? `${view.name}: RAG by priority` : `RAG by priority, ${span}`;
  if (view.indicators.length > 1 && indicator) return `${indicator.name}, ${span}`;
  return view.name ?? view.title;
}

function trendData(view: EvaluatedView, request: ChartRequest): TrendChartData {
  const indicator = indicatorOf(view, request.indicatorId);
  const series = view.rows
    .filter((row) => row.indicatorId === indicator.id)
    .map((row): ChartSeries => ({ id: row.id, label: row.area, role: row.kind, points: pointsOf(view, row) }));
  const periods = view.periods.map((period) => period.label);
  const told = series.map((line) => {
    const known = line.points.filter((point) => point.value !== null);
    const [first] = known;
    const last = known[known.length - 1];
    if (!first || !last) return `${line.label} has no figures`;
    if (first === last) return `${line.label} ${pointText(first)} in ${first.period} only`;
    return `${line.label} from ${pointText(first)} in ${first.period} to ${pointText(last)} in ${last.period}`;
  });
  const title = titleOf(view, request, indicator);
  return {
    kind: 'trend',
    title,
    indicator: indicator.name,
    unitText: indicator.unitText,
    periods,
    series,
    summary: `Line chart of ${indicator.name} (${indicator.unitText}) over ${periods.length} periods, ${periods[0] ?? ''} to ${periods[periods.length - 1] ?? ''}: ${told.join('; ')}.`,
    table: {
      caption: `${title}: the figures the chart draws (${indicator.unitText})`,
      headers: ['Series', ...periods],
      rows: series.map((line) => [line.label, ...line.points.map(pointText)]),
    },
  };
}

function barData(view: EvaluatedView, request: ChartRequest): BarChartData {
  const indicator = indicatorOf(view, request.indicatorId);
  const groups = view.rows
    .filter((row) => row.indicatorId === indicator.id && row.kind === 'area')
    .map((row) => ({ id: row.id, label: row.area, points: pointsOf(view, row) }));
  const keys = view.periods.map((period) => period.label);
  const title = titleOf(view, request, indicator);
  const told = groups.map((group) => `${group.label} ${group.points.map(pointText).join(' to ')}`);
  return {
    kind: 'bar',
    title,
    indicator: indicator.name,
    unitText: indicator.unitText,
    keys,
    groups,
    summary: `Bar chart of ${indicator.name} (${indicator.unitText}) by area, ${listOf(keys)}: ${told.length > 0 ? told.join('; ') : 'no areas'}.`,
    table: {
      caption: `${title}: the figures the chart draws (${indicator.unitText})`,
      headers: ['Area', ...keys],
      rows: groups.map((group) => [group.label, ...group.points.map(pointText)]),
    },
  };
}

function ragSummaryData(view: EvaluatedView, request: ChartRequest): RagSummaryData {
  const byPriority = new Map<
    string,
    {
      id: string;
      label: string;
      short: string;
      order: string;
      indicators: RagSummaryData['priorities'][number]['indicators'][number][];
    }
  >();
  for (const indicator of view.indicators) {
    const headline = headlineRag(view, indicator.id);
    const entry = { name: indicator.name, rag: headline.rag, reason: headline.reason };
    const priorities = indicator.priorities.length > 0 ? indicator.priorities : [NO_PRIORITY];
    for (const priority of priorities) {
      const key = String(priority.id);
      const group = byPriority.get(key) ?? { ...priority, id: key, indicators: [] };
      group.indicators.push(entry);
      byPriority.set(key, group);
    }
  }
  const priorities = [...byPriority.values()]
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    .map((group) => {
      const counts: Record<RagBucket, number> = { green: 0, amber: 0, red: 0, none: 0 };
      for (const indicator of group.indicators) counts[indicator.rag ?? 'none'] += 1;
      return { id: group.id, label: group.label, short: group.short, counts, indicators: group.indicators };
    });
  const title = titleOf(view, request, null);
  const counted = (counts: Readonly<Record<RagBucket, number>>) =>
    RAG_BUCKETS.filter((bucket) => counts[bucket] > 0)
      .map((bucket) => `${counts[bucket]} ${bucket === 'none' ? 'with no RAG' : bucket}`)
      .join(', ');
  const n = view.indicators.length;
  return {
    kind: 'rag-summary',
    title,
    priorities,
    summary: `RAG summary of ${n} indicator${n === 1 ? '' : 's'} by priority: ${priorities.map((priority) => `${priority.short}: ${counted(priority.counts)}`).join('; ')}.`,
    table: {
      caption: `${title}: indicators by RAG in each priority`,
      headers: ['Priority', ...RAG_BUCKETS.map((bucket) => RAG_BUCKET_LABELS[bucket]), 'Indicators'],
      textColumns: [RAG_BUCKETS.length + 1],
      rows: priorities.map((priority) => [
        priority.label,
        ...RAG_BUCKETS.map((bucket) => String(priority.counts[bucket])),
        priority.indicators
          .map((indicator) => `${indicator.name}: ${ragWord(indicator.rag) || 'no RAG'} (${indicator.reason})`)
          .join('; '),
      ]),
    },
  };
}

/** The data of a chart of this kind drawn from this evaluated view. */
export function buildChartData(view: EvaluatedView, request: ChartRequest): ChartData {
  switch (request.kind) {
    case 'trend':
      return trendData(view, request);
    case 'bar':
      return barData(view, request);
    case 'rag-summary':
      return ragSummaryData(view, request);
  }
}
