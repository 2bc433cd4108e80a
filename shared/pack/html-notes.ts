import { longDate } from '../date-text';
import type { PackSection } from './document';
import { escapeHtml } from './html-escape';
import { noteKindText, noteLabel, notePlaceInItem, type PackNote } from './pack-notes';

/**
 * Reviewers' notes in the pack's HTML: a mark at the element a note is on
 * (linked to the note), and the item's notes in a box at its end, each saying
 * what it is on, who wrote it and when.
 */

const noteAnchor = (note: PackNote): string => `note-${note.number}`;

/** The marks of the notes on one element ("N1 N3"), linked to the notes; empty without notes. */
export function noteMarksHtml(notes: readonly PackNote[]): string {
  if (notes.length === 0) return '';
  const marks = notes
    .map((note) => `<a href="#${noteAnchor(note)}" aria-label="Note ${note.number}">${noteLabel(note)}</a>`)
    .join(' ');
  return `<sup class="note-mark">${marks}</sup>`;
}

function noteHtml(note: PackNote, section: PackSection): string {
  const rag = note.kind === 'proposed rag' ? note.rag : null;
  const swatch = rag ? '<span class="rag-swatch" aria-hidden="true"></span>' : '';
  const status = note.resolved ? ' · resolved' : '';
  return [
    `<li id="${noteAnchor(note)}" class="pack-note" data-note-id="${escapeHtml(note.id)}">`,
    `<p class="pack-note-head"><span class="pack-note-number">${noteLabel(note)}</span> `,
    `<span class="pack-note-kind${rag ? ` rag-${rag}` : ''}">${swatch}${escapeHtml(noteKindText(note))}</span>`,
    ` <span class="pack-note-on">on ${escapeHtml(notePlaceInItem(note, section))}</span></p>`,
    `<p class="pack-note-text">${escapeHtml(note.text)}</p>`,
    `<p class="pack-note-by">${escapeHtml(note.author)}, ${escapeHtml(longDate(note.updatedAt))}${status}</p>`,
    '</li>',
  ].join('');
}

/** An agenda item's notes in one box, or nothing when it has none. */
export function sectionNotesHtml(section: PackSection, notes: readonly PackNote[]): string {
  if (notes.length === 0) return '';
  const title = notes.length === 1 ? 'Reviewer’s note on this item' : 'Reviewers’ notes on this item';
  return [
    `<aside class="pack-notes" aria-label="${title}">`,
    `<p class="pack-notes-title">${title}</p>`,
    `<ol>${notes.map((note) => noteHtml(note, section)).join('')}</ol>`,
    '</aside>',
  ].join('\n');
}
