import type { RawDatabase, Row } from './raw-database';

/** SQLite binds at most 32,766 parameters to a statement, PostgreSQL 65,535: each insert stays under both. */
export const PARAMETERS_PER_STATEMENT = 32_766;

/** Inserts rows as they are (ids included), as many to a statement as its parameters allow. */
export async function insertRows(db: RawDatabase, table: string, rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Math.max(1, Object.keys(first).length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + perStatement))
      .execute();
  }
}
