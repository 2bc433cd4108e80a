import { engineOf } from '../engine';
import type { ChangeLogRow, ChangeOperation } from '../schema/change-log.table';
import type { Db } from '../schema/database';

export interface Change {
  readonly table: string;
  readonly rowId: string | number;
  readonly operation: ChangeOperation;
  readonly old: Readonly<Record<string, unknown>> | null;
  readonly new: Readonly<Record<string, unknown>> | null;
}

/** Who is writing (the person at the computer), and when: every write carries one. */
export interface Writer {
  readonly actor: string;
  readonly now: () => string;
}

const CHUNK = 500;

/**
 * Appends changes to the audit log, in the caller's transaction: who (the
 * person at the computer, and the database role the session writes as: the
 * login on a team database, null in a file), when, and each row's old → new.
 */
export async function recordChanges(db: Db, writer: Writer, changes: readonly Change[]): Promise<void> {
  const at = writer.now();
  const dbRole = engineOf(db).currentRole();
  for (let start = 0; start < changes.length; start += CHUNK) {
    await db
      .insertInto('changeLog')
      .values(
        changes.slice(start, start + CHUNK).map((change) => ({
          at,
          actor: writer.actor,
          dbRole,
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

/** A row's changes, oldest first. */
export async function listChanges(db: Db, table: string, rowId: string | number): Promise<ChangeLogRow[]> {
  return db
    .selectFrom('changeLog')
    .selectAll()
    .where('tableName', '=', table)
    .where('rowId', '=', String(rowId))
    .orderBy('id')
    .execute();
}

/** A row's latest change, or undefined when the log holds none. */
export async function latestChange(db: Db, table: string, rowId: string | number): Promise<ChangeLogRow | undefined> {
  return db
    .selectFrom('changeLog')
    .selectAll()
    .where('tableName', '=', table)
    .where('rowId', '=', String(rowId))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
