import { CHART_KINDS, chartSpec, DEFAULT_CHART_SIZE, defaultChartKind } from '../../../shared/charts/chart-spec';
import { BoardpackError } from '../../../shared/errors';
import { openDatabase } from '../../../db/open-database';
import { findViewByName } from '../../../db/repositories/comparison-views';
import { parseOrThrow } from '../../api/parse';
import { chartSvgOfView } from '../../charts/chart-svg-of-view';
import { writeAtomically } from '../../files/write-atomically';
import { requireOption, type Command } from '../command';

function whole(values: Record<string, string | boolean | undefined>, option: string, fallback: number): number {
  const value = values[option];
  if (value === undefined) return fallback;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(number)) {
    throw new BoardpackError('invalid-input', `--${option} must be a whole number of pixels, not "${String(value)}"`, {
      field: option,
    });
  }
  return number;
}

export const chartCommand: Command = {
  summary: 'draw a saved comparison view as an SVG chart (trend, bar or RAG summary by priority)',
  usage: `boardpack chart --db DB --view NAME --out FILE.svg [--kind ${CHART_KINDS.join('|')}] [--width PX] [--height PX] [--title TEXT]`,
  options: {
    db: { type: 'string' },
    view: { type: 'string' },
    out: { type: 'string' },
    kind: { type: 'string' },
    width: { type: 'string' },
    height: { type: 'string' },
    title: { type: 'string' },
  },
  async run(values, out) {
    const path = requireOption(values, 'db');
    const name = requireOption(values, 'view');
    const file = requireOption(values, 'out');
    const kind = values.kind;
    if (kind !== undefined && !CHART_KINDS.includes(kind as never)) {
      throw new BoardpackError(
        'invalid-input',
        `--kind must be one of ${CHART_KINDS.join(', ')}, not "${String(kind)}"`,
        {
          field: 'kind',
        },
      );
    }
    const size = {
      width: whole(values, 'width', DEFAULT_CHART_SIZE.width),
      height: whole(values, 'height', DEFAULT_CHART_SIZE.height),
    };
    const opened = await openDatabase(path);
    try {
      const view = await findViewByName(opened.db, name);
      const chart = parseOrThrow(chartSpec, {
        kind: kind ?? defaultChartKind(view.spec.periods.mode),
        size,
        view: { id: view.id },
        ...(typeof values.title === 'string' ? { title: values.title } : {}),
      });
      const drawn = await chartSvgOfView(opened.db, chart);
      await writeAtomically(file, drawn.svg, 'the chart');
      out.stdout(`Wrote ${file}: ${drawn.title} (${drawn.kind}, ${drawn.width}×${drawn.height}).\n`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};
