import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PACK_EXPORT_FORMATS, type PackExportFormat } from '../../../shared/api/meetings-contract';
import { BoardpackError } from '../../../shared/errors';
import type { ViewFile } from '../../../shared/views/view-file';
import type { DispatchContext } from '../../api/dispatch';
import { csvTables } from '../../pack/csv/pack-tables';
import { writeAtomically } from '../../files/write-atomically';
import { requireOption, type CliOutput, type Command } from '../command';
import { call, withPackContext } from './pack-context';

type Values = Record<string, string | boolean | undefined>;

/** Writes one exported file atomically (an interrupted export leaves nothing half-written at the path). */
const writeExport = (path: string, file: ViewFile): Promise<void> =>
  writeAtomically(path, Buffer.from(file.content, file.encoding), 'the pack');

function formatOf(values: Values): PackExportFormat {
  const format = requireOption(values, 'format');
  const known = PACK_EXPORT_FORMATS.find((candidate) => candidate === format);
  if (!known) {
    throw new BoardpackError(
      'invalid-input',
      `--format must be one of ${PACK_EXPORT_FORMATS.join(', ')}, not "${format}"`,
      { field: 'format' },
    );
  }
  return known;
}

function versionOf(values: Values): number | undefined {
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

/** Writes the pack to `out`: one file, or for csv one file per table into the folder `out`. */
async function exportTo(
  context: DispatchContext,
  source: { meetingId: number; version?: number; withNotes?: boolean },
  format: PackExportFormat,
  out: string,
  progress: CliOutput,
): Promise<string[]> {
  if (format !== 'csv') {
    await writeExport(out, await call(context, 'pack.export', { ...source, format }));
    return [out];
  }
  const pack = await call(context, 'pack.build', source);
  await mkdir(out, { recursive: true });
  const written: string[] = [];
  for (const table of csvTables(pack.document)) {
    const file = await call(context, 'pack.export', { ...source, withNotes: false, format, tableId: table.id });
    const path = join(out, file.fileName);
    await writeExport(path, file);
    progress.stderr(`wrote ${path}\n`);
    written.push(path);
  }
  return written;
}

export const exportCommand: Command = {
  summary: "write a meeting's board pack (pdf, docx, html, or a csv per table), the draft or an issued version",
  usage:
    'boardpack export --db DB --meeting ID_OR_TITLE --format pdf|docx|html|csv --out PATH [--version N [--with-notes]]',
  options: {
    db: { type: 'string' },
    meeting: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    'with-notes': { type: 'boolean' },
  },
  async run(values, out) {
    const db = requireOption(values, 'db');
    const meeting = requireOption(values, 'meeting');
    const format = formatOf(values);
    const target = requireOption(values, 'out');
    const version = versionOf(values);
    return withPackContext({ db, meeting, printsPdf: format === 'pdf' }, async ({ context, meeting: found }) => {
      out.stderr(`building the ${format} pack of "${found.title}"${version ? ` (version ${version})` : ' (draft)'}\n`);
      const source = {
        meetingId: found.id,
        ...(version === undefined ? {} : { version }),
        ...(values['with-notes'] === true ? { withNotes: true } : {}),
      };
      const written = await exportTo(context, source, format, target, out);
      out.stdout(`Wrote ${written.length === 1 ? (written[0] ?? target) : `${written.length} files to ${target}`}\n`);
      return 0;
    });
  },
};
