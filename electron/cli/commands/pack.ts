import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PACK_EXPORT_FORMATS, type PackExportFormat } from '../../../shared/api/meetings-contract';
import { BoardpackError } from '../../../shared/errors';
import type { ViewFile } from '../../../shared/views/view-file';
import { findMeeting, listMeetings } from '../../../db/repositories/meetings';
import { listPackVersions } from '../../../db/repositories/pack-versions';
import { openDatabase } from '../../../db/open-database';
import { localWriter } from '../../../db/writer';
import { dispatch, type DispatchContext } from '../../api/dispatch';
import { csvTables } from '../../pack/csv/pack-tables';
import { playwrightPrinter } from '../../pack/pdf/playwright-printer';
import { writeAtomically } from '../../files/write-atomically';
import { renderTextTable } from '../text-table';
import { requireOption, type CliOutput, type Command } from '../command';

/** Writes one exported file atomically (an interrupted export leaves nothing half-written at the path). */
const writeExport = (path: string, file: ViewFile): Promise<void> =>
  writeAtomically(path, Buffer.from(file.content, file.encoding), 'the pack');

/** Calls a contract method through dispatch, the path the app takes; an error result is thrown as it came. */
async function call(context: DispatchContext, name: string, input: unknown): Promise<unknown> {
  const result = await dispatch(context, name, input);
  if (!result.ok) throw new BoardpackError(result.error.code, result.error.message, result.error.where);
  return result.value;
}

function formatOf(values: Record<string, string | boolean | undefined>): PackExportFormat {
  const format = requireOption(values, 'format');
  const known = PACK_EXPORT_FORMATS.find((candidate) => candidate === format);
  if (!known) {
    throw new BoardpackError(
      'invalid-input',
      `--format must be one of ${PACK_EXPORT_FORMATS.join(', ')}, not "${format}"`,
      {
        field: 'format',
      },
    );
  }
  return known;
}

function versionOf(values: Record<string, string | boolean | undefined>): number | undefined {
  const value = values.version;
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(number) || number < 1) {
    throw new BoardpackError('invalid-input', `--version must be a version number (1, 2, …), not "${String(value)}"`, {
      field: 'version',
    });
  }
  return number;
}

async function exportTo(
  context: DispatchContext,
  source: { meetingId: number; version?: number },
  format: PackExportFormat,
  out: string,
  progress: CliOutput,
): Promise<string[]> {
  if (format !== 'csv') {
    const file = (await call(context, 'pack.export', { ...source, format })) as ViewFile;
    await writeExport(out, file);
    return [out];
  }
  const pack = (await call(context, 'pack.build', source)) as { document: Parameters<typeof csvTables>[0] };
  await mkdir(out, { recursive: true });
  const written: string[] = [];
  for (const table of csvTables(pack.document)) {
    const file = (await call(context, 'pack.export', { ...source, format, tableId: table.id })) as ViewFile;
    const path = join(out, file.fileName);
    await writeExport(path, file);
    progress.stderr(`wrote ${path}\n`);
    written.push(path);
  }
  return written;
}

export const packCommand: Command = {
  summary: "export a meeting's board pack (pdf, docx, html, or a csv per table), issuing it first if asked",
  usage:
    'boardpack pack --db DB --meeting ID_OR_TITLE [--version N] --format pdf|docx|html|csv --out FILE_OR_DIR [--issue]',
  options: {
    db: { type: 'string' },
    meeting: { type: 'string' },
    version: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    issue: { type: 'boolean' },
  },
  async run(values, out) {
    const path = requireOption(values, 'db');
    const wanted = requireOption(values, 'meeting');
    const format = formatOf(values);
    const target = requireOption(values, 'out');
    let version = versionOf(values);
    if (version !== undefined && values.issue) {
      throw new BoardpackError('invalid-input', '--issue makes a new version: give --issue or --version, not both', {
        field: 'issue',
      });
    }
    const opened = await openDatabase(path);
    const printer = format === 'pdf' ? playwrightPrinter() : undefined;
    try {
      const context: DispatchContext = {
        db: opened.db,
        writer: localWriter(),
        databasePath: path,
        version: 'command line',
        ...(printer ? { printer } : {}),
      };
      const meeting = await findMeeting(opened.db, wanted);
      if (values.issue) {
        const issued = (await call(context, 'pack.issue', { meetingId: meeting.id })) as { number: number };
        version = issued.number;
        out.stderr(`issued version ${issued.number} of "${meeting.title}"\n`);
      }
      out.stderr(
        `building the ${format} pack of "${meeting.title}"${version ? ` (version ${version})` : ' (draft)'}\n`,
      );
      const source = { meetingId: meeting.id, ...(version === undefined ? {} : { version }) };
      const written = await exportTo(context, source, format, target, out);
      out.stdout(`Wrote ${written.length === 1 ? (written[0] ?? target) : `${written.length} files to ${target}`}\n`);
      return 0;
    } finally {
      await printer?.close();
      await opened.close();
    }
  },
};

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
