import { z } from 'zod';
import { ANNOTATION_KINDS, RAGS, type AnnotationKind, type Rag } from '../domain';
import type { ImportSource } from '../imports';
import type { LocatedTarget, NoteTargetKind } from '../notes/targets';
import type { ViewFile } from '../views/view-file';
import { method } from './contract-method';
import { id, optionalText, requiredText, version } from './fields';

/**
 * The chair's annotations on an issued pack, and the offline exchange files
 * (issue 7): a reviewer's `.boardpack` file (read-only but for annotations) and
 * the `.boardnotes` file of their notes that comes back and is merged. Spread
 * into CONTRACT; handlers in electron/api/handlers/notes.ts.
 */

/** Why an import kept a note twice, or kept one its author deleted. */
export type AnnotationConflict =
  /** This note was edited here and by its author since they last met: `incomingCopyId` is their version. */
  | { readonly kind: 'edited on both sides'; readonly incomingCopyId: string }
  /** This is the author's version of the note `noteId`, kept beside it. */
  | { readonly kind: 'incoming copy'; readonly noteId: string }
  /** Its author deleted it (at their version `deletedVersion`) after it was edited here. */
  | { readonly kind: 'deleted by its author'; readonly deletedVersion: number };

export interface Annotation {
  /** A UUID: the note keeps it in every file it travels through. */
  readonly id: string;
  readonly meetingId: number;
  /** The issued version's number the note is on. */
  readonly packVersion: number;
  /** The element: "item:12", "figure:item:4:table:1/6:total/3" (shared/notes/targets.ts). */
  readonly target: string;
  readonly targetKind: NoteTargetKind;
  /** The section (agenda item) to show it beside; null when the element is no longer found (a changed agenda). */
  readonly sectionId: string | null;
  /** "Item 4 Domestic burglary by Local Policing Area: Wycombe, Apr-Dec 2013 (201)". */
  readonly targetLabel: string;
  readonly author: string;
  readonly kind: AnnotationKind;
  /** The proposed RAG, for a 'proposed rag' note (its text is the reason); null otherwise. */
  readonly rag: Rag | null;
  readonly text: string;
  /** False for a note private to its author: it never leaves their file. */
  readonly shared: boolean;
  readonly resolved: boolean;
  /** 1 when written, one more at each change (edit, resolve, reopen). */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly conflict: AnnotationConflict | null;
}

/** The pack a reviewer's `.boardpack` file holds; null for an ordinary database. */
export interface PackFileInfo {
  readonly sourceDatabaseId: string;
  readonly meetingId: number;
  readonly meetingTitle: string;
  readonly version: number;
  readonly reviewer: string | null;
  readonly exportedAt: string;
}

/** What importing a `.boardnotes` file did, note by note (a deletion is counted as a note). */
export interface NotesImportResult {
  readonly meetingId: number;
  readonly meetingTitle: string;
  readonly version: number;
  readonly reviewer: string | null;
  readonly added: number;
  readonly updated: number;
  readonly conflicted: number;
  readonly deleted: number;
  readonly unchanged: number;
}

const noteId = z.uuid({ error: 'an annotation id is a UUID' });
const packVersion = z.number().int().positive();
const text = requiredText('the note', 10_000);

const ragRule = (note: { readonly kind?: AnnotationKind | undefined; readonly rag?: Rag | null | undefined }) =>
  note.kind === undefined || (note.kind === 'proposed rag') === (note.rag !== null && note.rag !== undefined);
const RAG_RULE = { message: 'a proposed RAG note names red, amber or green; other notes name none', path: ['rag'] };

const source = z.union([
  z.strictObject({ path: z.string().trim().min(1, 'choose a file') }),
  z.strictObject({
    fileName: z.string().trim().min(1).max(255),
    base64: z.string().max(96_000_000, 'a file uploaded to the preview is at most 64 MB'),
  }),
]) satisfies z.ZodType<ImportSource>;

const noteFields = z
  .strictObject({
    meetingId: id,
    /** The issued version's number. */
    version: packVersion,
    target: z.string().trim().min(1, 'a note is on an element of the pack').max(500),
    kind: z.enum(ANNOTATION_KINDS).default('comment'),
    rag: z.enum(RAGS).nullable().default(null),
    text,
    shared: z.boolean().default(true),
    /** Who wrote it; the pack file's reviewer (or the person at this computer) when absent. */
    author: optionalText(200).optional(),
  })
  .refine(ragRule, RAG_RULE);

const noteChanges = z
  .strictObject({
    text: text.optional(),
    kind: z.enum(ANNOTATION_KINDS).optional(),
    rag: z.enum(RAGS).nullable().optional(),
    shared: z.boolean().optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'name at least one change');

export const NOTE_METHODS = {
  /** A meeting's notes (one version's, or every version's), open ones only unless asked; conflicts flagged. */
  'annotations.list': method<Annotation[]>()(
    z.strictObject({ meetingId: id, version: packVersion.optional(), includeResolved: z.boolean().optional() }),
    { writes: false },
  ),
  /** Every element of an issued version a note can be on, in reading order, with its id and name. */
  'annotations.targets': method<LocatedTarget[]>()(z.strictObject({ meetingId: id, version: packVersion }), {
    writes: false,
  }),
  /** A new note on an element of an issued version (refused, naming it, when the element is not in that version). */
  'annotations.add': method<Annotation>()(noteFields, { writes: true }),
  /**
   * Changes a note's text, kind, RAG or sharing: its version goes up by one. With `version` (the note's version the
   * change was made from; so for resolve, delete and settleConflict), refused as 'stale' when someone changed the
   * note since, saying who changed what, with the note as it is now.
   */
  'annotations.edit': method<Annotation>()(
    z.strictObject({ id: noteId, version: version.optional(), changes: noteChanges }),
    { writes: true },
  ),
  /** Resolves (or reopens) a note: its version goes up by one. */
  'annotations.resolve': method<Annotation>()(
    z.strictObject({ id: noteId, version: version.optional(), resolved: z.boolean().default(true) }),
    { writes: true },
  ),
  /**
   * Deletes a note (and an incoming copy kept beside it); a note ever exchanged leaves a tombstone so the deletion
   * travels. Deleting an incoming copy alone keeps the note here (settleConflict 'here').
   */
  'annotations.delete': method<{ readonly deleted: number }>()(
    z.strictObject({ id: noteId, version: version.optional() }),
    { writes: true },
  ),
  /**
   * Settles a conflict an import kept visible (`id`: either note of the pair, `version` that note's): keep the note
   * as it is here, or take the author's version (for a note its author deleted: delete it). Returns the note kept,
   * or null.
   */
  'annotations.settleConflict': method<Annotation | null>()(
    z.strictObject({ id: noteId, version: version.optional(), keep: z.enum(['here', 'incoming']) }),
    { writes: true },
  ),

  /** The pack the open file holds when it is a reviewer's `.boardpack` file; null for an ordinary database. */
  'exchange.packFile': method<PackFileInfo | null>()(z.strictObject({}), { writes: false }),
  /**
   * A `.boardpack` file for a reviewer: the meeting, its agenda, the one issued version and the attachments it
   * lists, and nothing else of the database. Saved like any export.
   */
  'exchange.exportPackFile': method<ViewFile>()(
    z.strictObject({ meetingId: id, version: packVersion, reviewer: optionalText(200).default(null) }),
    { writes: false },
  ),
  /**
   * The open pack file's shared notes and deletions as a `.boardnotes` file (only in a reviewer's pack file).
   * Writes: the file remembers which version of each note it has handed out.
   */
  'exchange.exportNotes': method<ViewFile>()(z.strictObject({}), { writes: true }),
  /**
   * Merges a `.boardnotes` file into this database, all or nothing; the same file twice changes nothing.
   * With `meetingId` (and `version`), a file on another meeting (or version) is refused.
   */
  'exchange.importNotes': method<NotesImportResult>()(
    z.strictObject({ source, meetingId: id.optional(), version: packVersion.optional() }),
    { writes: true },
  ),
} as const;
