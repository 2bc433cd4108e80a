import { BoardpackError, type ErrorWhere } from '../../shared/errors';
import { normaliseName, suggestion } from '../../shared/names';

export interface Named {
  readonly id: number;
  readonly names: readonly string[];
}

/**
 * Finds the one entry a typed name refers to (case, dashes and spacing ignored).
 * Unknown names fail with the nearest names suggested; a name shared by two
 * entries fails as ambiguous rather than picking one.
 */
export function resolveName<Entry extends Named>(
  what: string,
  name: string,
  entries: readonly Entry[],
  where?: ErrorWhere,
): Entry {
  const wanted = normaliseName(name);
  const matches = entries.filter((entry) => entry.names.some((candidate) => normaliseName(candidate) === wanted));
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new BoardpackError('ambiguous', `${what} "${name}" matches ${matches.length} entries`, where);
  }
  const all = entries.flatMap((entry) => entry.names);
  throw new BoardpackError('not-found', `unknown ${what} "${name}"${suggestion(name, all)}`, where);
}
