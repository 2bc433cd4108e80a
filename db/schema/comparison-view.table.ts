import type { Generated, Insertable, Selectable } from 'kysely';
import type { IsoDateTime } from '../../shared/domain';

/** A comparison view saved by name (migration 0003); `spec` is JSON of shared/views' ViewSpec. */
export interface ComparisonViewTable {
  id: Generated<number>;
  name: string;
  spec: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export type ComparisonViewRow = Selectable<ComparisonViewTable>;
export type NewComparisonView = Insertable<ComparisonViewTable>;
