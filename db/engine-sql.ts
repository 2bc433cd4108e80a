import type { ColumnDefinitionBuilder, QueryExecutorProvider, RawBuilder } from 'kysely';

export type EngineName = 'sqlite' | 'postgres';

/**
 * The small per-engine module: everything in SQL that SQLite and PostgreSQL
 * spell differently, and nothing else. Repositories, migrations and the demo
 * loader use Kysely's builder and, where the engines differ, ask here.
 */
export interface EngineSql {
  readonly engine: EngineName;
  /** Column types where the engines differ: an 8-byte float, money in pence, a file's bytes. */
  readonly types: {
    readonly real: 'real' | 'double precision';
    readonly money: 'integer' | 'bigint';
    readonly bytes: 'blob' | 'bytea';
  };
  /** A table's generated integer id. */
  idColumn(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** One column of every row read, as the text of a JSON array, in the order the rows arrive. */
  jsonArrayOf(column: string): RawBuilder<string>;
  /** The same for a number column, whole numbers written without a fraction. */
  jsonNumberArrayOf(column: string): RawBuilder<string>;
  /** The database role this session writes as: the login on a team database, null in a file (the change log's db_role). */
  currentRole(): RawBuilder<string | null>;
  /** A text column compared and sorted byte by byte: the same order on both engines, whatever the server's locale. */
  byteOrder(column: string): RawBuilder<string>;
  /** Moves a table's generated ids past its largest id, after rows were inserted with their ids given. */
  resetIds(db: QueryExecutorProvider, table: string): Promise<void>;
  /** The engine's own checks of the stored data, for `boardpack check`. */
  checkIntegrity(db: QueryExecutorProvider): Promise<IntegrityReport>;
}

/** What the engine says of the stored data itself, before any figure is checked. */
export interface IntegrityReport {
  /**
   * "ok", or SQLite's description of each problem in the file's pages; null on
   * PostgreSQL, whose server keeps and checks its own storage (Boardpack cannot).
   */
  readonly integrity: readonly string[] | null;
  /** Each row whose foreign key names a row that is not there (its id, where its table has one). */
  readonly foreignKeyViolations: readonly { table: string; rowid: number | null; parent: string }[];
}
