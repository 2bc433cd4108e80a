import { z } from 'zod';
import { CHART_KINDS } from '../charts/chart-spec';
import type { AgendaItemKind } from '../domain';

/**
 * What each kind of agenda item holds (stored as JSON in agenda_item.content,
 * checked by these schemas on every write and every read).
 */

const id = z.number().int().positive();

/**
 * A paper's rich text as the editor saves it: a ProseMirror document (TipTap's
 * getJSON()) of headings 2–3, paragraphs, bullet and ordered lists, bold,
 * italic, links and simple tables. Fields bound to data are plain text inside
 * it (`{{figure "Domestic burglary" "Total Bucks" "Apr-Dec 2013"}}`);
 * shared/pack/paper-blocks.ts turns it into pack blocks.
 */
export interface PaperNode {
  readonly type: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly marks?: readonly { readonly type: string; readonly attrs?: Readonly<Record<string, unknown>> }[];
  readonly content?: readonly PaperNode[];
}

export const paperNode: z.ZodType<PaperNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    text: z.string().optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    marks: z
      .array(z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
    content: z.array(paperNode).optional(),
  }),
);

export const paperDoc = z.object({ type: z.literal('doc'), content: z.array(paperNode).default([]) });
export type PaperDoc = z.output<typeof paperDoc>;

export const EMPTY_PAPER: PaperDoc = { type: 'doc', content: [] };

export const agendaContent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('paper'), doc: paperDoc }),
  /** A saved comparison view, evaluated when the pack is built. */
  z.strictObject({ kind: z.literal('performance table'), viewId: id }),
  /** A chart of a saved comparison view. */
  z.strictObject({
    kind: z.literal('chart'),
    viewId: id,
    chart: z.enum(CHART_KINDS),
    indicatorId: id.optional(),
  }),
  /** A priority's activities, desired outcomes and measures, latest progress, RAG and outcome figures. */
  z.strictObject({ kind: z.literal('priority progress'), priorityId: id }),
  /** Funding lines by priority and source with totals per source and the stated-vs-computed check. */
  z.strictObject({ kind: z.literal('finance'), planId: id }),
  /** Open actions, and those closed since the previous meeting. */
  z.strictObject({ kind: z.literal('action log') }),
  /** The glossary terms that appear anywhere in the pack. */
  z.strictObject({ kind: z.literal('glossary') }),
  /** A partner's own PDF, uploaded once and kept in the database. */
  z.strictObject({ kind: z.literal('attachment'), attachmentId: id }),
]);
export type AgendaContent = z.output<typeof agendaContent>;
export type AgendaContentOf<Kind extends AgendaItemKind> = Extract<AgendaContent, { kind: Kind }>;
