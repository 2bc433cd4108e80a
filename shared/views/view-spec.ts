import { z } from 'zod';

/**
 * A comparison view as the board secretary saves it by name: which indicators,
 * which areas (and what they are compared with), which periods, and which
 * computed columns the table shows. Everything is referred to by id, so renaming
 * an area or a period never breaks a saved view; evaluating a view whose
 * indicator, area or period has since been deleted says which one is gone.
 */

const id = z.number().int().positive();
const distinct = (ids: readonly number[]): boolean => new Set(ids).size === ids.length;

/** The computed columns a view can show, in the order the table shows them. */
export const VIEW_COLUMNS = ['difference', 'change', 'target', 'rag', 'comparators'] as const;
export type ViewColumnChoice = (typeof VIEW_COLUMNS)[number];

/** What each computed column is called where people choose them. */
export const VIEW_COLUMN_LABELS: Readonly<Record<ViewColumnChoice, string>> = {
  difference: 'Difference',
  change: '% change (percentage points for percentages)',
  target: 'Target',
  rag: 'RAG',
  comparators: 'Compared with England and other comparators',
};

/** Two periods side by side, or one column per period in the order given. */
export const viewPeriods = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('compare'), baseId: id, currentId: id }).refine((p) => p.baseId !== p.currentId, {
    message: 'the base and current periods must differ',
    path: ['currentId'],
  }),
  z.strictObject({
    mode: z.literal('trend'),
    periodIds: z
      .array(id)
      .min(2, 'a trend needs at least two periods')
      .max(40, 'a trend has at most 40 periods')
      .refine(distinct, 'a period appears twice in the trend'),
  }),
]);
export type ViewPeriods = z.output<typeof viewPeriods>;

/** Each area's own stored comparators (England, South East), or the same listed ones for every area. */
export const viewComparators = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('stored') }),
  z.strictObject({ from: z.literal('list'), areaIds: z.array(id).max(6, 'at most 6 comparators') }),
]);
export type ViewComparators = z.output<typeof viewComparators>;

export const viewSpec = z.strictObject({
  indicatorIds: z
    .array(id)
    .min(1, 'choose at least one indicator')
    .max(30, 'a view has at most 30 indicators')
    .refine(distinct, 'an indicator appears twice'),
  areaIds: z
    .array(id)
    .min(1, 'choose at least one area')
    .max(60, 'a view has at most 60 areas')
    .refine(distinct, 'an area appears twice'),
  comparators: viewComparators.default({ from: 'stored' }),
  periods: viewPeriods,
  columns: z
    .array(z.enum(VIEW_COLUMNS))
    .default([...VIEW_COLUMNS])
    .refine((columns) => new Set(columns).size === columns.length, 'a column is chosen twice'),
  /**
   * 'auto': a totals row by DESIGN.md's rules (counts and money summed when the
   * areas are the parts of one whole; rates and percentages take the whole
   * area's own figure, never a sum or an average). 'none': no totals row.
   */
  totals: z.enum(['auto', 'none']).default('auto'),
});

/** A view spec as stored and evaluated (defaults filled in). */
export type ViewSpec = z.output<typeof viewSpec>;
/** A view spec as a caller may write it (columns, comparators and totals optional). */
export type ViewSpecInput = z.input<typeof viewSpec>;

export const viewName = z
  .string()
  .trim()
  .min(1, 'a view needs a name')
  .max(120, 'a view name is at most 120 characters');

/** A view saved in the database. */
export interface SavedView {
  readonly id: number;
  /** The row's version when read: an update may name it, and one made from an older version is refused (issue 9). */
  readonly version: number;
  readonly name: string;
  readonly spec: ViewSpec;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Which view to evaluate or export: a saved one by id, or an unsaved spec (with an optional name for titles). */
export const viewSource = z
  .strictObject({ id: id.optional(), spec: viewSpec.optional(), name: viewName.optional() })
  .refine((source) => (source.id === undefined) !== (source.spec === undefined), {
    message: 'give either the id of a saved view or a view spec, not both',
    path: ['id'],
  });
export type ViewSource = z.output<typeof viewSource>;
