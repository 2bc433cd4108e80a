import { sql, type RawBuilder } from 'kysely';
import { engineOf } from '../engine';
import type { CopyTable } from './copy-tables';
import type { RawDatabase, Row } from './raw-database';

/** Rows per page for a table without a size of its own: small enough to hold, large enough to be quick. */
export const ROWS_PER_PAGE = 2000;

/**
 * A table's rows in primary key order, a page at a time: each page starts after
 * the last key of the one before (keyset paging, so each is an index range, not
 * an ever longer OFFSET). Text keys sort byte by byte on either engine, so both
 * give the rows in the same order. `db` has no CamelCasePlugin: rows come with
 * their SQL column names.
 */
export async function* tablePages(db: RawDatabase, table: CopyTable): AsyncGenerator<Row[]> {
  const engine = engineOf(db);
  const columns = Object.keys(table.key);
  const ordered: RawBuilder<unknown>[] = columns.map((column) =>
    table.key[column] === 'text' ? engine.byteOrder(column) : sql`${sql.ref(column)}`,
  );
  const rowsPerPage = table.rowsPerPage ?? ROWS_PER_PAGE;
  let after: readonly unknown[] | null = null;
  for (;;) {
    let query = db.selectFrom(table.name).selectAll();
    if (after !== null) query = query.where(sql<boolean>`(${sql.join(ordered)}) > (${sql.join(after)})`);
    for (const expression of ordered) query = query.orderBy(expression);
    const rows = (await query.limit(rowsPerPage).execute()) as Row[];
    if (rows.length > 0) yield rows;
    if (rows.length < rowsPerPage) return;
    const lastRow = rows[rows.length - 1] as Row;
    after = columns.map((column) => lastRow[column]);
  }
}
