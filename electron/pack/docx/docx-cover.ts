import { Paragraph, TextRun, type FileChild } from 'docx';
import type { PackDocument, PackPerson } from '../../../shared/pack/document';
import { MUTED_COLOUR, SIZE } from './docx-styles';

/**
 * The cover page: the partnership and board, the meeting's title, date and
 * venue, which version this is, and who attends and who sent apologies.
 */

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "Version 2, issued 14 March 2014" or "Draft, built from the live figures on 12 March 2014". */
export function versionLine(meta: PackDocument['meta']): string {
  if (meta.version !== null) {
    const issued = meta.issuedAt ? `, issued ${LONDON_DATE.format(new Date(meta.issuedAt))}` : '';
    return `Version ${meta.version}${issued}`;
  }
  return `Draft, built from the live figures on ${LONDON_DATE.format(new Date(meta.builtAt))}`;
}

const line = (text: string, options: { size?: number; bold?: boolean; colour?: string; after?: number } = {}) =>
  new Paragraph({
    spacing: { after: options.after ?? 120 },
    children: [
      new TextRun({
        text,
        size: options.size ?? SIZE.body,
        ...(options.bold === true ? { bold: true } : {}),
        ...(options.colour ? { color: options.colour } : {}),
      }),
    ],
  });

const person = (entry: PackPerson): string => (entry.role ? `${entry.name}, ${entry.role}` : entry.name);

function people(heading: string, entries: readonly PackPerson[]): Paragraph[] {
  if (entries.length === 0) return [];
  return [
    new Paragraph({ spacing: { before: 240, after: 80 }, children: [new TextRun({ text: heading, bold: true })] }),
    ...entries.map((entry) => line(person(entry), { size: SIZE.small, after: 40 })),
  ];
}

export function coverDocx(document: PackDocument): FileChild[] {
  const { cover, meta } = document;
  return [
    new Paragraph({
      spacing: { before: 1800, after: 120 },
      children: [new TextRun({ text: meta.partnership, color: MUTED_COLOUR })],
    }),
    line(meta.board, { bold: true, colour: MUTED_COLOUR, after: 480 }),
    new Paragraph({
      spacing: { after: 240 },
      children: [new TextRun({ text: cover.title, bold: true, size: SIZE.title })],
    }),
    ...(cover.subtitle ? [line(cover.subtitle, { size: SIZE.h2, after: 240 })] : []),
    line(cover.dateText, { size: SIZE.h3, bold: true }),
    ...(cover.venue ? [line(cover.venue)] : []),
    ...(meta.quarter ? [line(`Reporting on ${meta.quarter}`)] : []),
    line(versionLine(meta), { colour: MUTED_COLOUR, after: 360 }),
    line(meta.marking, { bold: true }),
    ...people('Attendees', cover.attendees),
    ...people('Apologies', cover.apologies),
  ];
}
