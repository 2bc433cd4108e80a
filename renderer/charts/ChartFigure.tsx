import { ResponsiveBar } from '@nivo/bar';
import { ResponsiveLine } from '@nivo/line';
import { useId, type ComponentType } from 'react';
import type { ChartData } from '../../shared/charts/chart-data';
import { chartProps } from '../../shared/charts/nivo-props';
import { ChartTable } from './ChartTable';
import './charts.css';

// nivo's prop types are generic over the datum; the props come typed from shared/charts/nivo-props.ts.
const LineChart = ResponsiveLine as unknown as ComponentType<Record<string, unknown>>;
const BarChart = ResponsiveBar as unknown as ComponentType<Record<string, unknown>>;

/**
 * A chart in the app: nivo's responsive component filling a fixed-height frame,
 * drawn from the same props as the static SVG. The frame is role="img" with the
 * chart's summary as its label (the drawing inside is presentational), and the
 * same figures are one click away as a table under "Show as table".
 */
export function ChartFigure({ data, height = 380 }: { readonly data: ChartData; readonly height?: number }) {
  const titleId = useId();
  const chart = chartProps(data);
  const common = { role: 'presentation', animate: false };
  const frameClass = `chart-frame chart-height-${height >= 440 ? 'tall' : 'normal'}`;
  return (
    <figure className="chart-figure" aria-labelledby={titleId} data-chart-kind={data.kind}>
      <figcaption id={titleId} className="chart-title">
        {data.title}
      </figcaption>
      <div className={frameClass} role="img" aria-label={data.summary}>
        {chart.kind === 'trend' ? (
          <LineChart {...chart.props} {...common} useMesh />
        ) : (
          <BarChart {...chart.props} {...common} />
        )}
      </div>
      <details className="chart-details">
        <summary>Show as table</summary>
        <ChartTable table={data.table} />
      </details>
    </figure>
  );
}
