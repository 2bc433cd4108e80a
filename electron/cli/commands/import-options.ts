import { describeWhere } from '../../../shared/errors';
import { describeUnknownName, UnknownNamesError } from '../../../db/imports/figures/unknown-names-error';
import type { CliOutput } from '../command';

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
