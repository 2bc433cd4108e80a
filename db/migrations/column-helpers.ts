import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { engineOf, type EngineSql } from '../engine';

/** How a table's integer id is generated on this engine (db/engine.ts). */
export function idColumn(db: Kysely<any>): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  const engine = engineOf(db);
  return (column) => engine.idColumn(column);
}

/** The column types where the engines differ: an 8-byte float, money in pence, a file's bytes. */
export function columnTypes(db: Kysely<any>): EngineSql['types'] {
  return engineOf(db).types;
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
