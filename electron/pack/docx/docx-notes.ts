import { BorderStyle, Paragraph, ShadingType, TextRun, type FileChild } from 'docx';
import { longDate } from '../../../shared/date-text';
import type { PackSection } from '../../../shared/pack/document';
import { noteKindText, noteLabel, notePlaceInItem, type PackNote } from '../../../shared/pack/pack-notes';
import { MUTED_COLOUR, SIZE } from './docx-styles';

/**
 * Reviewers' notes in Word, as the HTML shows them: a superscript mark at the
 * element ("N2") and the item's notes in a shaded box with an amber rule at the
 * item's end, each saying what it is on, who wrote it and when.
 */

const NOTE_INK = '7A3E00';
const NOTE_RULE = 'D9A441';
const NOTE_FILL = 'FFFAF0';

/** The marks of the notes on one element as a superscript run, or none. */
export function noteMarkRuns(notes: readonly PackNote[]): TextRun[] {
  if (notes.length === 0) return [];
  return [new TextRun({ text: ` ${notes.map(noteLabel).join(' ')}`, superScript: true, bold: true, color: NOTE_INK })];
}

const boxed = (children: TextRun[], after = 60): Paragraph =>
  new Paragraph({
    children,
    keepNext: true,
    spacing: { after },
    indent: { left: 160 },
    border: { left: { style: BorderStyle.SINGLE, size: 18, color: NOTE_RULE, space: 8 } },
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: NOTE_FILL },
  });

/** An item's notes in one box, or nothing when it has none. */
export function sectionNotesDocx(section: PackSection, notes: readonly PackNote[]): FileChild[] {
  if (notes.length === 0) return [];
  const title = notes.length === 1 ? 'Reviewer’s note on this item' : 'Reviewers’ notes on this item';
  const paragraphs = [boxed([new TextRun({ text: title, bold: true, color: NOTE_INK })], 80)];
  notes.forEach((note, index) => {
    const last = index === notes.length - 1;
    paragraphs.push(
      boxed(
        [
          new TextRun({ text: `${noteLabel(note)} `, bold: true, color: NOTE_INK }),
          new TextRun({ text: noteKindText(note), bold: true }),
          new TextRun({ text: ` on ${notePlaceInItem(note, section)}`, color: MUTED_COLOUR }),
        ],
        0,
      ),
      boxed([new TextRun(note.text)], 0),
      boxed(
        [
          new TextRun({
            text: `${note.author}, ${longDate(note.updatedAt)}${note.resolved ? ' · resolved' : ''}`,
            size: SIZE.small,
            color: MUTED_COLOUR,
          }),
        ],
        last ? 200 : 100,
      ),
    );
  });
  return paragraphs;
}
