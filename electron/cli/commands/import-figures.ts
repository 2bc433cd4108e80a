import { importFigures, type FigureImportResult } from '../../../db/imports/figures/import-figures';
import { LAYOUTS, loadFigureMapping, saveFigureMapping, type Layout } from '../../../db/imports/figures/figure-mapping';
import { openDatabase } from '../../../db/open-database';
import { localWriter } from '../../../db/writer';
import { BoardpackError } from '../../../shared/errors';
import { requireOption, type Command, textOrJsonFormat } from '../command';
import { renderTextTable } from '../text-table';
import { reportingUnknownNames, thousands } from './import-options';

const optionalString = (value: string | boolean | undefined): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

function layoutOf(value: string | boolean | undefined): Layout | undefined {
  const layout = optionalString(value);
  if (layout !== undefined && !LAYOUTS.includes(layout as Layout)) {
    throw new BoardpackError('invalid-input', `--layout must be one of ${LAYOUTS.join(', ')}, not "${layout}"`, {
      field: 'layout',
    });
  }
  return layout as Layout | undefined;
}

export const importFiguresCommand: Command = {
  summary: 'import figures from a CSV or XLSX file (long, wide by period or wide by indicator)',
  usage:
    'boardpack import figures FILE --db DB [--mapping FILE] [--period NAME] [--indicator NAME] ' +
    '[--layout long|wide-period|wide-indicator] [--create-missing] [--dry-run] [--save-mapping FILE] [--format text|json]',
  positionals: ['FILE'],
  options: {
    db: { type: 'string' },
    mapping: { type: 'string' },
    period: { type: 'string' },
    indicator: { type: 'string' },
    layout: { type: 'string' },
    'create-missing': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'save-mapping': { type: 'string' },
    format: { type: 'string', default: 'text' },
  },
  async run(values, out, [file = '']) {
    const path = requireOption(values, 'db');
    const format = textOrJsonFormat(values);
    const layout = layoutOf(values.layout);
    const mappingFile = optionalString(values.mapping);
    const mapping = mappingFile === undefined ? undefined : loadFigureMapping(mappingFile);
    const period = optionalString(values.period);
    const indicator = optionalString(values.indicator);
    const opened = await openDatabase(path, { dailyBackup: true });
    try {
      return await reportingUnknownNames('import figures', out, async () => {
        const result = await importFigures(opened.db, localWriter(), {
          file,
          ...(mapping ? { mapping } : {}),
          ...(layout ? { layout } : {}),
          ...(period ? { period } : {}),
          ...(indicator ? { indicator } : {}),
          createMissing: values['create-missing'] === true,
          dryRun: values['dry-run'] === true,
        });
        const saveTo = optionalString(values['save-mapping']);
        if (saveTo !== undefined) saveFigureMapping(saveTo, result.mapping);
        out.stdout(format === 'json' ? `${JSON.stringify(jsonOf(result), null, 2)}\n` : textOf(result));
        return 0;
      });
    } finally {
      await opened.close();
    }
  },
};

/** The result as JSON, without the mapping (saved with --save-mapping instead). */
function jsonOf(result: FigureImportResult): Omit<FigureImportResult, 'mapping'> {
  return Object.fromEntries(Object.entries(result).filter(([key]) => key !== 'mapping')) as Omit<
    FigureImportResult,
    'mapping'
  >;
}

function textOf(result: FigureImportResult): string {
  const lines = [
    `Read ${result.file} (${result.layout}): ${thousands(result.rowsRead)} rows, ${thousands(result.figuresRead)} figures` +
      `${result.skipped > 0 ? `, ${thousands(result.skipped)} empty cells skipped` : ''}.`,
    result.dryRun
      ? `Dry run, nothing written: would create ${thousands(result.created)}, update ${thousands(result.updated)}, leave ${thousands(result.unchanged)} unchanged.`
      : `Created ${thousands(result.created)}, updated ${thousands(result.updated)}, unchanged ${thousands(result.unchanged)}.`,
  ];
  const { indicators, areas, periods } = result.createdNames;
  const verb = result.dryRun ? 'Would create' : 'New';
  if (indicators.length > 0) lines.push(`${verb} indicators: ${indicators.join(', ')}`);
  if (areas.length > 0) lines.push(`${verb} areas: ${areas.join(', ')}`);
  if (periods.length > 0) lines.push(`${verb} periods: ${periods.join(', ')}`);
  const { rates } = result;
  if (rates.inserted + rates.updated > 0) {
    lines.push(`Rates recomputed: ${thousands(rates.inserted)} created, ${thousands(rates.updated)} updated.`);
  }
  const disagree = result.checks.filter((check) => !check.agrees);
  if (disagree.length > 0) {
    lines.push('Printed figures that disagree with the computed ones (reported, not imported):');
    for (const check of disagree) lines.push(`  row ${check.row}, column ${check.column}: ${check.message}`);
  }
  if (result.checks.length > disagree.length) {
    lines.push(`${result.checks.length - disagree.length} printed differences, % changes and totals agree.`);
  }
  if (result.dryRun && result.preview.length > 0) {
    lines.push(
      '',
      'First figures:',
      renderTextTable(
        ['Row', 'Column', 'Indicator', 'Area', 'Period', 'Value'],
        result.preview.map((row) => [
          String(row.row),
          row.column,
          row.indicator,
          row.area,
          row.period,
          String(row.value),
        ]),
        { alignRight: [0, 5] },
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
