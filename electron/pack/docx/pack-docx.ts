import { Document, Packer, PageBreak, Paragraph, TableOfContents, TextRun } from 'docx';
import type { PackDocument } from '../../../shared/pack/document';
import { PackNotes, type PackNote } from '../../../shared/pack/pack-notes';
import { attachmentsDocx } from './docx-attachments';
import { SectionWriter } from './docx-blocks';
import { chartPictures } from './docx-chart';
import { coverDocx, versionLine } from './docx-cover';
import { packFooter, packHeader } from './docx-page-furniture';
import { NUMBERING, PAGE, SIZE, STYLES } from './docx-styles';
import { refuseUnresolvedFields } from '../unresolved-fields';

/** What the Word export needs besides the document (the PDF export's attachment bytes; Word only lists them). */
export interface PackDocxServices {
  readonly attachment: (attachmentId: number) => Promise<Uint8Array>;
}

/**
 * The pack as a Word file the secretary can still edit: a cover page, a table
 * of contents field over Heading 1–3 (Word refreshes it on opening, as the file
 * asks it to update its fields), each agenda item on a new page under a real
 * Heading 1, tables, charts as pictures with alt text, and a closing list of
 * attachments; the protective marking in every page's header and footer, and
 * "Page X of Y". Reviewers' notes, when given, are marked at their elements and
 * boxed at the end of their items. A field that refers to no figure refuses the export.
 */
export async function packDocx(
  document: PackDocument,
  _services: PackDocxServices,
  notes: readonly PackNote[] = [],
): Promise<Uint8Array> {
  refuseUnresolvedFields(document);
  const writer = new SectionWriter(await chartPictures(document), new PackNotes(notes));
  const contents = [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({
      spacing: { after: 240 },
      children: [new TextRun({ text: 'Contents', bold: true, size: SIZE.h1 })],
    }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' }),
  ];
  const docx = new Document({
    title: document.meta.title,
    subject: document.meta.board,
    creator: document.meta.partnership,
    lastModifiedBy: 'Boardpack',
    description: `Board pack for ${document.meta.title}. ${versionLine(document.meta)}. ${document.meta.marking}.`,
    features: { updateFields: true },
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        properties: PAGE,
        headers: { default: packHeader(document.meta) },
        footers: { default: packFooter(document.meta) },
        children: [
          ...coverDocx(document),
          ...contents,
          ...document.sections.flatMap((section) => writer.section(section)),
          ...attachmentsDocx(document),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(docx));
}
