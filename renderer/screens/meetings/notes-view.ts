import type { Annotation } from '../../../shared/api/notes-contract';
import type { LocatedTarget } from '../../../shared/notes/targets';
import type { PackNote } from '../../../shared/pack/pack-notes';

/**
 * The Notes tab's arithmetic, apart from React: the notes grouped by agenda
 * item in reading order with the N-numbers the preview shows, a note kept
 * twice by an import paired with the author's version, and the elements of an
 * item a new note can be on, found by the words typed.
 */

/** A note as the list shows it: its N-number in the preview (null when its element is not in this version). */
export interface NoteEntry {
  readonly note: Annotation;
  readonly number: number | null;
  /** For a note edited here and by its author: the author's version, kept beside it until settled. */
  readonly theirs: { readonly note: Annotation; readonly number: number | null } | null;
}

/** The notes on one agenda item (sectionId null: on elements this version no longer has). */
export interface NoteGroup {
  readonly sectionId: string | null;
  /** "Item 4 Domestic burglary by Local Policing Area". */
  readonly title: string;
  readonly entries: readonly NoteEntry[];
}

const UNPLACED = 'On elements not found in this version';

/** The agenda items of a version in reading order: the targets of kind "item". */
export const itemTargets = (targets: readonly LocatedTarget[]): LocatedTarget[] =>
  targets.filter((target) => target.kind === 'item');

/**
 * The notes by agenda item, items in reading order and notes by number; the
 * author's version of a note edited on both sides sits with that note, not
 * on its own. Items without notes are left out.
 */
export function groupNotes(
  notes: readonly Annotation[],
  targets: readonly LocatedTarget[],
  placed: readonly PackNote[],
): NoteGroup[] {
  const numbers = new Map(placed.map((note) => [note.id, note.number]));
  const sections = new Map(placed.map((note) => [note.id, note.sectionId]));
  const byId = new Map(notes.map((note) => [note.id, note]));
  const numberOf = (note: Annotation) => numbers.get(note.id) ?? null;

  const entries: (NoteEntry & { readonly sectionId: string | null })[] = [];
  for (const note of notes) {
    const conflict = note.conflict;
    // The author's version is shown beside the note it disagrees with (when that note is listed).
    if (conflict?.kind === 'incoming copy' && byId.has(conflict.noteId)) continue;
    const copy = conflict?.kind === 'edited on both sides' ? byId.get(conflict.incomingCopyId) : undefined;
    entries.push({
      note,
      number: numberOf(note),
      theirs: copy ? { note: copy, number: numberOf(copy) } : null,
      sectionId: sections.get(note.id) ?? null,
    });
  }
  const inOrder = (a: NoteEntry, b: NoteEntry) =>
    (a.number ?? Infinity) - (b.number ?? Infinity) || a.note.createdAt.localeCompare(b.note.createdAt);

  const groups: NoteGroup[] = [];
  for (const item of itemTargets(targets)) {
    const mine = entries.filter((entry) => entry.sectionId === item.sectionId).sort(inOrder);
    if (mine.length > 0) groups.push({ sectionId: item.sectionId, title: item.label, entries: mine });
  }
  const known = new Set(groups.map((group) => group.sectionId));
  const lost = entries.filter((entry) => entry.sectionId === null || !known.has(entry.sectionId)).sort(inOrder);
  if (lost.length > 0) groups.push({ sectionId: null, title: UNPLACED, entries: lost });
  return groups;
}

/**
 * The notes the pack marks (the preview, and an export "with the chair's shared
 * notes"): of a note kept twice by an import, the one here stands until the
 * conflict is settled, so the author's version gets no number; `sharedOnly`
 * leaves out private notes, as an export does.
 */
export function notesToPlace(notes: readonly Annotation[], sharedOnly = false): Annotation[] {
  return notes.filter((note) => note.conflict?.kind !== 'incoming copy' && (note.shared || !sharedOnly));
}

/** How many notes the groups list (the author's version kept beside a note is that note, not another). */
export const noteCount = (groups: readonly NoteGroup[]): number =>
  groups.reduce((sum, group) => sum + group.entries.length, 0);

/** "N3", or a dash for a note whose element this version does not have. */
export const numberText = (number: number | null): string => (number === null ? '—' : `N${number}`);

/**
 * An element named within its item: "The item as a whole" for the item, else
 * its label without the item's name in front ("Wycombe, % change (-45%)").
 */
export function elementLabel(target: LocatedTarget, item: LocatedTarget | undefined): string {
  if (target.kind === 'item') return 'The item as a whole';
  const prefix = item ? `${item.label}: ` : '';
  return prefix !== '' && target.label.startsWith(prefix) ? target.label.slice(prefix.length) : target.label;
}

/**
 * The elements of one agenda item a note can be on, in reading order, those
 * whose names hold every word typed (any case); the item itself always first.
 */
export function elementsOf(targets: readonly LocatedTarget[], sectionId: string, search = ''): LocatedTarget[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const item = targets.find((target) => target.kind === 'item' && target.sectionId === sectionId);
  return targets.filter((target) => {
    if (target.sectionId !== sectionId) return false;
    if (target.kind === 'item' || words.length === 0) return true;
    const label = elementLabel(target, item).toLowerCase();
    return words.every((word) => label.includes(word));
  });
}

/** The parts of an edit that change the note: none when the form says what the note already says. */
export function noteChanges(
  note: Pick<Annotation, 'kind' | 'rag' | 'text' | 'shared'>,
  form: Pick<Annotation, 'kind' | 'rag' | 'text' | 'shared'>,
): Partial<Pick<Annotation, 'kind' | 'rag' | 'text' | 'shared'>> {
  const rag = form.kind === 'proposed rag' ? form.rag : null;
  return {
    ...(form.kind === note.kind ? {} : { kind: form.kind }),
    ...(rag === note.rag ? {} : { rag }),
    ...(form.text === note.text ? {} : { text: form.text }),
    ...(form.shared === note.shared ? {} : { shared: form.shared }),
  };
}
