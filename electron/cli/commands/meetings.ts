import { BoardpackError } from '../../../shared/errors';
import { listMeetings } from '../../../db/repositories/meetings';
import { listPackVersions } from '../../../db/repositories/pack-versions';
import { openDatabase } from '../../../db/open-database';
import { renderTextTable } from '../text-table';
import { requireOption, type Command } from '../command';

export const meetingsCommand: Command = {
  summary: 'list the meetings with their agenda items and issued pack versions',
  usage: 'boardpack meetings --db DB [--format table|json]',
  options: { db: { type: 'string' }, format: { type: 'string' } },
  async run(values, out) {
    const path = requireOption(values, 'db');
    const format = values.format ?? 'table';
    if (format !== 'table' && format !== 'json') {
      throw new BoardpackError('invalid-input', `--format must be table or json, not "${String(format)}"`, {
        field: 'format',
      });
    }
    const opened = await openDatabase(path);
    try {
      const meetings = await listMeetings(opened.db);
      const rows = [];
      for (const meeting of meetings) {
        const versions = await listPackVersions(opened.db, meeting.id);
        rows.push({ ...meeting, versions: versions.map((version) => version.number) });
      }
      if (format === 'json') {
        out.stdout(`${JSON.stringify({ meetings: rows }, null, 2)}\n`);
        return 0;
      }
      out.stdout(
        `${renderTextTable(
          ['id', 'date', 'title', 'items', 'issued versions'],
          rows.map((row) => [
            String(row.id),
            row.heldOn,
            row.title,
            String(row.itemCount),
            row.versions.length === 0 ? 'none' : row.versions.map((number) => `v${number}`).join(', '),
          ]),
        )}\n`,
      );
      return 0;
    } finally {
      await opened.close();
    }
  },
};
