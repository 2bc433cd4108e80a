import type { Generated, Insertable, Selectable } from 'kysely';
import type { IsoDateTime } from '../../shared/domain';

export type ChangeOperation = 'insert' | 'update' | 'delete';

/** Who changed what, when: board papers are audited. */
export interface ChangeLogTable {
  id: Generated<number>;
  at: IsoDateTime;
  /** The person at the computer. */
  actor: string;
  /** The database role that made the change: the login on a team database, null in a file (migration 0008). */
  dbRole: string | null;
  tableName: string;
  rowId: string;
  operation: ChangeOperation;
  /** JSON of the changed columns before, null for an insert. */
  oldValues: string | null;
  /** JSON of the changed columns after, null for a delete. */
  newValues: string | null;
}

export type ChangeLogRow = Selectable<ChangeLogTable>;
export type NewChangeLog = Insertable<ChangeLogTable>;
