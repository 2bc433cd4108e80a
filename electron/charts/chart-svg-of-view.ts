import { buildChartData } from '../../shared/charts/chart-data';
import type { ChartSpec } from '../../shared/charts/chart-spec';
import type { ChartSvg } from '../../shared/charts/chart-svg';
import type { Db } from '../../db/schema/database';
import { evaluateViewSource } from '../../db/services/evaluate-view';
import { fileStem } from '../../db/services/view-exports';
import { renderChartSvg } from './render-chart-svg';

/** A chart spec drawn: its view evaluated, the chart's data built from it, the SVG rendered in Node. */
export async function chartSvgOfView(db: Db, chart: ChartSpec): Promise<ChartSvg> {
  const view = await evaluateViewSource(db, chart.view);
  const data = buildChartData(view, chart);
  return {
    kind: chart.kind,
    title: data.title,
    summary: data.summary,
    width: chart.size.width,
    height: chart.size.height,
    fileName: `${fileStem(view)}-${chart.kind}.svg`,
    svg: renderChartSvg(data, chart.size),
  };
}
