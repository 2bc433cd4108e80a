import { BoardpackError } from '../../shared/errors';
import type { Row } from './raw-database';

/**
 * The rows of a table that refers to itself (an area's parent, a rate's
 * numerator, a note's conflicting copy), ordered so that every row comes after
 * the row it refers to, otherwise in the order given: a row can only be
 * inserted once its parent is there (a row may refer to itself; one referring
 * to a row that is not there is left for the target's foreign key to refuse). Rows that refer to each other in a circle
 * cannot be inserted one by one at all, and are refused.
 */
export function parentsFirst(table: string, rows: readonly Row[], key: string, parent: string): Row[] {
  const present = new Set(rows.map((row) => row[key]));
  const placed = new Set<unknown>();
  const ordered: Row[] = [];
  let waiting = rows;
  while (waiting.length > 0) {
    const next: Row[] = [];
    for (const row of waiting) {
      const refersTo = row[parent];
      const ready =
        refersTo === null ||
        refersTo === undefined ||
        refersTo === row[key] ||
        placed.has(refersTo) ||
        !present.has(refersTo);
      if (ready) {
        ordered.push(row);
        placed.add(row[key]);
      } else {
        next.push(row);
      }
    }
    if (next.length === waiting.length) {
      const ids = next.map((row) => String(row[key])).join(', ');
      throw new BoardpackError(
        'invalid-input',
        `the rows of ${table} with ${key} ${ids} refer to each other in a circle (${parent}), so they cannot be ` +
          'copied one after another; change one of them first',
      );
    }
    waiting = next;
  }
  return ordered;
}
