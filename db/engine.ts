import { PostgresAdapter, SqliteAdapter, type DialectAdapter } from 'kysely';
import { BoardpackError } from '../shared/errors';
import type { EngineSql } from './engine-sql';
import { POSTGRES_SQL } from './postgres/postgres-sql';
import { SQLITE_SQL } from './sqlite/sqlite-sql';

export type { EngineName, EngineSql, IntegrityReport } from './engine-sql';

/** The engine a Kysely instance (or transaction) talks to. */
export function engineOf(db: { getExecutor(): { readonly adapter: DialectAdapter } }): EngineSql {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return SQLITE_SQL;
  if (adapter instanceof PostgresAdapter) return POSTGRES_SQL;
  throw new BoardpackError('internal', 'the database engine is neither SQLite nor PostgreSQL');
}
