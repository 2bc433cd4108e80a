import { z } from 'zod';
import { MARKINGS, type AgendaItemKind, type Marking } from '../domain';
import { agendaContent, type AgendaContent } from '../pack/agenda-content';
import type { BuiltPack } from '../pack/document';
import type { PackDiff } from '../pack/pack-diff';
import type { ViewFile } from '../views/view-file';
import { method } from './contract-method';
import { id, isoDate, optionalText, requiredText, version } from './fields';

/**
 * Meetings, their agendas and the board pack (issue 6). Spread into CONTRACT;
 * handlers in electron/api/handlers/meetings.ts and pack.ts.
 */

const person = z.strictObject({
  name: requiredText('a name', 200),
  role: optionalText(200).default(null),
});
export type MeetingPersonInput = z.input<typeof person>;

const meetingFields = z.strictObject({
  title: requiredText('a meeting title', 300),
  /** The board that meets; the partnership's board when absent. */
  board: optionalText(300).default(null),
  heldOn: isoDate('the meeting date'),
  /** "10:00", or null. */
  startsAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a start time is HH:MM')
    .nullable()
    .default(null),
  /** The quarter the meeting reports on: a period of kind quarter (or any period). */
  periodId: id.nullable().default(null),
  venue: optionalText(300).default(null),
  marking: z.enum(MARKINGS).default('OFFICIAL'),
  attendees: z.array(person).max(200).default([]),
  apologies: z.array(person).max(200).default([]),
});

export interface MeetingPerson {
  readonly name: string;
  readonly role: string | null;
}

export interface MeetingSummary {
  readonly id: number;
  /** The meeting row's version when read: a delete from the list names it, and is refused if someone saved since. */
  readonly version: number;
  readonly title: string;
  readonly board: string | null;
  readonly heldOn: string;
  readonly marking: Marking;
  readonly itemCount: number;
  /** The highest issued version's number, or null when none is issued. */
  readonly latestVersion: number | null;
}

export interface AgendaItem {
  readonly id: number;
  /** The row's version when read: an edit may name it, and one made from an older version is refused. */
  readonly version: number;
  readonly meetingId: number;
  /** 1, 2, 3 … in agenda order. */
  readonly position: number;
  readonly kind: AgendaItemKind;
  readonly title: string;
  readonly presenter: string | null;
  readonly minutes: number | null;
  readonly content: AgendaContent;
}

export interface Meeting {
  readonly id: number;
  /** The row's version when read: an edit may name it, and one made from an older version is refused. */
  readonly version: number;
  readonly title: string;
  readonly board: string | null;
  readonly heldOn: string;
  readonly startsAt: string | null;
  readonly periodId: number | null;
  readonly venue: string | null;
  readonly marking: Marking;
  readonly attendees: readonly MeetingPerson[];
  readonly apologies: readonly MeetingPerson[];
  readonly items: readonly AgendaItem[];
}

export interface PackVersionSummary {
  readonly id: number;
  readonly meetingId: number;
  readonly number: number;
  readonly issuedAt: string;
  readonly issuedBy: string;
}

export interface Attachment {
  readonly id: number;
  readonly fileName: string;
  readonly title: string;
  readonly pages: number;
  readonly bytes: number;
}

const itemFields = z.strictObject({
  title: requiredText('an agenda item title', 300),
  presenter: optionalText(200).default(null),
  minutes: z.number().int().min(0).max(600).nullable().default(null),
  /** The item's kind is its content's kind. */
  content: agendaContent,
});

/**
 * An update's changes: each field optional and, unlike `.partial()` of fields
 * with defaults (zod 4 fills a default in even when optional), a field left out
 * stays out, so an update never resets what it does not name.
 */
function changesOf<Shape extends z.ZodRawShape>(fields: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, field]) => [
      key,
      field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field,
    ]),
  ) as { [Key in keyof Shape]: Shape[Key] extends z.ZodDefault<infer Inner> ? Inner : Shape[Key] };
  return z.strictObject(shape).partial();
}

/** Which pack: the live draft of a meeting, or one of its issued versions. */
const packSource = z.strictObject({ meetingId: id, version: z.number().int().positive().optional() });

export const PACK_EXPORT_FORMATS = ['pdf', 'docx', 'csv', 'html'] as const;
export type PackExportFormat = (typeof PACK_EXPORT_FORMATS)[number];

export const MEETING_METHODS = {
  'meetings.list': method<MeetingSummary[]>()(z.strictObject({}), { writes: false }),
  'meetings.get': method<Meeting>()(z.strictObject({ id }), { writes: false }),
  'meetings.create': method<Meeting>()(meetingFields, { writes: true }),
  /**
   * Changes the fields named. With `version` (the meeting's version the edit
   * was made from), it is refused as 'stale' when someone saved the meeting
   * since, with the meeting as saved now in `error.current` (as records' updates).
   */
  'meetings.update': method<Meeting>()(
    z.strictObject({ id, version: version.optional(), changes: changesOf(meetingFields) }),
    { writes: true },
  ),
  /** Deletes the meeting with its agenda and issued versions (refused as 'stale' when `version` is old). */
  'meetings.delete': method<{ readonly deleted: number }>()(z.strictObject({ id, version: version.optional() }), {
    writes: true,
  }),
  /**
   * Next quarter's meeting from this one: the same board, venue, marking,
   * attendees and agenda (papers copied, tables and charts on the same views),
   * dated `heldOn`, its period the next quarter when there is one.
   */
  'meetings.duplicate': method<Meeting>()(
    z.strictObject({ id, heldOn: isoDate('the new meeting date'), title: requiredText('a title', 300).optional() }),
    { writes: true },
  ),

  'agenda.create': method<AgendaItem>()(
    itemFields.extend({ meetingId: id, position: z.number().int().min(1).optional() }),
    { writes: true },
  ),
  /** Changes the fields named; with `version`, refused as 'stale' when someone saved the item since. */
  'agenda.update': method<AgendaItem>()(
    z.strictObject({ id, version: version.optional(), changes: changesOf(itemFields) }),
    { writes: true },
  ),
  'agenda.delete': method<{ readonly deleted: number }>()(z.strictObject({ id, version: version.optional() }), {
    writes: true,
  }),
  /**
   * The meeting's items in their new order: every item of the meeting, each
   * once. `from` is the order it was made from (the ids as the client showed
   * them): when the agenda's order or items differ now, it is refused as
   * 'stale', saying who reordered, added or removed items, and nothing moves.
   * Items' versions are not raised: an open item editor saves on unhindered.
   */
  'agenda.reorder': method<AgendaItem[]>()(
    z.strictObject({ meetingId: id, itemIds: z.array(id).min(1), from: z.array(id).optional() }),
    { writes: true },
  ),

  'attachments.list': method<Attachment[]>()(z.strictObject({}), { writes: false }),
  /** A partner's PDF, checked to be a PDF that opens, stored in the database. */
  'attachments.add': method<Attachment>()(
    z.strictObject({
      title: requiredText('an attachment title', 300),
      fileName: requiredText('a file name', 255),
      base64: z.string().min(1).max(70_000_000, 'an attachment is at most 50 MB'),
    }),
    { writes: true },
  ),

  /** The pack built from live data (or an issued version's frozen document), with what blocks its export. */
  'pack.build': method<BuiltPack>()(packSource, { writes: false }),
  /** Freezes the live pack as the next numbered version; refused while the pack has problems. */
  'pack.issue': method<PackVersionSummary>()(z.strictObject({ meetingId: id }), { writes: true }),
  'pack.versions': method<PackVersionSummary[]>()(z.strictObject({ meetingId: id }), { writes: false }),
  /** Every number and text that differs between two versions (`to` absent: the live draft). */
  'pack.compare': method<PackDiff>()(
    z.strictObject({
      meetingId: id,
      from: z.number().int().positive(),
      to: z.number().int().positive().optional(),
    }),
    { writes: false },
  ),
  /**
   * The pack as a file to save: PDF, DOCX, standalone HTML, or the CSV of one
   * table (`tableId`). Refused, naming each, while the pack has problems.
   * `withNotes`: an issued version with its reviewers' shared notes, marked
   * beside their elements and boxed at the end of each item.
   */
  'pack.export': method<ViewFile>()(
    packSource
      .extend({
        format: z.enum(PACK_EXPORT_FORMATS),
        tableId: z.string().min(1).optional(),
        withNotes: z.boolean().default(false),
      })
      .refine((input) => !input.withNotes || input.version !== undefined, {
        message: 'notes are on an issued version: choose the version to export with its notes',
        path: ['withNotes'],
      }),
    { writes: false },
  ),
} as const;
