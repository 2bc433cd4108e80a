import { sql, type QueryExecutorProvider } from 'kysely';
import type { IntegrityReport } from '../engine-sql';

/** SQLite's own checks of the file: page structure and every foreign key. */
export async function checkSqliteIntegrity(db: QueryExecutorProvider): Promise<IntegrityReport> {
  const integrity = await sql<{ integrityCheck: string }>`pragma integrity_check`.execute(db);
  const foreignKeys = await sql<{
    table: string;
    rowid: number | null;
    parent: string;
  }>`pragma foreign_key_check`.execute(db);
  return {
    integrity: integrity.rows.map((row) => Object.values(row)[0] as string),
    foreignKeyViolations: foreignKeys.rows,
  };
}
