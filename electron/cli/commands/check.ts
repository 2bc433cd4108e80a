import { openDatabase } from '../../../db/open-database';
import { checkDatabase, type FindingStatus } from '../../../db/services/check-database';
import { requireOption, type Command } from '../command';

const LABELS: Readonly<Record<FindingStatus, string>> = {
  ok: 'ok       ',
  mismatch: 'MISMATCH ',
  unchecked: 'UNCHECKED',
};

export const checkCommand: Command = {
  // A file's pages are checked by SQLite; a team database's storage is its server's, which the report says.
  summary: 'check the database and every printed total and change against the computed ones',
  usage: 'boardpack check --db FILE [--all]',
  options: { db: { type: 'string' }, all: { type: 'boolean' } },
  async run(values, out) {
    const path = requireOption(values, 'db');
    const opened = await openDatabase(path);
    try {
      const report = await checkDatabase(opened.db);
      const count = (status: FindingStatus) => report.findings.filter((finding) => finding.status === status).length;
      const shown = values.all ? report.findings : report.findings.filter((finding) => finding.status !== 'ok');
      for (const finding of shown) out.stdout(`${LABELS[finding.status]}  ${finding.kind}: ${finding.message}\n`);
      out.stdout(
        `${report.findings.length} checks: ${count('ok')} agree, ${count('mismatch')} disagree, ${count('unchecked')} cannot be checked` +
          `${report.corrupt ? '. The file is damaged: restore it from a backup' : ''}.\n`,
      );
      return report.corrupt ? 1 : 0;
    } finally {
      await opened.close();
    }
  },
};
