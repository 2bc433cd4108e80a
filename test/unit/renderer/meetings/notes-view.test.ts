import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationConflict } from '../../../../shared/api/notes-contract';
import type { LocatedTarget } from '../../../../shared/notes/targets';
import { placeNotes } from '../../../../shared/pack/pack-notes';
import {
  elementLabel,
  elementsOf,
  groupNotes,
  noteChanges,
  noteCount,
  notesToPlace,
  numberText,
} from '../../../../renderer/screens/meetings/notes-view';

const target = (
  text: string,
  sectionId: string,
  label: string,
  kind: LocatedTarget['kind'] = 'item',
): LocatedTarget => ({ target: text, kind, sectionId, tableId: null, rowId: null, column: null, label });

const ITEM_4 = 'Item 4 Domestic burglary by Local Policing Area';
const ITEM_5 = 'Item 5 Violence against the person';
/** Two agenda items in reading order, the first with a row and two figures. */
const TARGETS: LocatedTarget[] = [
  target('item:4', 'item:4', ITEM_4),
  target('row:item:4:table:1/6:area:7', 'item:4', `${ITEM_4}: Wycombe in "Domestic burglary"`, 'row'),
  target('figure:item:4:table:1/6:area:7/4', 'item:4', `${ITEM_4}: Wycombe, Difference (-166)`, 'figure'),
  target('figure:item:4:table:1/6:area:7/5', 'item:4', `${ITEM_4}: Wycombe, % change (-45%)`, 'figure'),
  target('item:5', 'item:5', ITEM_5),
];

let clock = 0;
function note(id: string, on: string, extra: Partial<Annotation> = {}): Annotation {
  clock += 1;
  const at = `2026-11-26T10:00:${String(clock).padStart(2, '0')}.000Z`;
  return {
    id,
    meetingId: 1,
    packVersion: 1,
    target: on,
    targetKind: 'item',
    sectionId: null,
    targetLabel: on,
    author: 'Jane Chair',
    kind: 'comment',
    rag: null,
    text: `Note ${id}`,
    shared: true,
    resolved: false,
    version: 1,
    createdAt: at,
    updatedAt: at,
    conflict: null,
    ...extra,
  };
}

const group = (notes: Annotation[]) => groupNotes(notes, TARGETS, placeNotes(notesToPlace(notes), TARGETS));
const shape = (notes: Annotation[]) =>
  group(notes).map((entry) => [
    entry.title,
    entry.entries.map((row) => `${numberText(row.number)} ${row.note.id}${row.theirs ? `+${row.theirs.note.id}` : ''}`),
  ]);

describe('the Notes tab’s list', () => {
  it('groups notes by agenda item in reading order, numbered as the preview marks them', () => {
    // Written out of reading order: the later item first, the figure before the item it is in.
    const notes = [note('a', 'item:5'), note('b', 'figure:item:4:table:1/6:area:7/5'), note('c', 'item:4')];
    expect(shape(notes)).toEqual([
      [ITEM_4, ['N1 c', 'N2 b']],
      [ITEM_5, ['N3 a']],
    ]);
    expect(noteCount(group(notes))).toBe(3);
  });

  it('numbers two notes on one element oldest first', () => {
    const notes = [note('late', 'item:4'), note('early', 'item:4', { createdAt: '2026-11-01T09:00:00.000Z' })];
    expect(shape(notes)).toEqual([[ITEM_4, ['N1 early', 'N2 late']]]);
  });

  it("pairs a note kept twice with the author's version, which the pack does not mark, counted as one note", () => {
    const conflict = (value: AnnotationConflict) => ({ conflict: value });
    const ours = note('ours', 'item:4', conflict({ kind: 'edited on both sides', incomingCopyId: 'theirs' }));
    const theirs = note('theirs', 'item:4', conflict({ kind: 'incoming copy', noteId: 'ours' }));
    const groups = group([ours, theirs, note('other', 'item:5')]);
    expect(groups.map((entry) => entry.entries.map((row) => row.note.id))).toEqual([['ours'], ['other']]);
    expect(groups[0]?.entries[0]?.theirs).toEqual({ note: theirs, number: null });
    expect(groups.map((entry) => entry.entries.map((row) => row.number))).toEqual([[1], [2]]);
    expect(noteCount(groups)).toBe(2);
  });

  it("shows the author's version on its own when the note it disagrees with is not listed", () => {
    const orphan = note('theirs', 'item:4', { conflict: { kind: 'incoming copy', noteId: 'gone' } });
    expect(groupNotes([orphan], TARGETS, []).map((entry) => entry.entries.map((row) => row.note.id))).toEqual([
      ['theirs'],
    ]);
  });

  it('lists last, without a number, notes on elements this version does not have', () => {
    const notes = [note('lost', 'item:99'), note('here', 'item:5')];
    expect(shape(notes)).toEqual([
      [ITEM_5, ['N1 here']],
      ['On elements not found in this version', ['— lost']],
    ]);
  });
});

describe('the notes the pack marks', () => {
  it('leaves out the author’s version of a note kept twice, and private notes when only shared ones are asked', () => {
    const notes = [
      note('ours', 'item:4', { conflict: { kind: 'edited on both sides', incomingCopyId: 'theirs' } }),
      note('theirs', 'item:4', { conflict: { kind: 'incoming copy', noteId: 'ours' } }),
      note('mine', 'item:5', { shared: false }),
    ];
    expect(notesToPlace(notes).map((entry) => entry.id)).toEqual(['ours', 'mine']);
    expect(notesToPlace(notes, true).map((entry) => entry.id)).toEqual(['ours']);
  });
});

describe('choosing the element of a new note', () => {
  it("lists an item's elements named within it, the item itself first", () => {
    const item = TARGETS[0];
    expect(elementsOf(TARGETS, 'item:4').map((element) => elementLabel(element, item))).toEqual([
      'The item as a whole',
      'Wycombe in "Domestic burglary"',
      'Wycombe, Difference (-166)',
      'Wycombe, % change (-45%)',
    ]);
    expect(elementsOf(TARGETS, 'item:5').map((element) => element.target)).toEqual(['item:5']);
  });

  it('narrows them to those holding every word typed, in any case, keeping the item', () => {
    expect(elementsOf(TARGETS, 'item:4', '  WYCOMBE   change ').map((element) => element.target)).toEqual([
      'item:4',
      'figure:item:4:table:1/6:area:7/5',
    ]);
    expect(elementsOf(TARGETS, 'item:4', 'Aylesbury').map((element) => element.target)).toEqual(['item:4']);
  });
});

describe('an edit', () => {
  const before = { kind: 'proposed rag', rag: 'amber', text: 'Behind plan', shared: true } as const;

  it('sends only what changed, and nothing when nothing did', () => {
    expect(noteChanges(before, before)).toEqual({});
    expect(noteChanges(before, { ...before, rag: 'red' })).toEqual({ rag: 'red' });
    expect(noteChanges(before, { ...before, text: 'Well behind', shared: false })).toEqual({
      text: 'Well behind',
      shared: false,
    });
  });

  it('drops the RAG when the note stops proposing one', () => {
    expect(noteChanges(before, { ...before, kind: 'comment' })).toEqual({ kind: 'comment', rag: null });
    expect(
      noteChanges({ ...before, kind: 'comment', rag: null }, { ...before, kind: 'comment', rag: 'green' }),
    ).toEqual({});
  });
});
