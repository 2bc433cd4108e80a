import { z } from 'zod';
import type {
  Activity,
  Area,
  CheckReport,
  ComparisonResult,
  DeliveryGroup,
  Figure,
  FundingLine,
  GlossaryTerm,
  Grant,
  Indicator,
  Partner,
  Period,
  Person,
  Plan,
  Priority,
  StatedTotal,
} from '../model';
import { ACTION_METHODS } from './actions-contract';
import { method, type MethodSpec } from './contract-method';
import type { FigurePage } from './figure-page';
import { figureValue, id, version } from './fields';
import { IMPORT_METHODS } from './imports-contract';
import { MEETING_METHODS } from './meetings-contract';
import { NOTE_METHODS } from './notes-contract';
import { TEAM_METHODS } from './team-contract';
import { VIEW_METHODS } from './views-contract';
import {
  activityFields,
  activityShape,
  type DeleteImpact,
  areaFields,
  areaShape,
  deliveryGroupFields,
  deliveryGroupShape,
  figureFields,
  figureShape,
  fundingLineFields,
  fundingLineShape,
  glossaryFields,
  glossaryShape,
  grantFields,
  grantShape,
  indicatorFields,
  indicatorShape,
  partnerFields,
  partnerShape,
  periodFields,
  periodShape,
  personFields,
  personShape,
  planFields,
  planShape,
  priorityFields,
  priorityShape,
} from './records';

/**
 * The one contract between the renderer and the main process: every method the
 * renderer may call, declared once with its input schema, its output type and
 * whether it writes. The preload exposes exactly these names, main registers a
 * handler for each, and the HTTP bridge serves the same table. A method that is
 * not here does not exist.
 */

export { method, type MethodSpec } from './contract-method';

const none = z.strictObject({});

export type { DeleteImpact };

/**
 * The record-editing methods of one entity: list, create, update, delete and
 * what a delete removes. An update names the version of the record it was made
 * from (the `version` the editor last saw): when someone else has saved the
 * record since, it is refused with the code 'stale', saying who changed what
 * and when, and carrying the record as it is now (`error.current`); saving
 * again with that record's version overwrites it deliberately. A delete may
 * name its version too.
 */
function recordMethods<Shape extends z.ZodRawShape, Record>(shape: Shape, fields: z.ZodType) {
  const filter = z.strictObject(shape).partial();
  return {
    list: method<Record[]>()(z.strictObject({ where: filter.optional() }), { writes: false }),
    create: method<Record>()(fields, { writes: true }),
    update: method<Record>()(z.strictObject({ id, version, changes: filter }), { writes: true }),
    delete: method<{ readonly deleted: number }>()(z.strictObject({ id, version: version.optional() }), {
      writes: true,
    }),
    deleteImpact: method<DeleteImpact>()(z.strictObject({ id }), { writes: false }),
  };
}

type RecordMethods<Entity extends string, Shape extends z.ZodRawShape, Record> = {
  readonly [Verb in keyof ReturnType<typeof recordMethods<Shape, Record>> as `${Entity}.${Verb & string}`]: ReturnType<
    typeof recordMethods<Shape, Record>
  >[Verb];
};

function entity<Entity extends string, Shape extends z.ZodRawShape, Record>(
  name: Entity,
  shape: Shape,
  fields: z.ZodType,
): RecordMethods<Entity, Shape, Record> {
  const methods = recordMethods<Shape, Record>(shape, fields);
  return Object.fromEntries(Object.entries(methods).map(([verb, spec]) => [`${name}.${verb}`, spec])) as RecordMethods<
    Entity,
    Shape,
    Record
  >;
}

export interface AppInfo {
  readonly version: string;
  readonly databaseLocation: string;
  /** 'postgres' for a team database: the window says "Team database". */
  readonly engine: 'sqlite' | 'postgres';
  readonly partnership: string | null;
  /** True in the desktop app: files are chosen in the native dialog (files.chooseImport) and read where they are. */
  readonly nativeFileDialogs: boolean;
}

/** figures.list answers with columns, not records: see figure-page.ts. */
export type { FigurePage } from './figure-page';

export interface FigureWriteResult {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

export const CONTRACT = {
  'app.info': method<AppInfo>()(none, { writes: false }),

  ...entity<'plans', typeof planShape, Plan>('plans', planShape, planFields),
  ...entity<'priorities', typeof priorityShape, Priority>('priorities', priorityShape, priorityFields),
  ...entity<'activities', typeof activityShape, Activity>('activities', activityShape, activityFields),
  ...entity<'deliveryGroups', typeof deliveryGroupShape, DeliveryGroup>(
    'deliveryGroups',
    deliveryGroupShape,
    deliveryGroupFields,
  ),
  'deliveryGroups.priorities': method<readonly { deliveryGroupId: number; priorityId: number }[]>()(none, {
    writes: false,
  }),
  /**
   * Replaces the whole set of priorities a group delivers, made from the
   * group's `version` (as an update is): the set is the group's next version,
   * and one made from an older version is refused as 'stale', saying who set what.
   */
  'deliveryGroups.setPriorities': method<{ readonly priorityIds: readonly number[]; readonly version: number }>()(
    z.strictObject({ id, version, priorityIds: z.array(id) }),
    { writes: true },
  ),
  ...entity<'partners', typeof partnerShape, Partner>('partners', partnerShape, partnerFields),
  ...entity<'people', typeof personShape, Person>('people', personShape, personFields),
  ...entity<'areas', typeof areaShape, Area>('areas', areaShape, areaFields),
  ...entity<'periods', typeof periodShape, Period>('periods', periodShape, periodFields),
  ...entity<'indicators', typeof indicatorShape, Indicator>('indicators', indicatorShape, indicatorFields),
  ...entity<'fundingLines', typeof fundingLineShape, FundingLine>('fundingLines', fundingLineShape, fundingLineFields),
  ...entity<'grants', typeof grantShape, Grant>('grants', grantShape, grantFields),
  ...entity<'glossary', typeof glossaryShape, GlossaryTerm>('glossary', glossaryShape, glossaryFields),

  'figures.list': method<FigurePage>()(
    z.strictObject({
      indicatorId: id.optional(),
      areaId: id.optional(),
      periodId: id.optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1_000_000).optional(),
    }),
    { writes: false },
  ),
  /**
   * Writes figures by indicator, area and period: new ones added, changed ones updated, all or nothing.
   * `versions` (one per figure, in order: the version it was made from, null for a new one) refuses the
   * whole block as 'stale' when someone saved any of its figures since (a pasted block gives them).
   */
  'figures.write': method<FigureWriteResult>()(
    z
      .strictObject({
        figures: z.array(figureFields).min(1).max(100_000),
        versions: z.array(version.nullable()).optional(),
      })
      .refine((input) => input.versions === undefined || input.versions.length === input.figures.length, {
        message: 'give one version (or null for a new figure) for each figure to write',
        path: ['versions'],
      }),
    { writes: true },
  ),
  /** Changes one figure made from its `version`; refused as 'stale' when someone saved it since (see recordMethods). */
  'figures.update': method<Figure>()(
    z.strictObject({
      id,
      version,
      changes: z.strictObject(figureShape).partial().extend({ value: figureValue.optional() }),
    }),
    { writes: true },
  ),
  /** Deletes figures; `versions` (one per id, in order) refuses the delete of any figure changed since. */
  'figures.delete': method<{ readonly deleted: number }>()(
    z
      .strictObject({ ids: z.array(id).min(1), versions: z.array(version).optional() })
      .refine((input) => input.versions === undefined || input.versions.length === input.ids.length, {
        message: 'give one version for each figure to delete',
        path: ['versions'],
      }),
    { writes: true },
  ),

  'statedTotals.list': method<StatedTotal[]>()(none, { writes: false }),

  'comparison.compare': method<ComparisonResult>()(
    z.strictObject({
      indicator: z.string().trim().min(1),
      base: z.string().trim().min(1),
      current: z.string().trim().min(1),
      areas: z.array(z.string().trim().min(1)).optional(),
    }),
    { writes: false },
  ),
  'check.run': method<CheckReport>()(none, { writes: false }),

  ...IMPORT_METHODS,
  ...VIEW_METHODS,
  ...MEETING_METHODS,
  ...NOTE_METHODS,
  ...ACTION_METHODS,
  ...TEAM_METHODS,
} as const satisfies Readonly<Record<string, MethodSpec>>;

export type Contract = typeof CONTRACT;
export type MethodName = keyof Contract;
export type InputOf<Name extends MethodName> = z.input<Contract[Name]['input']>;
export type ParsedInputOf<Name extends MethodName> = z.output<Contract[Name]['input']>;
export type OutputOf<Name extends MethodName> =
  Contract[Name] extends MethodSpec<z.ZodType, infer Output> ? Output : never;

export const METHOD_NAMES = Object.keys(CONTRACT) as MethodName[];
