import type { ChangeLogRow, ChangeOperation } from '../schema/change-log.table';
import type { Db } from '../schema/database';

export interface Change {
  readonly table: string;
  readonly rowId: string | number;
  readonly operation: ChangeOperation;
  readonly old: Readonly<Record<string, unknown>> | null;
  readonly new: Readonly<Record<string, unknown>> | null;
}

/** Who is writing, and when: every write carries one. */
export interface Writer {
  readonly actor: string;
  readonly now: () => string;
}

const CHUNK = 500;

/** Appends changes to the audit log, in the caller's transaction. */
export async function recordChanges(db: Db, writer: Writer, changes: readonly Change[]): Promise<void> {
  const at = writer.now();
  for (let start = 0; start < changes.length; start += CHUNK) {
    await db
      .insertInto('changeLog')
      .values(
        changes.slice(start, start + CHUNK).map((change) => ({
          at,
          actor: writer.actor,
          tableName: change.table,
          rowId: String(change.rowId),
          operation: change.operation,
          oldValues: change.old === null ? null : JSON.stringify(change.old),
          newValues: change.new === null ? null : JSON.stringify(change.new),
        })),
      )
      .execute();
  }
}

export async function listChanges(db: Db, table: string, rowId: string | number): Promise<ChangeLogRow[]> {
  return db
    .selectFrom('changeLog')
    .selectAll()
    .where('tableName', '=', table)
    .where('rowId', '=', String(rowId))
    .orderBy('id')
    .execute();
}
