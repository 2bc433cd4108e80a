import { copyDatabase, type CopyReport } from '../../../db/copy/copy-database';
import { renderTextTable } from '../text-table';
import { requireOption, textOrJsonFormat, type Command } from '../command';

/** The copy as a person reads it: a line per table (rows, the start of its SHA-256) and the totals. */
function copyText(report: CopyReport): string {
  const table = renderTextTable(
    ['table', 'rows', 'sha256'],
    [
      ...report.tables.map((copied) => [copied.table, String(copied.rows), copied.sha256.slice(0, 12)]),
      [`${report.tables.length} tables`, String(report.rows), ''],
    ],
    { alignRight: [1] },
  );
  const backups = report.sourceBackups.map(
    (backup) => `The source was brought up to this version of Boardpack first; it was backed up to ${backup}\n`,
  );
  return (
    `${backups.join('')}Copied ${report.from} to ${report.to}: ${report.rows} rows in ${report.tables.length} tables, ` +
    'each read back with the same row count and SHA-256 before it was kept.\n' +
    `${table}\n`
  );
}

export const copyCommand: Command = {
  summary: "copy a partnership's whole database into a new file or an empty team database, verified",
  usage: 'boardpack copy --from LOCATION --to LOCATION [--format text|json]',
  options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' } },
  async run(values, out) {
    const from = requireOption(values, 'from');
    const to = requireOption(values, 'to');
    const format = textOrJsonFormat(values);
    const report = await copyDatabase(from, to);
    out.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : copyText(report));
    return 0;
  },
};
