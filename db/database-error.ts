import { fromPostgresError } from './postgres/postgres-error';
import { wordFor } from './repositories/record-specs';
import type { Database } from './schema/database';
import { fromSqliteConstraint } from './sqlite/constraint-error';
import { fromSqliteError } from './sqlite/sqlite-error';

/**
 * Whatever the engine said (a constraint, a full disk, a refused role, a lost
 * connection) as a BoardpackError in words a secretary can act on, naming the
 * field where it can. Anything neither engine's mapping knows is returned unchanged.
 */
export function fromDatabaseError(error: unknown): unknown {
  const describe = (table: string) => wordFor(table as keyof Database);
  return fromPostgresError(fromSqliteError(fromSqliteConstraint(error, describe)), describe);
}
