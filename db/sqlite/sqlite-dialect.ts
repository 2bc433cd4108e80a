import type BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryCompiler } from 'kysely';

/**
 * Kysely's SQLite dialect on one better-sqlite3 connection, with one change:
 * when a write fails because the disk is full or cannot be written (SQLITE_FULL,
 * SQLITE_IOERR, …), SQLite rolls the whole transaction back by itself, and
 * Kysely's own ROLLBACK then fails with "cannot rollback - no transaction is
 * active", an error that hides the real one. Here a rollback is skipped when
 * SQLite has no transaction open any more, so the real error reaches the user.
 */
class RollbackAwareDriver extends SqliteDriver {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }

  override async rollbackToSavepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackToSavepoint(connection, savepointName, compileQuery);
  }
}

export class BoardpackSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new RollbackAwareDriver(this.sqlite);
  }
}
