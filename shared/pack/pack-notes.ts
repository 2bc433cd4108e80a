import type { AnnotationKind, Rag } from '../domain';
import type { LocatedTarget } from '../notes/targets';
import type { PackSection } from './document';

/**
 * Reviewers' notes as the pack shows them: the preview beside the elements
 * they are on, and an export "with the chair's shared notes". Each note gets a
 * number in reading order (N1, N2 …): a mark at its element in the text, and
 * the note itself in a box at the end of its agenda item. Not part of the
 * frozen document: notes are added to an issued version, not issued with it.
 */
export interface PackNote {
  readonly id: string;
  /** 1, 2, 3 … in the order the elements come in the pack, then oldest first. */
  readonly number: number;
  readonly sectionId: string;
  /** The table, for a note on a row or a figure. */
  readonly tableId: string | null;
  readonly rowId: string | null;
  /** 1-based, for a note on one figure. */
  readonly column: number | null;
  /** "Item 4 Domestic burglary by Local Policing Area: Wycombe, % change (-45%)". */
  readonly targetLabel: string;
  readonly author: string;
  readonly kind: AnnotationKind;
  readonly rag: Rag | null;
  readonly text: string;
  readonly resolved: boolean;
  /** ISO date-time of its last change. */
  readonly updatedAt: string;
}

/** What a note needs to be placed: the annotation's own fields (as the notes contract gives them). */
export interface NoteToPlace {
  readonly id: string;
  /** "item:12", "figure:item:4:table:1/6:total/3". */
  readonly target: string;
  readonly author: string;
  readonly kind: AnnotationKind;
  readonly rag: Rag | null;
  readonly text: string;
  readonly resolved: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * The notes placed in the pack whose elements are `targets` (in reading order,
 * as shared/notes/targets.ts lists them) and numbered. A note whose element is
 * not in the pack is left out: it cannot be shown beside anything.
 */
export function placeNotes(notes: readonly NoteToPlace[], targets: readonly LocatedTarget[]): PackNote[] {
  const order = new Map(targets.map((target, index) => [target.target, { index, target }]));
  return notes
    .flatMap((note) => {
      const found = order.get(note.target);
      return found ? [{ note, ...found }] : [];
    })
    .sort((a, b) => a.index - b.index || a.note.createdAt.localeCompare(b.note.createdAt))
    .map(({ note, target }, index) => ({
      id: note.id,
      number: index + 1,
      sectionId: target.sectionId,
      tableId: target.tableId,
      rowId: target.rowId,
      column: target.column,
      targetLabel: target.label,
      author: note.author,
      kind: note.kind,
      rag: note.rag,
      text: note.text,
      resolved: note.resolved,
      updatedAt: note.updatedAt,
    }));
}

/** "N3": how a note is referred to, in the text and in its box. */
export const noteLabel = (note: Pick<PackNote, 'number'>): string => `N${note.number}`;

const KIND_WORDS: Readonly<Record<AnnotationKind, string>> = {
  comment: 'Comment',
  'proposed rag': 'Proposed RAG',
  question: 'Question for the meeting',
};
const RAG_WORDS: Readonly<Record<Rag, string>> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** "Question for the meeting", "Proposed RAG: Amber". */
export function noteKindText(note: Pick<PackNote, 'kind' | 'rag'>): string {
  const kind = KIND_WORDS[note.kind];
  return note.kind === 'proposed rag' && note.rag ? `${kind}: ${RAG_WORDS[note.rag]}` : kind;
}

/**
 * What a note is on, said within its item's box: "this item", or the element
 * without the item's name in front ("Wycombe, % change (-45%)").
 */
export function notePlaceInItem(
  note: Pick<PackNote, 'targetLabel'>,
  section: Pick<PackSection, 'number' | 'title'>,
): string {
  const item = `Item ${section.number} ${section.title}`;
  if (note.targetLabel === item) return 'this item';
  return note.targetLabel.startsWith(`${item}: `) ? note.targetLabel.slice(item.length + 2) : note.targetLabel;
}

/** The notes of a pack, found by where their marks go. */
export class PackNotes {
  private readonly bySection = new Map<string, PackNote[]>();

  constructor(readonly all: readonly PackNote[]) {
    for (const note of all) {
      const list = this.bySection.get(note.sectionId);
      if (list) list.push(note);
      else this.bySection.set(note.sectionId, [note]);
    }
  }

  /** Every note in an agenda item, in number order: its box at the item's end. */
  inSection(sectionId: string): readonly PackNote[] {
    return this.bySection.get(sectionId) ?? [];
  }

  /** Notes on the item itself (or the priority it shows): marked at its heading. */
  onSection(sectionId: string): readonly PackNote[] {
    return this.inSection(sectionId).filter((note) => note.tableId === null);
  }

  /** Notes on a whole row: marked in its first cell. */
  onRow(tableId: string, rowId: string): readonly PackNote[] {
    return this.all.filter((note) => note.tableId === tableId && note.rowId === rowId && note.column === null);
  }

  /** Notes on one figure: marked in its cell (column is 1-based). */
  onCell(tableId: string, rowId: string, column: number): readonly PackNote[] {
    return this.all.filter((note) => note.tableId === tableId && note.rowId === rowId && note.column === column);
  }
}

/** No notes: what a pack without them renders with. */
export const NO_NOTES = new PackNotes([]);
