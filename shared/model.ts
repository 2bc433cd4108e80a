import type {
  ActivityStatus,
  AreaKind,
  IsoDate,
  IsoDateTime,
  PartnerKind,
  Pence,
  PeriodKind,
  PlanStatus,
  Polarity,
  RateDenominator,
  TargetKind,
  Unit,
} from './domain';
import type { ComparisonRow, StatedCheck } from './comparison';

/** The records the app works with, as repositories return them and the API carries them. */

export interface Area {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly name: string;
  readonly kind: AreaKind;
  readonly parentId: number | null;
  readonly code: string | null;
  readonly aliases: readonly string[];
}

export interface Period {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly label: string;
  readonly kind: PeriodKind;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly note: string | null;
}

export interface Indicator {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly name: string;
  readonly unit: Unit;
  readonly ratePer: number | null;
  readonly denominator: RateDenominator | null;
  readonly polarity: Polarity;
  readonly source: string | null;
  readonly definition: string | null;
  /** The partner that owns the indicator's figures: on a team database its analysts enter them. */
  readonly partnerId: number | null;
}

/** A figure as it is written: one value per indicator, area and period. */
export interface FigureInput {
  readonly indicatorId: number;
  readonly areaId: number;
  readonly periodId: number;
  readonly value: number;
  readonly provisional: boolean;
  readonly source: string | null;
  readonly note: string | null;
}

export interface Figure extends FigureInput {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly updatedAt: IsoDateTime;
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

export interface Plan {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly key: string;
  readonly title: string;
  readonly areaId: number | null;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly status: PlanStatus;
  readonly approvedOn: IsoDate | null;
  readonly approvedBy: string | null;
}

export interface Priority {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly planId: number;
  readonly position: number;
  readonly ref: string;
  readonly printedRef: string | null;
  readonly title: string;
  readonly summary: string | null;
  readonly sponsor: string | null;
}

export interface Activity {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly priorityId: number;
  readonly position: number;
  readonly challenge: string | null;
  readonly activity: string;
  readonly desiredOutcome: string | null;
  readonly specificMeasure: string | null;
  readonly globalIndicator: string | null;
  readonly lead: string | null;
  readonly status: ActivityStatus;
}

export interface FundingLine {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly planId: number;
  readonly year: string;
  readonly priorityId: number | null;
  readonly description: string;
  readonly amountPence: Pence;
  readonly fundingSource: string;
  readonly confirmed: boolean;
  readonly note: string | null;
}

export interface StatedTotal {
  readonly id: number;
  readonly planId: number;
  readonly year: string;
  readonly label: string;
  readonly fundingSource: string;
  readonly amountPence: Pence;
  /** The lines' funding sources the total covers. */
  readonly covers: readonly string[];
}

export interface Grant {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly funder: string;
  readonly recipient: string;
  readonly year: string;
  readonly amountPence: Pence;
  readonly purpose: string;
  /** A change against the previous year as the document states it; a reduction is negative. */
  readonly statedChangePercent: number | null;
  readonly statedChangePence: Pence | null;
}

export interface CompareRequest {
  readonly indicator: string;
  readonly base: string;
  readonly current: string;
  /** Area names or aliases; when absent, every area with a figure in either period. */
  readonly areas?: readonly string[];
}

export interface ComparisonResultRow extends ComparisonRow {
  /** "lower than England (19.4) and South East (15.8)", or null without comparators. */
  readonly comparators: string | null;
}

export interface ComparisonResult {
  readonly indicator: Indicator;
  /** The decimals the table's figures are shown with (the most any of them has, at most 3). */
  readonly decimals: number;
  readonly base: Period;
  readonly current: Period;
  readonly rows: readonly ComparisonResultRow[];
  /** Printed differences and % changes checked against the computed ones. */
  readonly statedChecks: readonly StatedCheck[];
}

/** ok: agrees; mismatch: disagrees or is broken; unchecked: printed, but nothing stored to check it against. */
export type FindingStatus = 'ok' | 'mismatch' | 'unchecked';

export type FindingKind =
  'integrity' | 'foreign key' | 'stated total' | 'stated comparison' | 'stated grant change' | 'area total';

export interface Finding {
  readonly kind: FindingKind;
  readonly status: FindingStatus;
  readonly message: string;
}

export interface CheckReport {
  /** True when SQLite reports the file itself damaged: the one failure that is not about content. */
  readonly corrupt: boolean;
  readonly findings: readonly Finding[];
}

export interface Partner {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly name: string;
  readonly shortName: string | null;
  readonly kind: PartnerKind;
  readonly boardMember: boolean;
}

export interface Person {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly name: string | null;
  readonly role: string;
  readonly partnerId: number | null;
}

export interface DeliveryGroup {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly name: string;
  readonly purpose: string;
  readonly cadence: string | null;
  readonly lead: string | null;
}

export interface GlossaryTerm {
  readonly id: number;
  /** The row's version when read: an edit names it, and one made from an older version is refused. */
  readonly version: number;
  readonly term: string;
  readonly definition: string;
}
