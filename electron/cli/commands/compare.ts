import { stringify } from 'csv-stringify/sync';
import { formatValue } from '../../../shared/comparison';
import { BoardpackError } from '../../../shared/errors';
import { openDatabase } from '../../../db/open-database';
import { compareFigures } from '../../../db/services/compare-figures';
import type { ComparisonResult } from '../../../shared/model';
import { csvSafe } from '../../../shared/views/csv-safe';
import { requireOption, type Command } from '../command';
import { renderTextTable } from '../text-table';

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const compareCommand: Command = {
  summary: 'compare an indicator between two periods, area by area, with totals, change, target and RAG',
  usage:
    'boardpack compare --db FILE --indicator NAME --base PERIOD --current PERIOD [--areas A,B] [--format table|csv|json]',
  options: {
    db: { type: 'string' },
    indicator: { type: 'string' },
    base: { type: 'string' },
    current: { type: 'string' },
    areas: { type: 'string' },
    format: { type: 'string', default: 'table' },
  },
  async run(values, out) {
    const path = requireOption(values, 'db');
    const format = values.format as string;
    if (!FORMATS.includes(format as Format)) {
      throw new BoardpackError('invalid-input', `--format must be one of ${FORMATS.join(', ')}, not "${format}"`, {
        field: 'format',
      });
    }
    const areas =
      typeof values.areas === 'string'
        ? values.areas
            .split(',')
            .map((name) => name.trim())
            .filter((name) => name !== '')
        : undefined;
    const opened = await openDatabase(path);
    try {
      const result = await compareFigures(opened.db, {
        indicator: requireOption(values, 'indicator'),
        base: requireOption(values, 'base'),
        current: requireOption(values, 'current'),
        ...(areas ? { areas } : {}),
      });
      out.stdout(render(result, format as Format));
      return 0;
    } finally {
      await opened.close();
    }
  },
};

function render(result: ComparisonResult, format: Format): string {
  const { indicator, base, current, rows } = result;
  if (format === 'json') {
    return `${JSON.stringify(
      {
        indicator: indicator.name,
        unit: indicator.unit,
        polarity: indicator.polarity,
        base: base.label,
        current: current.label,
        rows: rows.map((row) => ({
          area: row.area,
          base: row.base,
          current: row.current,
          difference: row.difference,
          change: row.change,
          changeKind: row.changeKind,
          changeText: row.changeText,
          status: row.status,
          provisional: row.provisional,
          target: row.target,
          rag: row.rag,
          ragReason: row.ragReason,
          comparators: row.comparators,
          total: row.total,
        })),
        statedChecks: result.statedChecks,
      },
      null,
      2,
    )}\n`;
  }
  const header = [
    'Area',
    base.label,
    current.label,
    'Difference',
    indicator.unit === 'percent' ? 'Change (pp)' : '% Change',
    'Target',
    'RAG',
  ];
  const body = rows.map((row) => [
    row.area,
    formatValue(row.base, indicator.unit, result.decimals),
    formatValue(row.current, indicator.unit, result.decimals),
    row.differenceText,
    row.changeText,
    row.target
      ? row.target.kind === 'percent change'
        ? `${row.target.value > 0 ? '+' : ''}${row.target.value}%`
        : formatValue(row.target.value, indicator.unit, result.decimals)
      : '',
    row.rag ?? '',
  ]);
  if (format === 'csv') return stringify([header, ...body].map((cells) => cells.map(csvSafe)));
  const lines = [
    `${indicator.name}: ${base.label} to ${current.label} (${indicator.unit}, ${indicator.polarity})`,
    '',
    renderTextTable(header, body, { alignRight: [1, 2, 3, 4, 5] }),
    '',
  ];
  const notes = [
    ...rows.filter((row) => row.provisional).map((row) => `${row.area}: provisional figures`),
    ...rows.filter((row) => row.comparators).map((row) => `${row.area} is ${row.comparators}`),
    ...rows.filter((row) => row.rag).map((row) => `${row.area}: ${row.rag}, ${row.ragReason}`),
    ...result.statedChecks
      .filter((check) => !check.agrees)
      .map((check) => `Printed figure disagrees: ${check.message}`),
  ];
  return `${[...lines, ...notes].join('\n')}\n`;
}
