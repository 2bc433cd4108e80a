import type { Database } from '../schema/database';

/** How deleting a row treats rows that refer to it (as the migrations declare). */
export type OnDelete = 'cascade' | 'restrict' | 'set null';

export interface Dependent {
  readonly table: keyof Database;
  readonly column: string;
  readonly onDelete: OnDelete;
}

/** What the generic record repository needs to know of an editable table. */
export interface RecordSpec {
  readonly table: keyof Database;
  /** One record and many, in words: "period", "periods". */
  readonly one: string;
  readonly many: string;
  readonly columns: readonly string[];
  /** Columns held as 0/1 in the database and as booleans in records. */
  readonly flags: readonly string[];
  readonly orderBy: readonly string[];
  readonly dependents: readonly Dependent[];
  /** A column stamped with the time of every insert and update ("updatedAt"). */
  readonly touch?: string;
  /** The columns that name a row in a sentence, the first one set wins ("area Wycombe"). */
  readonly nameColumns: readonly string[];
  /** The column a sentence may name without its name ("changed … from 410 to 412"): a figure's value. */
  readonly mainColumn?: string;
}

const spec = (s: RecordSpec): RecordSpec => s;

/** Every table's words and dependents, for tables that appear as dependents only too. */
export const RECORD_SPECS = {
  plan: spec({
    table: 'plan',
    nameColumns: ['title', 'key'],
    one: 'plan',
    many: 'plans',
    columns: ['key', 'title', 'areaId', 'startDate', 'endDate', 'status', 'approvedOn', 'approvedBy'],
    flags: [],
    orderBy: ['startDate', 'key'],
    dependents: [
      { table: 'priority', column: 'planId', onDelete: 'cascade' },
      { table: 'fundingLine', column: 'planId', onDelete: 'cascade' },
      { table: 'statedTotal', column: 'planId', onDelete: 'cascade' },
    ],
  }),
  priority: spec({
    table: 'priority',
    nameColumns: ['ref', 'title'],
    one: 'priority',
    many: 'priorities',
    columns: ['planId', 'position', 'ref', 'printedRef', 'title', 'summary', 'sponsor'],
    flags: [],
    orderBy: ['planId', 'position'],
    dependents: [
      { table: 'activity', column: 'priorityId', onDelete: 'cascade' },
      { table: 'progressUpdate', column: 'priorityId', onDelete: 'cascade' },
      { table: 'deliveryGroupPriority', column: 'priorityId', onDelete: 'cascade' },
      { table: 'indicatorPriority', column: 'priorityId', onDelete: 'cascade' },
      { table: 'fundingLine', column: 'priorityId', onDelete: 'set null' },
      { table: 'action', column: 'priorityId', onDelete: 'set null' },
    ],
  }),
  activity: spec({
    table: 'activity',
    nameColumns: ['activity'],
    one: 'activity',
    many: 'activities',
    columns: [
      'priorityId',
      'position',
      'challenge',
      'activity',
      'desiredOutcome',
      'specificMeasure',
      'globalIndicator',
      'lead',
      'status',
    ],
    flags: [],
    orderBy: ['priorityId', 'position'],
    dependents: [
      { table: 'progressUpdate', column: 'activityId', onDelete: 'cascade' },
      { table: 'fundingLine', column: 'activityId', onDelete: 'set null' },
    ],
  }),
  deliveryGroup: spec({
    table: 'deliveryGroup',
    nameColumns: ['name'],
    one: 'delivery group',
    many: 'delivery groups',
    columns: ['name', 'purpose', 'cadence', 'lead'],
    flags: [],
    orderBy: ['name'],
    dependents: [{ table: 'deliveryGroupPriority', column: 'deliveryGroupId', onDelete: 'cascade' }],
  }),
  partner: spec({
    table: 'partner',
    nameColumns: ['name'],
    one: 'partner',
    many: 'partners',
    columns: ['name', 'shortName', 'kind', 'boardMember'],
    flags: ['boardMember'],
    orderBy: ['name'],
    dependents: [
      { table: 'person', column: 'partnerId', onDelete: 'set null' },
      { table: 'indicator', column: 'partnerId', onDelete: 'set null' },
      { table: 'teamMember', column: 'partnerId', onDelete: 'restrict' },
    ],
  }),
  person: spec({
    table: 'person',
    nameColumns: ['name', 'role'],
    one: 'person',
    many: 'people',
    columns: ['name', 'role', 'partnerId'],
    flags: [],
    orderBy: ['id'],
    dependents: [],
  }),
  area: spec({
    table: 'area',
    nameColumns: ['name'],
    one: 'area',
    many: 'areas',
    columns: ['name', 'kind', 'parentId', 'code'],
    flags: [],
    orderBy: ['id'],
    dependents: [
      { table: 'area', column: 'parentId', onDelete: 'restrict' },
      { table: 'areaAlias', column: 'areaId', onDelete: 'cascade' },
      { table: 'areaComparator', column: 'areaId', onDelete: 'cascade' },
      { table: 'areaComparator', column: 'comparatorId', onDelete: 'cascade' },
      { table: 'population', column: 'areaId', onDelete: 'cascade' },
      { table: 'figure', column: 'areaId', onDelete: 'cascade' },
      { table: 'target', column: 'areaId', onDelete: 'cascade' },
      { table: 'statedComparison', column: 'areaId', onDelete: 'cascade' },
      { table: 'plan', column: 'areaId', onDelete: 'set null' },
    ],
  }),
  period: spec({
    table: 'period',
    nameColumns: ['label'],
    one: 'period',
    many: 'periods',
    columns: ['label', 'kind', 'startDate', 'endDate', 'note'],
    flags: [],
    orderBy: ['startDate', 'endDate'],
    dependents: [
      { table: 'progressUpdate', column: 'periodId', onDelete: 'restrict' },
      { table: 'figure', column: 'periodId', onDelete: 'cascade' },
      { table: 'target', column: 'periodId', onDelete: 'cascade' },
      { table: 'target', column: 'basePeriodId', onDelete: 'cascade' },
      { table: 'statedComparison', column: 'basePeriodId', onDelete: 'cascade' },
      { table: 'statedComparison', column: 'currentPeriodId', onDelete: 'cascade' },
      { table: 'meeting', column: 'periodId', onDelete: 'set null' },
    ],
  }),
  indicator: spec({
    table: 'indicator',
    nameColumns: ['name'],
    one: 'indicator',
    many: 'indicators',
    columns: ['name', 'unit', 'ratePer', 'denominator', 'polarity', 'source', 'definition', 'partnerId'],
    flags: [],
    orderBy: ['name'],
    dependents: [
      { table: 'indicatorPriority', column: 'indicatorId', onDelete: 'cascade' },
      { table: 'figure', column: 'indicatorId', onDelete: 'cascade' },
      { table: 'target', column: 'indicatorId', onDelete: 'cascade' },
      { table: 'statedComparison', column: 'indicatorId', onDelete: 'cascade' },
    ],
  }),
  fundingLine: spec({
    table: 'fundingLine',
    nameColumns: ['description'],
    one: 'funding line',
    many: 'funding lines',
    columns: ['planId', 'year', 'priorityId', 'description', 'amountPence', 'fundingSource', 'confirmed', 'note'],
    flags: ['confirmed'],
    orderBy: ['planId', 'year', 'id'],
    dependents: [],
  }),
  grantAward: spec({
    table: 'grantAward',
    nameColumns: ['funder', 'purpose'],
    one: 'grant',
    many: 'grants',
    columns: ['funder', 'recipient', 'year', 'amountPence', 'purpose', 'statedChangePercent', 'statedChangePence'],
    flags: [],
    orderBy: ['year', 'id'],
    dependents: [],
  }),
  glossaryTerm: spec({
    table: 'glossaryTerm',
    nameColumns: ['term'],
    one: 'glossary term',
    many: 'glossary terms',
    columns: ['term', 'definition'],
    flags: [],
    orderBy: ['term'],
    dependents: [],
  }),
  figure: spec({
    table: 'figure',
    nameColumns: [],
    mainColumn: 'value',
    one: 'figure',
    many: 'figures',
    columns: ['indicatorId', 'areaId', 'periodId', 'value', 'provisional', 'source', 'note'],
    flags: ['provisional'],
    orderBy: ['indicatorId', 'areaId', 'periodId'],
    dependents: [],
    touch: 'updatedAt',
  }),
  progressUpdate: spec({
    table: 'progressUpdate',
    nameColumns: ['text'],
    one: 'progress update',
    many: 'progress updates',
    columns: [],
    flags: [],
    orderBy: ['id'],
    dependents: [],
  }),
} as const satisfies Readonly<Partial<Record<keyof Database, RecordSpec>>>;

export type RecordTable = keyof typeof RECORD_SPECS;

/** Words for tables that are only ever dependents ("3 targets"). */
const DEPENDENT_WORDS: Readonly<Partial<Record<keyof Database, string>>> = {
  areaAlias: 'area aliases',
  areaComparator: 'comparator links',
  population: 'population figures',
  target: 'targets',
  statedComparison: 'printed comparisons',
  deliveryGroupPriority: 'delivery group links',
  indicatorPriority: 'indicator links',
  statedTotal: 'stated totals',
  action: 'actions',
  meeting: 'meetings',
  teamMember: 'team members',
};

/** A table's spec, when it has one. */
export function specFor(table: keyof Database): RecordSpec | undefined {
  return (RECORD_SPECS as Readonly<Partial<Record<keyof Database, RecordSpec>>>)[table];
}

export function wordsFor(table: keyof Database): string {
  return specFor(table)?.many ?? DEPENDENT_WORDS[table] ?? table;
}

/** One record of a table, in words ("delivery group"). */
export function wordFor(table: keyof Database): string {
  return specFor(table)?.one ?? table;
}
