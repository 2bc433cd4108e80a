/**
 * The vocabulary of a community safety partnership's plan and figures, shared by
 * the database, the main process and the renderer. Plain data, no behaviour.
 */

export const AREA_KINDS = [
  'country',
  'region',
  'county',
  'police area',
  'district',
  'community board',
  'lsoa',
] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export const PERIOD_KINDS = ['financial year', 'quarter', 'month', 'range', 'survey'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * What a figure counts. `count` and `money` (integer pence) add up across areas;
 * `rate` (per `ratePer` of a denominator) and `percent` never do.
 */
export const UNITS = ['count', 'rate', 'percent', 'money'] as const;
export type Unit = (typeof UNITS)[number];

/** Which direction is good news. */
export const POLARITIES = ['lower is better', 'higher is better', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** What a rate is divided by. */
export const RATE_DENOMINATORS = ['residents', 'households', 'young people aged 10-17'] as const;
export type RateDenominator = (typeof RATE_DENOMINATORS)[number];

export const PLAN_STATUSES = ['draft', 'approved', 'completed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const ACTIVITY_STATUSES = ['not started', 'in progress', 'done', 'dropped'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const PARTNER_KINDS = ['responsible authority', 'board member', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const TARGET_KINDS = ['absolute', 'percent change'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type Marking = (typeof MARKINGS)[number];

export const AGENDA_ITEM_KINDS = [
  'paper',
  'performance table',
  'chart',
  'priority progress',
  'finance',
  'action log',
  'glossary',
  'attachment',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const ANNOTATION_KINDS = ['comment', 'proposed rag', 'question'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

/** An ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;
/** An ISO instant, YYYY-MM-DDTHH:mm:ss.sssZ. */
export type IsoDateTime = string;
/** Money, always whole pence. */
export type Pence = number;
