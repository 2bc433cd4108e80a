import { z } from 'zod';
import { viewSource } from '../views/view-spec';

/**
 * One chart spec for every place a chart is drawn: the app (responsive nivo
 * components), the pack and the command line (static SVG rendered in Node). The
 * chart's data is always built from an evaluated comparison view by
 * buildChartData, so a chart never says something its table does not.
 */

export const CHART_KINDS = ['trend', 'bar', 'rag-summary'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export const CHART_KIND_LABELS: Readonly<Record<ChartKind, string>> = {
  trend: 'Trend (line over the periods)',
  bar: 'Bar (areas, period beside period)',
  'rag-summary': 'RAG summary by priority',
};

export const chartSize = z.strictObject({
  width: z.number().int().min(240, 'a chart is at least 240 wide').max(2400, 'a chart is at most 2400 wide'),
  height: z.number().int().min(160, 'a chart is at least 160 high').max(1600, 'a chart is at most 1600 high'),
});
export type ChartSize = z.output<typeof chartSize>;

export const DEFAULT_CHART_SIZE: ChartSize = { width: 760, height: 400 };

export const chartSpec = z.strictObject({
  kind: z.enum(CHART_KINDS),
  /** Default: the view's name, else its title. */
  title: z.string().trim().min(1).max(200).optional(),
  /** Pixels of the static SVG; the app's chart fills its frame instead. */
  size: chartSize.default(DEFAULT_CHART_SIZE),
  /** Which of the view's indicators a trend or bar chart draws; default its first. */
  indicatorId: z.number().int().positive().optional(),
  /** The view the chart is drawn from: a saved one by id, or an unsaved spec. */
  view: viewSource,
});
export type ChartSpec = z.output<typeof chartSpec>;
export type ChartSpecInput = z.input<typeof chartSpec>;

/** The chart that suits a view unless another is asked for: a trend for a trend view, bars for two periods. */
export const defaultChartKind = (mode: 'compare' | 'trend'): ChartKind => (mode === 'trend' ? 'trend' : 'bar');
