import type { Generated, Insertable, Selectable } from 'kysely';
import type { IsoDate, PeriodKind } from '../../shared/domain';

export interface PeriodTable {
  id: Generated<number>;
  label: string;
  kind: PeriodKind;
  startDate: IsoDate;
  endDate: IsoDate;
  note: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export type PeriodRow = Selectable<PeriodTable>;
export type NewPeriod = Insertable<PeriodTable>;
