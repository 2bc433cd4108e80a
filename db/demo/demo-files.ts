import { z } from 'zod';
import {
  ACTION_STATUSES,
  ACTIVITY_STATUSES,
  AREA_KINDS,
  PARTNER_KINDS,
  PERIOD_KINDS,
  PLAN_STATUSES,
  POLARITIES,
  RATE_DENOMINATORS,
  TARGET_KINDS,
  UNITS,
} from '../../shared/domain';
import { parsePence } from '../../shared/money';

/**
 * The shape of the human-readable demo files under resources/demo/. Each file is
 * written so that a reviewer can hold it beside the source document and check it
 * line by line; references between files are by name (area name, period label,
 * indicator name, plan key + priority ref), resolved by the loader.
 */

const text = z.string().trim().min(1);
const optionalText = z.string().trim().optional();
const isoDate = z.iso.date();
/** A source reference: which document and where in it, e.g. "plan-2014-15 §4.2.2 table". */
const source = text;

/** Money as the document prints it ("£75k", "£501,717"), held as integer pence. */
export const moneyText = z.string().transform((value, ctx) => {
  const pence = parsePence(value);
  if (pence === null) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an amount of money` });
    return z.NEVER;
  }
  return pence;
});

/** A CSV cell that must hold a number; "" means absent. */
const csvNumber = z.string().transform((value, ctx) => {
  const trimmed = value.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
  if (!Number.isFinite(parsed)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a number` });
    return z.NEVER;
  }
  return parsed;
});
const csvRequiredNumber = csvNumber.refine((value) => value !== null, 'a number is required');
const csvBoolean = z.enum(['', 'yes', 'no']).transform((value) => value === 'yes');
const csvOptional = z.string().transform((value) => (value.trim() === '' ? null : value.trim()));

export const partnershipFile = z.strictObject({
  name: text,
  shortName: text,
  /** The area the partnership covers, by name (must be in areas.json). */
  area: text,
  partners: z.array(
    z.strictObject({
      name: text,
      shortName: optionalText,
      kind: z.enum(PARTNER_KINDS),
      /** Plan keys under which this partner is listed as a board member. */
      boardMemberOf: z.array(text).default([]),
      source,
    }),
  ),
  people: z.array(
    z.strictObject({
      /** Named where the document names them; otherwise null and only the role is known. */
      name: z.string().trim().min(1).nullable(),
      role: text,
      partner: optionalText,
      source,
    }),
  ),
});

export const areasFile = z.array(
  z.strictObject({
    name: text,
    kind: z.enum(AREA_KINDS),
    parent: optionalText,
    /** Other names the documents use for the same place ("Total Bucks"). */
    aliases: z.array(text).default([]),
    /** Areas this one is compared with, in order ("England", "South East"). */
    comparators: z.array(text).default([]),
    code: optionalText,
  }),
);

export const periodsFile = z.array(
  z.strictObject({
    label: text,
    kind: z.enum(PERIOD_KINDS),
    start: isoDate,
    end: isoDate,
    note: optionalText,
  }),
);

export const indicatorsFile = z.array(
  z.strictObject({
    name: text,
    unit: z.enum(UNITS),
    /** For rates: per how many of the denominator (1000, 100000). */
    ratePer: z.number().int().positive().optional(),
    denominator: z.enum(RATE_DENOMINATORS).optional(),
    polarity: z.enum(POLARITIES),
    source: text,
    /** The partner whose figures these are (a partnership.json partner): on a team database its analysts enter them. */
    owner: text.optional(),
    definition: text,
    /** Priorities this indicator evidences, as "planKey ref" e.g. "sbp-2014-15 6.2". */
    priorities: z.array(text).default([]),
  }),
);

const activity = z.strictObject({
  challenge: optionalText,
  activity: text,
  desiredOutcome: optionalText,
  specificMeasure: optionalText,
  globalIndicator: optionalText,
  lead: optionalText,
  status: z.enum(ACTIVITY_STATUSES).optional(),
  source,
});

export const planFile = z.strictObject({
  /** Short stable key used by other files, e.g. "sbp-2014-15". */
  key: text,
  title: text,
  /** The area the plan covers, by name. */
  area: text,
  start: isoDate,
  end: isoDate,
  status: z.enum(PLAN_STATUSES),
  approvedOn: isoDate.optional(),
  approvedBy: optionalText,
  source,
  priorities: z.array(
    z.strictObject({
      /** The number the board uses for the priority ("6.2", "3"). */
      ref: text,
      /** The number as printed, where the document misnumbers it ("5.2"). */
      printedRef: optionalText,
      title: text,
      summary: optionalText,
      sponsor: optionalText,
      source,
      activities: z.array(activity).default([]),
      progress: z.array(z.strictObject({ period: text, text, author: optionalText, source })).default([]),
    }),
  ),
});

export const deliveryGroupsFile = z.array(
  z.strictObject({
    name: text,
    purpose: text,
    cadence: optionalText,
    lead: optionalText,
    /** "planKey ref" of each priority the group delivers. */
    priorities: z.array(text).default([]),
    source,
  }),
);

export const fundingFile = z.strictObject({
  lines: z.array(
    z.strictObject({
      plan: text,
      year: text,
      /** "planKey ref" of the priority, as the spending plan groups it. */
      priority: text,
      activity: text,
      amount: moneyText,
      /** Funding source as printed: "CSF/PCC", "BCC", "CADEX", "BCC Trading Standards". */
      fundingSource: text,
      confirmed: z.boolean(),
      note: optionalText,
      source,
    }),
  ),
  statedTotals: z.array(
    z.strictObject({
      plan: text,
      year: text,
      fundingSource: text,
      /** The lines' funding sources this total covers (CSF/PCC lines count toward "PCC"). */
      covers: z.array(text).min(1),
      amount: moneyText,
      label: text,
      source,
    }),
  ),
  grants: z.array(
    z.strictObject({
      funder: text,
      recipient: text,
      year: text,
      amount: moneyText,
      purpose: text,
      /** A change the document states against the previous year: "-6.14". */
      statedChangePercent: z.number().optional(),
      statedChange: moneyText.optional(),
      source,
    }),
  ),
});

export const figureRow = z.strictObject({
  indicator: text,
  area: text,
  period: text,
  value: csvRequiredNumber,
  provisional: csvBoolean,
  source: csvOptional,
  note: csvOptional,
});

export const statedComparisonRow = z.strictObject({
  indicator: text,
  area: text,
  base: text,
  current: text,
  difference: csvNumber,
  change_percent: csvNumber,
  source: text,
});

export const targetRow = z.strictObject({
  indicator: text,
  area: text,
  base: csvOptional,
  period: text,
  kind: z.enum(TARGET_KINDS),
  value: csvRequiredNumber,
  note: csvOptional,
  source: text,
});

export const populationRow = z.strictObject({
  area: text,
  year: csvRequiredNumber,
  residents: csvNumber,
  households: csvNumber,
  source: text,
});

export const glossaryRow = z.strictObject({
  term: text,
  definition: text,
});

export const actionRow = z.strictObject({
  priority: text,
  description: text,
  owner: csvOptional,
  due: csvOptional.pipe(isoDate.nullable()),
  status: z.enum(ACTION_STATUSES),
  source: text,
});

/**
 * Saved comparison views of the demo meetings' tables and charts, by name;
 * indicators, areas and periods by name too (resolved by the loader).
 */
export const viewsFile = z.array(
  z.strictObject({
    name: text,
    indicators: z.array(text).min(1),
    /** The rows, in order; a whole listed with all its parts becomes the totals row. */
    areas: z.array(text).min(1),
    /** The same comparators beside every row; absent: each area's own. */
    comparators: z.array(text).optional(),
    periods: z.discriminatedUnion('mode', [
      z.strictObject({ mode: z.literal('compare'), base: text, current: text }),
      z.strictObject({ mode: z.literal('trend'), periods: z.array(text).min(2) }),
    ]),
    columns: z.array(z.enum(['difference', 'change', 'target', 'rag', 'comparators'])).optional(),
    source,
  }),
);

/** A block of a demo paper: a heading, a paragraph (text with fields; **bold** and *italic*), or a list. */
const paperBlock = z.union([
  z.strictObject({ heading: text }),
  z.strictObject({ paragraph: text }),
  z.strictObject({ bullets: z.array(text).min(1) }),
  z.strictObject({ numbered: z.array(text).min(1) }),
]);
export type DemoPaperBlock = z.output<typeof paperBlock>;

/** An agenda item's content, referring to views, priorities and plans by name. */
const demoItemContent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('paper'), paper: z.array(paperBlock).min(1) }),
  z.strictObject({ kind: z.literal('performance table'), view: text }),
  /** `indicator`: which of the view's indicators to draw (absent: its first). */
  z.strictObject({
    kind: z.literal('chart'),
    view: text,
    chart: z.enum(['trend', 'bar', 'rag-summary']),
    indicator: optionalText,
  }),
  /** "planKey ref", as in indicators.json. */
  z.strictObject({ kind: z.literal('priority progress'), priority: text }),
  z.strictObject({ kind: z.literal('finance'), plan: text }),
  z.strictObject({ kind: z.literal('action log') }),
  z.strictObject({ kind: z.literal('glossary') }),
]);
export type DemoItemContent = z.output<typeof demoItemContent>;

const demoPerson = z.strictObject({ name: text, role: z.string().trim().min(1).nullable().default(null) });

export const meetingsFile = z.array(
  z.strictObject({
    title: text,
    board: text,
    heldOn: isoDate,
    startsAt: z.string().regex(/^\d\d:\d\d$/),
    /** The period the meeting reports on, by label. */
    period: optionalText,
    venue: text,
    marking: z.enum(['OFFICIAL', 'OFFICIAL-SENSITIVE']),
    attendees: z.array(demoPerson),
    apologies: z.array(demoPerson),
    /** Where the attendance comes from (the source documents do not record who attended). */
    attendanceSource: source,
    items: z.array(
      z.strictObject({
        title: text,
        presenter: optionalText,
        minutes: z.number().int().positive().optional(),
        content: demoItemContent,
        source,
      }),
    ),
    /** Actions tracked by the board at this meeting. */
    actions: z.array(
      z.strictObject({
        description: text,
        owner: optionalText,
        due: isoDate.optional(),
        status: z.enum(ACTION_STATUSES),
        closedOn: isoDate.optional(),
        /** "planKey ref", when the action serves a priority. */
        priority: optionalText,
        source,
      }),
    ),
  }),
);
