import type { Generated, Insertable, Selectable } from 'kysely';
import type { IsoDateTime } from '../../shared/domain';

/** A comparison view saved by name (migration 0003); `spec` is JSON of shared/views' ViewSpec. */
export interface ComparisonViewTable {
  id: Generated<number>;
  name: string;
  spec: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export type ComparisonViewRow = Selectable<ComparisonViewTable>;
export type NewComparisonView = Insertable<ComparisonViewTable>;
