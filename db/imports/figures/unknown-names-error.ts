import { BoardpackError, describeWhere, type ErrorWhere } from '../../../shared/errors';

export type NameKind = 'indicator' | 'area' | 'period';

/** A name in a file that matches nothing in the database, with the nearest names that do. */
export interface UnknownName {
  readonly kind: NameKind;
  /** As the file writes it. */
  readonly name: string;
  /** The name the mapping sent it to, when that does not exist either. */
  readonly mappedTo: string | null;
  /** Where the file first uses it. */
  readonly where: ErrorWhere;
  readonly suggestions: readonly string[];
}

/** One line for one unknown name: `unknown area "Aylesbry"; did you mean "Aylesbury"?`. */
export function describeUnknownName(unknown: UnknownName): string {
  const mapped = unknown.mappedTo === null ? '' : ` (mapped to "${unknown.mappedTo}", which does not exist)`;
  const hint =
    unknown.suggestions.length === 0
      ? ''
      : `; did you mean ${unknown.suggestions.map((name) => `"${name}"`).join(', ')}?`;
  return `unknown ${unknown.kind} "${unknown.name}"${mapped}${hint}`;
}

/**
 * Every name of a file that is not in the database, found by reading the whole
 * file: nothing is written until each is mapped to an existing name or created.
 * The message lists them all on one line; `unknown` keeps them as data.
 */
export class UnknownNamesError extends BoardpackError {
  readonly unknown: readonly UnknownName[];

  constructor(unknown: readonly UnknownName[]) {
    const first = unknown[0];
    super(
      'not-found',
      `${unknown
        .map((name) => `${describeUnknownName(name)} (${describeWhere(name.where)})`)
        .join(
          '; ',
        )}. Nothing was written: map these names in a mapping file (--mapping) or create them (--create-missing)`,
      first?.where,
    );
    this.name = 'UnknownNamesError';
    this.unknown = unknown;
  }
}
