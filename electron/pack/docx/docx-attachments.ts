import { HeadingLevel, Paragraph, type FileChild } from 'docx';
import type { PackDocument } from '../../../shared/pack/document';
import { packTableDocx } from './docx-table';

/**
 * Word cannot carry a partner's PDF inside the document, so the Word file ends
 * with a list of them (the PDF edition appends them): each one's title, file
 * name, pages and the number of the agenda item it belongs to.
 */
export function attachmentsDocx(document: PackDocument): FileChild[] {
  if (document.attachments.length === 0) return [];
  const sections = new Map(document.sections.map((section) => [section.id, section]));
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, text: 'Attachments' }),
    new Paragraph({
      text: 'These documents are appended to the PDF edition of this pack. Ask the board secretary for a copy.',
    }),
    ...packTableDocx({
      id: 'attachments',
      caption: 'Attached documents',
      columns: [
        { header: 'Item', numeric: false },
        { header: 'Title', numeric: false },
        { header: 'File name', numeric: false },
        { header: 'Pages', numeric: true },
      ],
      rows: document.attachments.map((attachment, index) => {
        const section = sections.get(attachment.sectionId);
        return {
          id: `attachment:${index + 1}`,
          kind: 'body' as const,
          cells: [
            { text: section ? String(section.number) : '' },
            { text: attachment.title },
            { text: attachment.fileName },
            { text: String(attachment.pages), value: attachment.pages },
          ],
        };
      }),
      notes: [],
    }),
  ];
}
