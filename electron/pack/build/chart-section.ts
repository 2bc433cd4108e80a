import { buildChartData } from '../../../shared/charts/chart-data';
import { DEFAULT_CHART_SIZE } from '../../../shared/charts/chart-spec';
import type { AgendaContentOf } from '../../../shared/pack/agenda-content';
import { evaluateViewSource } from '../../../db/services/evaluate-view';
import { plainContent, type SectionContent, type SectionContext } from './section-context';

/** A chart of a saved view: the same chart spec the app draws, as static SVG, with its numbers as a table. */
export async function chartSection(
  context: SectionContext,
  content: AgendaContentOf<'chart'>,
): Promise<SectionContent> {
  const view = await evaluateViewSource(context.db, { id: content.viewId });
  const data = buildChartData(view, { kind: content.chart, indicatorId: content.indicatorId });
  const size = DEFAULT_CHART_SIZE;
  return plainContent([
    {
      kind: 'chart',
      chart: {
        id: `${context.sectionId}:chart:1`,
        title: data.title,
        summary: data.summary,
        svg: context.chartSvg(data, size),
        width: size.width,
        height: size.height,
        table: data.table,
      },
    },
  ]);
}
