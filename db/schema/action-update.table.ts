import type { Generated, Insertable, Selectable } from 'kysely';
import type { ActionStatus, IsoDateTime } from '../../shared/domain';

/** One entry of an action's update trail (migration 0007): a note, a change of status, or both. */
export interface ActionUpdateTable {
  id: Generated<number>;
  actionId: number;
  at: IsoDateTime;
  author: string;
  /** The note written; null for a change of status without one. */
  text: string | null;
  /** The status this entry set; null for a note alone. */
  status: ActionStatus | null;
}

export type ActionUpdateRow = Selectable<ActionUpdateTable>;
export type NewActionUpdate = Insertable<ActionUpdateTable>;
