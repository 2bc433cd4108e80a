import { sql, type ColumnDefinitionBuilder, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import type { EngineSql, IntegrityReport } from '../engine-sql';

/**
 * `json_agg(column)` as text: the same one-scan column read as SQLite's
 * json_group_array (db/sqlite/sqlite-sql.ts). PostgreSQL feeds an aggregate
 * the rows of an ordered subquery in that order; over no rows json_agg is
 * NULL, where SQLite gives "[]".
 */
function jsonArrayOf(column: string): RawBuilder<string> {
  return sql<string>`coalesce(json_agg(${sql.ref(column)})::text, '[]')`;
}

/** double precision prints whole numbers without ".0" ("330"), so the plain aggregate serves numbers too. */
function jsonNumberArrayOf(column: string): RawBuilder<string> {
  return jsonArrayOf(column);
}

/**
 * An identity column does not advance when a row is inserted with its id given:
 * set its sequence so the next generated id is one past the largest there is.
 */
async function resetIds(db: QueryExecutorProvider, table: string): Promise<void> {
  const sequence = sql`pg_get_serial_sequence(${table}, 'id')`;
  await sql`select setval(${sequence}, coalesce(max(id), 0) + 1, false) from ${sql.table(table)}`.execute(db);
}

interface ForeignKey {
  readonly table: string;
  readonly columns: readonly string[];
  readonly parent: string;
  readonly parentColumns: readonly string[];
  readonly hasId: boolean;
}

/** The current schema's foreign keys, each with its columns in order. */
async function foreignKeys(db: QueryExecutorProvider): Promise<readonly ForeignKey[]> {
  const result = await sql<ForeignKey>`
    select child.relname::text as "table", parent.relname::text as parent,
      array(select a.attname::text from unnest(c.conkey) with ordinality as k(number, position)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.number order by k.position) as columns,
      array(select a.attname::text from unnest(c.confkey) with ordinality as k(number, position)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.number order by k.position) as parent_columns,
      exists(select 1 from pg_attribute a
        where a.attrelid = c.conrelid and a.attname = 'id' and not a.attisdropped) as has_id
    from pg_constraint c
    join pg_class child on child.oid = c.conrelid
    join pg_class parent on parent.oid = c.confrelid
    where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
    order by child.relname, c.conname`.execute(db);
  return result.rows;
}

/**
 * PostgreSQL keeps and checks its own storage: there is no integrity_check a
 * client may run (amcheck is an extension only a superuser installs), so that
 * part is left to the server and said to be. Foreign keys are checked as
 * SQLite's foreign_key_check does, every row whose key names no parent row;
 * the server refuses such a row on every write, so this finds one only where
 * checking was switched off (a constraint added NOT VALID, triggers disabled).
 */
async function checkIntegrity(db: QueryExecutorProvider): Promise<IntegrityReport> {
  const violations: { table: string; rowid: number | null; parent: string }[] = [];
  for (const key of await foreignKeys(db)) {
    const given = key.columns.map((column) => sql`${sql.ref(`child.${column}`)} is not null`);
    const matched = key.columns.map(
      (column, index) => sql`${sql.ref(`parent.${key.parentColumns[index] ?? 'id'}`)} = ${sql.ref(`child.${column}`)}`,
    );
    const rows = await sql<{ rowid: number | null }>`
      select ${key.hasId ? sql.ref('child.id') : sql`null`} as rowid
      from ${sql.table(key.table)} as child
      where ${sql.join(given, sql` and `)}
        and not exists (select 1 from ${sql.table(key.parent)} as parent where ${sql.join(matched, sql` and `)})`.execute(
      db,
    );
    for (const row of rows.rows) violations.push({ table: key.table, rowid: row.rowid, parent: key.parent });
  }
  return { integrity: null, foreignKeyViolations: violations };
}

/**
 * What only PostgreSQL understands: identity columns for ids, 8-byte floats
 * (its `real` is 4 bytes), 8-byte integers for money (its `integer` stops at
 * £21.4 million in pence), bytea for files.
 */
export const POSTGRES_SQL: EngineSql = {
  engine: 'postgres',
  types: { real: 'double precision', money: 'bigint', bytes: 'bytea' },
  idColumn: (column: ColumnDefinitionBuilder) => column.primaryKey().generatedByDefaultAsIdentity(),
  jsonArrayOf,
  jsonNumberArrayOf,
  currentRole: () => sql<string | null>`current_user`,
  // The "C" collation orders by byte, as SQLite does; the database's own may follow a language's rules.
  byteOrder: (column: string) => sql<string>`${sql.ref(column)} collate "C"`,
  resetIds,
  checkIntegrity,
};
