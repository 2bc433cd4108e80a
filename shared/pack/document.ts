/**
 * The board pack as one document model (DESIGN "The pack"): built from the
 * database by db/services/pack/, frozen as JSON when a version is issued, and
 * turned by the renderers into HTML (the app's preview and the PDF's source),
 * PDF, DOCX and CSV. Renderers never query the database or redo arithmetic:
 * every number arrives here already as the text the board reads, beside the
 * exact value that CSV and XLSX cells carry.
 *
 * Plain data only (JSON round-trips it unchanged), so an issued version
 * re-exports byte-for-byte the same text and numbers after figures change.
 */
import type { AgendaItemKind, Marking, Rag } from '../domain';
import type { ChartTable } from '../charts/chart-data';

/** Increased when the model changes shape; an issued snapshot records the one it was built with. */
export const PACK_DOCUMENT_FORMAT = 1;

export interface PackDocument {
  readonly format: typeof PACK_DOCUMENT_FORMAT;
  readonly meta: PackMeta;
  readonly cover: PackCover;
  /** One section per agenda item, in agenda order: a contents line and a PDF bookmark each. */
  readonly sections: readonly PackSection[];
  /** Partners' own PDFs, appended to the PDF and listed in the Word file. */
  readonly attachments: readonly PackAttachment[];
}

export interface PackMeta {
  readonly meetingId: number;
  /** "Bucks Safer Stronger Bucks Partnership Board: 12 March 2014". */
  readonly title: string;
  readonly partnership: string;
  /** The board that meets ("Safer Stronger Bucks Partnership Board"). */
  readonly board: string;
  /** ISO date of the meeting. */
  readonly heldOn: string;
  /** "Q3 2013/14", or null when the meeting names no quarter. */
  readonly quarter: string | null;
  readonly venue: string | null;
  /** Shown in every page's running header and footer. */
  readonly marking: Marking;
  /** The issued version's number, or null for a draft built from live data. */
  readonly version: number | null;
  /** ISO date-time the version was issued, or null for a draft. */
  readonly issuedAt: string | null;
  /** ISO date-time the document was built. */
  readonly builtAt: string;
}

export interface PackCover {
  readonly title: string;
  readonly subtitle: string | null;
  /** "Wednesday 12 March 2014, 10:00" as printed. */
  readonly dateText: string;
  readonly venue: string | null;
  readonly attendees: readonly PackPerson[];
  readonly apologies: readonly PackPerson[];
}

export interface PackPerson {
  readonly name: string;
  /** "Chair", "Thames Valley Police" … */
  readonly role: string | null;
}

export interface PackSection {
  /** Stable across builds and versions: "item:12". Annotations and version diffs key on it. */
  readonly id: string;
  readonly agendaItemId: number;
  /** The agenda number printed before the title ("3"). */
  readonly number: number;
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly presenter: string | null;
  /** The item's time on the agenda, in minutes. */
  readonly minutes: number | null;
  /** The section's heading is level 1; blocks inside use levels 2 and 3. */
  readonly blocks: readonly PackBlock[];
}

/** Text with the emphasis and links of a paper. */
export interface PackText {
  readonly kind: 'text';
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** An http(s) or mailto URL. */
  readonly link?: string;
}

/**
 * A field bound to data, as written in a paper (`{{change "Domestic burglary"
 * "Total Bucks" "Apr-Dec 2012" "Apr-Dec 2013"}}`) and its value when built
 * ("-20%"). An unresolved field keeps `text` null and says why in `problem`;
 * renderers mark it, exports refuse the document (see PackProblem).
 */
export interface PackField {
  readonly kind: 'field';
  /** The field as written, braces included. */
  readonly source: string;
  readonly text: string | null;
  readonly problem: string | null;
}

export type PackInline = PackText | PackField;

export type PackBlock =
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly inlines: readonly PackInline[] }
  | {
      readonly kind: 'list';
      readonly ordered: boolean;
      /** One entry per list item: its paragraphs' inlines joined (lists do not nest). */
      readonly items: readonly (readonly PackInline[])[];
    }
  | { readonly kind: 'table'; readonly table: PackTable }
  | { readonly kind: 'chart'; readonly chart: PackChart }
  /** Key facts as a short label/value list ("Desired outcome", "Measure"). */
  | { readonly kind: 'facts'; readonly facts: readonly { readonly label: string; readonly value: string }[] }
  /** A line in italics that says where something came from or what was left out. */
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'page-break' };

export interface PackTable {
  /** Stable within the document ("item:12:table:1"): the CSV export's file name is built from it. */
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly PackColumn[];
  /** Header rows repeat on every page the table spans (PDF and DOCX). */
  readonly rows: readonly PackRow[];
  /** Lines printed under the table (definitions, "printed −116, computed −166"). */
  readonly notes: readonly string[];
}

export interface PackColumn {
  readonly header: string;
  /** Numbers align right; CSV writes their `value`. */
  readonly numeric: boolean;
}

export interface PackRow {
  /** Stable within the table (a view row's id, "activity:31"): annotations target it. */
  readonly id: string;
  /** A totals row prints bold; a comparator row (England) in italics. */
  readonly kind: 'body' | 'total' | 'comparator';
  readonly cells: readonly PackCell[];
}

export interface PackCell {
  /** As printed: "-166", "-45%", "£246,000", "Green". */
  readonly text: string;
  /** The exact number behind a numeric cell (a ratio for a % change), for CSV; null when none. */
  readonly value?: number | null;
  /** A RAG cell is printed with its colour and its word (never colour alone). */
  readonly rag?: Rag | null;
  readonly provisional?: boolean;
}

export interface PackChart {
  readonly id: string;
  readonly title: string;
  /** The alt text: what the chart shows, in a sentence or two. */
  readonly summary: string;
  /** A standalone SVG document, drawn in Node from the same chart spec as the app's chart. */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** The chart's numbers as a table, printed beneath it for readers who cannot see it. */
  readonly table: ChartTable;
}

export interface PackAttachment {
  readonly sectionId: string;
  readonly title: string;
  readonly fileName: string;
  readonly pages: number;
  /** The stored PDF (attachments are never changed once added, so an issued version can name it). */
  readonly attachmentId: number;
}

/** Something that stops the pack being exported, named so the secretary can find it. */
export interface PackProblem {
  readonly sectionId: string;
  readonly sectionTitle: string;
  readonly message: string;
  /** The field as written, when the problem is a field. */
  readonly source: string | null;
}

/** A built pack: the document and what blocks its export (empty when it can be exported). */
export interface BuiltPack {
  readonly document: PackDocument;
  readonly problems: readonly PackProblem[];
}
