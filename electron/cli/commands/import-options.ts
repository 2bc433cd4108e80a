import { BoardpackError, describeWhere } from '../../../shared/errors';
import { describeUnknownName, UnknownNamesError } from '../../../db/imports/figures/unknown-names-error';
import type { CliOutput } from '../command';

export const IMPORT_FORMATS = ['text', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The --format of an import command: text (the default) or json. */
export function importFormat(values: Record<string, string | boolean | undefined>): ImportFormat {
  const format = values.format ?? 'text';
  if (typeof format !== 'string' || !IMPORT_FORMATS.includes(format as ImportFormat)) {
    throw new BoardpackError(
      'invalid-input',
      `--format must be one of ${IMPORT_FORMATS.join(', ')}, not "${String(format)}"`,
      {
        field: 'format',
      },
    );
  }
  return format as ImportFormat;
}

/**
 * Runs an import; unknown names become one line each on stderr (where, name,
 * nearest names) and a last line saying nothing was written: exit 1.
 */
export async function reportingUnknownNames(
  label: string,
  out: CliOutput,
  run: () => Promise<number>,
): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof UnknownNamesError)) throw error;
    for (const unknown of error.unknown) {
      out.stderr(`boardpack ${label}: ${describeWhere(unknown.where)}: ${describeUnknownName(unknown)}\n`);
    }
    out.stderr(
      `boardpack ${label}: nothing was written; map these names in a mapping file (--mapping FILE) or create them (--create-missing)\n`,
    );
    return 1;
  }
}

/** 1234567 → "1,234,567". */
export const thousands = (value: number): string => value.toLocaleString('en-GB');
