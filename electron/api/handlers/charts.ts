import { chartSvgOfView } from '../../charts/chart-svg-of-view';
import type { HandlerTable } from '../context';

/** Charts drawn from comparison views as static SVG (the pack's and the command line's drawing). */
export const chartHandlers = {
  'charts.svg': (context, input) => chartSvgOfView(context.db, input),
} satisfies Partial<HandlerTable>;
