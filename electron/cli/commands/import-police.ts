import { importPolice, type PoliceImportResult } from '../../../db/imports/police/import-police';
import { openDatabase } from '../../../db/open-database';
import { localWriter } from '../../../db/writer';
import { requireOption, type Command, textOrJsonFormat } from '../command';
import { renderTextTable } from '../text-table';
import { thousands } from './import-options';

export const importPoliceCommand: Command = {
  summary: 'import police.uk street-level crime files (one file or a folder)',
  usage: 'boardpack import police FILE_OR_DIR --db DB [--lsoa-lookup FILE] [--format text|json]',
  positionals: ['FILE_OR_DIR'],
  options: {
    db: { type: 'string' },
    'lsoa-lookup': { type: 'string' },
    format: { type: 'string', default: 'text' },
  },
  async run(values, out, [path = '']) {
    const database = requireOption(values, 'db');
    const format = textOrJsonFormat(values);
    const lookup = values['lsoa-lookup'];
    const opened = await openDatabase(database, { dailyBackup: true });
    try {
      const result = await importPolice(opened.db, localWriter(), {
        path,
        ...(typeof lookup === 'string' ? { lsoaLookup: lookup } : {}),
      });
      out.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : textOf(result));
      return 0;
    } finally {
      await opened.close();
    }
  },
};

function textOf(result: PoliceImportResult): string {
  const months = result.months.length === 1 ? result.months[0] : `${result.months[0]} to ${result.months.at(-1)}`;
  const lines = [
    `Read ${result.files.length === 1 ? result.files[0] : `${result.files.length} files`} (${months}): ` +
      `${thousands(result.rowsRead)} rows; ${thousands(result.rowsCounted)} counted, ` +
      `${thousands(result.rowsOutsideAreas)} outside the partnership's areas, ${thousands(result.rowsWithoutLsoa)} without an LSOA.`,
  ];
  if (result.areaMatches.length > 0) {
    lines.push(`LSOAs placed: ${result.areaMatches.map((match) => `${match.lsoa} → ${match.area}`).join('; ')}.`);
  }
  if (result.outsideAreas.length > 0) {
    lines.push(
      `Outside the partnership's areas (not counted): ${result.outsideAreas
        .map((outside) => `${outside.name} ${thousands(outside.rows)}`)
        .join('; ')}.`,
    );
  }
  if (result.withoutLsoa.length > 0) {
    lines.push(
      `Without an LSOA (not counted): ${result.withoutLsoa
        .map((row) => `${row.month} ${row.crimeType} ${thousands(row.rows)}`)
        .join('; ')}.`,
    );
  }
  if (result.newCrimeTypes.length > 0) {
    lines.push(`New indicators: ${result.newCrimeTypes.map((type) => `${type.crimeType} (police.uk)`).join(', ')}.`);
  }
  const { figures } = result;
  lines.push(
    `Figures (months, and the quarters, financial years and April-to-date periods they complete): ` +
      `${thousands(figures.created)} created, ${thousands(figures.updated)} updated, ${thousands(figures.unchanged)} unchanged.`,
    '',
    renderTextTable(
      ['Month', 'Crime type', 'Area', 'Count'],
      result.counts.map((count) => [count.month, count.crimeType, count.area, thousands(count.count)]),
      { alignRight: [3] },
    ),
  );
  return `${lines.join('\n')}\n`;
}
