/**
 * Lists made from another by replacing records in place (an edit puts the saved
 * record into the cached list) remember which places changed, so a grid of
 * 100,000 rows moves the one row that changed without comparing the lists.
 */

interface Replacement {
  readonly from: readonly unknown[];
  readonly indexes: readonly number[];
}

const replacements = new WeakMap<readonly unknown[], Replacement>();

/** A copy of `rows` with `record` at `index`, which remembers that only `index` changed. */
export function withReplaced<Row>(rows: readonly Row[], index: number, record: Row): Row[] {
  const next = rows.slice();
  next[index] = record;
  replacements.set(next, { from: rows, indexes: [index] });
  return next;
}

/** The places where `rows` differs from `from`, when `rows` was made from it by withReplaced; else null. */
export function replacedIndexes(rows: readonly unknown[], from: readonly unknown[]): readonly number[] | null {
  const replacement = replacements.get(rows);
  return replacement && replacement.from === from ? replacement.indexes : null;
}
