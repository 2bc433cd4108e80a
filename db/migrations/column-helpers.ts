import { SqliteAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * The one place migrations differ by engine: how a table's integer id is generated.
 * SQLite's INTEGER PRIMARY KEY is the rowid; elsewhere an identity column.
 */
export function idColumn(db: Kysely<any>): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return (column) =>
    sqlite ? column.primaryKey().autoIncrement() : column.primaryKey().generatedByDefaultAsIdentity();
}

/** A CHECK that a column holds one of a fixed list of words. */
export function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/** A CHECK that an integer column is a 0/1 flag. */
export function flag(column: string) {
  return sql`${sql.ref(column)} in (0, 1)`;
}

/** A CHECK that a text column holds an ISO date (YYYY-MM-DD). */
export function isoDate(column: string) {
  return sql`${sql.ref(column)} like '____-__-__'`;
}
