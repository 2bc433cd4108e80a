import { z } from 'zod';
import { AREA_KINDS, PERIOD_KINDS, POLARITIES, RATE_DENOMINATORS, UNITS } from './domain';

/**
 * A column mapping for a figures file, saved as JSON (`--mapping FILE`) or in
 * the database by name (`mappings.save`) and reused next quarter. Every part is
 * optional: what is missing is found from the header (db/imports/figures/column-plan.ts).
 *
 * {
 *   "layout": "wide-period",
 *   "columns": { "area": "Police Area" },
 *   "indicator": "Violence against the person",
 *   "names": {
 *     "periods": { "2012": "Apr-Dec 2012", "2013": { "create": { "label": "Apr-Dec 2013" } } },
 *     "areas": { "Total Bucks": { "id": 4 } }
 *   }
 * }
 *
 * A name in the file maps to an existing name (a string; created under that name
 * with --create-missing), an existing id (`{ "id": 4 }`), or is created
 * (`{ "create": { … } }`: used as it is when it already exists, so a mapping
 * can be run again).
 */
export const FIGURE_LAYOUTS = ['long', 'wide-period', 'wide-indicator'] as const;
export type FigureLayout = (typeof FIGURE_LAYOUTS)[number];
export const LAYOUTS = FIGURE_LAYOUTS;
export type Layout = (typeof LAYOUTS)[number];

const text = z.string().trim().min(1);
const isoDate = z.iso.date();

const indicatorCreate = z
  .strictObject({
    name: text.optional(),
    unit: z.enum(UNITS).optional(),
    ratePer: z.number().positive().optional(),
    denominator: z.enum(RATE_DENOMINATORS).optional(),
    polarity: z.enum(POLARITIES).optional(),
    source: text.optional(),
    definition: text.optional(),
  })
  .refine((create) => (create.unit === 'rate') === (create.ratePer !== undefined), {
    message: 'a rate needs ratePer (per how many), and only a rate has one',
  });

const areaCreate = z.strictObject({
  name: text.optional(),
  kind: z.enum(AREA_KINDS).optional(),
  /** The parent area, by name or alias. */
  parent: text.optional(),
  aliases: z.array(text).optional(),
});

const periodCreate = z
  .strictObject({
    label: text.optional(),
    kind: z.enum(PERIOD_KINDS).optional(),
    start: isoDate.optional(),
    end: isoDate.optional(),
  })
  .refine((create) => (create.start === undefined) === (create.end === undefined), {
    message: 'give both start and end, or neither (then they come from the label)',
  });

const target = <Create extends z.ZodType>(create: Create) =>
  z.union([text, z.strictObject({ id: z.number().int().positive() }), z.strictObject({ create })]);

export const indicatorTarget = target(indicatorCreate);
export const areaTarget = target(areaCreate);
export const periodTarget = target(periodCreate);

export const figureMapping = z.strictObject({
  layout: z.enum(LAYOUTS).optional(),
  /** The worksheet of an XLSX file; the first when absent. */
  sheet: text.optional(),
  /** Header names of the columns that are not found by their usual names. */
  columns: z
    .strictObject({
      indicator: text.optional(),
      area: text.optional(),
      period: text.optional(),
      value: text.optional(),
      note: text.optional(),
      provisional: text.optional(),
      difference: text.optional(),
      change: text.optional(),
    })
    .default({}),
  /** The one indicator of a wide-by-period file. */
  indicator: text.optional(),
  /** The one period of a wide-by-indicator file. */
  period: text.optional(),
  /** Columns to leave out (region, codes, notes). */
  ignore: z.array(text).default([]),
  /** Written as each figure's source; the file's name when absent. */
  source: text.optional(),
  /** Marks every figure provisional (a long file's provisional column decides row by row). */
  provisional: z.boolean().optional(),
  names: z
    .strictObject({
      indicators: z.record(z.string(), indicatorTarget).default({}),
      areas: z.record(z.string(), areaTarget).default({}),
      periods: z.record(z.string(), periodTarget).default({}),
    })
    .default({ indicators: {}, areas: {}, periods: {} }),
});

export type FigureMapping = z.output<typeof figureMapping>;
export type FigureMappingInput = z.input<typeof figureMapping>;
export type IndicatorTarget = z.output<typeof indicatorTarget>;
export type AreaTarget = z.output<typeof areaTarget>;
export type PeriodTarget = z.output<typeof periodTarget>;

/** A mapping's name in the database: unique whatever its case. */
export const mappingName = z
  .string()
  .trim()
  .min(1, 'give the mapping a name')
  .max(120, 'a mapping name is at most 120 characters');

/** A mapping saved in the database by name (mappings.list, mappings.save). */
export interface SavedMapping {
  readonly id: number;
  readonly name: string;
  readonly layout: Layout | null;
  readonly mapping: FigureMapping;
  readonly createdAt: string;
  readonly updatedAt: string;
}
