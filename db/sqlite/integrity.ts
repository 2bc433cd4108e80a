import { sql, type Kysely } from 'kysely';

export interface IntegrityReport {
  /** "ok", or SQLite's own description of each problem. */
  readonly integrity: readonly string[];
  readonly foreignKeyViolations: readonly { table: string; rowid: number | null; parent: string }[];
}

/** SQLite's own checks of the file: page structure and every foreign key. */
export async function checkSqliteIntegrity(db: Kysely<any>): Promise<IntegrityReport> {
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
