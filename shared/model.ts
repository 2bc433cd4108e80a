import type { AreaKind, IsoDate, IsoDateTime, PeriodKind, Polarity, RateDenominator, TargetKind, Unit } from './domain';

/** The records the app works with, as repositories return them and the API carries them. */

export interface Area {
  readonly id: number;
  readonly name: string;
  readonly kind: AreaKind;
  readonly parentId: number | null;
  readonly code: string | null;
  readonly aliases: readonly string[];
}

export interface Period {
  readonly id: number;
  readonly label: string;
  readonly kind: PeriodKind;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly note: string | null;
}

export interface Indicator {
  readonly id: number;
  readonly name: string;
  readonly unit: Unit;
  readonly ratePer: number | null;
  readonly denominator: RateDenominator | null;
  readonly polarity: Polarity;
  readonly source: string | null;
  readonly definition: string | null;
}

export interface Figure {
  readonly id: number;
  readonly indicatorId: number;
  readonly areaId: number;
  readonly periodId: number;
  readonly value: number;
  readonly provisional: boolean;
  readonly source: string | null;
  readonly note: string | null;
  readonly updatedAt: IsoDateTime;
}

export interface FigureInput {
  readonly indicatorId: number;
  readonly areaId: number;
  readonly periodId: number;
  readonly value: number;
  readonly provisional: boolean;
  readonly source: string | null;
  readonly note: string | null;
}

export interface Target {
  readonly id: number;
  readonly indicatorId: number;
  readonly areaId: number;
  readonly periodId: number;
  readonly basePeriodId: number | null;
  readonly kind: TargetKind;
  readonly value: number;
  readonly note: string | null;
}

export interface StatedComparison {
  readonly id: number;
  readonly indicatorId: number;
  readonly areaId: number;
  readonly basePeriodId: number;
  readonly currentPeriodId: number;
  readonly difference: number | null;
  readonly changePercent: number | null;
  readonly source: string;
}
