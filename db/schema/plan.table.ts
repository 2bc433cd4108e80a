import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ActivityStatus, IsoDate, IsoDateTime, PlanStatus } from '../../shared/domain';

export interface PlanTable {
  id: Generated<number>;
  /** Short stable key ("sbp-2014-15") used by files and the command line. */
  key: string;
  title: string;
  areaId: number | null;
  startDate: IsoDate;
  endDate: IsoDate;
  status: PlanStatus;
  approvedOn: IsoDate | null;
  approvedBy: string | null;
  source: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export interface PriorityTable {
  id: Generated<number>;
  planId: number;
  position: number;
  /** The number the board uses ("6.2"). */
  ref: string;
  /** The number as printed where the document misnumbers it ("5.2"). */
  printedRef: string | null;
  title: string;
  summary: string | null;
  sponsor: string | null;
  source: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export interface ActivityTable {
  id: Generated<number>;
  priorityId: number;
  position: number;
  challenge: string | null;
  activity: string;
  desiredOutcome: string | null;
  specificMeasure: string | null;
  globalIndicator: string | null;
  lead: string | null;
  status: ActivityStatus;
  source: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export interface ProgressUpdateTable {
  id: Generated<number>;
  /** Exactly one of priorityId and activityId is set. */
  priorityId: number | null;
  activityId: number | null;
  periodId: number;
  text: string;
  author: string | null;
  createdAt: IsoDateTime;
  source: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export interface DeliveryGroupTable {
  id: Generated<number>;
  name: string;
  purpose: string;
  cadence: string | null;
  lead: string | null;
  source: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export interface DeliveryGroupPriorityTable {
  deliveryGroupId: number;
  priorityId: number;
}

export type PlanRow = Selectable<PlanTable>;
export type NewPlan = Insertable<PlanTable>;
export type PlanUpdate = Updateable<PlanTable>;
export type PriorityRow = Selectable<PriorityTable>;
export type NewPriority = Insertable<PriorityTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type NewActivity = Insertable<ActivityTable>;
export type ActivityUpdate = Updateable<ActivityTable>;
export type ProgressUpdateRow = Selectable<ProgressUpdateTable>;
export type NewProgressUpdate = Insertable<ProgressUpdateTable>;
export type DeliveryGroupRow = Selectable<DeliveryGroupTable>;
export type NewDeliveryGroup = Insertable<DeliveryGroupTable>;
