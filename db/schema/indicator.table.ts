import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { IsoDateTime, Polarity, RateDenominator, TargetKind, Unit } from '../../shared/domain';

export interface IndicatorTable {
  id: Generated<number>;
  name: string;
  unit: Unit;
  /** For rates: per how many of the denominator. */
  ratePer: number | null;
  denominator: RateDenominator | null;
  polarity: Polarity;
  source: string | null;
  definition: string | null;
  /** For a computed rate: the count indicator it divides by the population (migration 0002). */
  numeratorIndicatorId: number | null;
  /** The partner that owns the indicator's figures: on a team database its analysts enter them (migration 0009). */
  partnerId: number | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export interface IndicatorPriorityTable {
  indicatorId: number;
  priorityId: number;
}

/** One value per indicator, area and period. */
export interface FigureTable {
  id: Generated<number>;
  indicatorId: number;
  areaId: number;
  periodId: number;
  value: number;
  /** 1 while a partner may still revise the figure. */
  provisional: number;
  source: string | null;
  note: string | null;
  updatedAt: IsoDateTime;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export interface TargetTable {
  id: Generated<number>;
  indicatorId: number;
  areaId: number;
  periodId: number;
  /** For a percent-change target, the period the change is measured from. */
  basePeriodId: number | null;
  kind: TargetKind;
  /** Percent change as a percent (-2 is a 2% decrease), or the absolute value. */
  value: number;
  note: string | null;
  source: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

/** A difference or % change as a document prints it, kept to be checked, never shown as fact. */
export interface StatedComparisonTable {
  id: Generated<number>;
  indicatorId: number;
  areaId: number;
  basePeriodId: number;
  currentPeriodId: number;
  difference: number | null;
  changePercent: number | null;
  source: string;
}

export type IndicatorRow = Selectable<IndicatorTable>;
export type NewIndicator = Insertable<IndicatorTable>;
export type IndicatorUpdate = Updateable<IndicatorTable>;
export type FigureRow = Selectable<FigureTable>;
export type NewFigure = Insertable<FigureTable>;
export type TargetRow = Selectable<TargetTable>;
export type NewTarget = Insertable<TargetTable>;
export type StatedComparisonRow = Selectable<StatedComparisonTable>;
export type NewStatedComparison = Insertable<StatedComparisonTable>;
