import type { Generated, Insertable, Selectable } from 'kysely';
import type { IsoDate, PeriodKind } from '../../shared/domain';

export interface PeriodTable {
  id: Generated<number>;
  label: string;
  kind: PeriodKind;
  startDate: IsoDate;
  endDate: IsoDate;
  note: string | null;
}

export type PeriodRow = Selectable<PeriodTable>;
export type NewPeriod = Insertable<PeriodTable>;
