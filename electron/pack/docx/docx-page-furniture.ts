import { AlignmentType, Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { PackMeta } from '../../../shared/pack/document';
import { MUTED_COLOUR, SIZE, TEXT_WIDTH_TWIPS } from './docx-styles';

/**
 * Every page's running header and footer: the protective marking centred in
 * both (as the Government Security Classifications ask), the pack's title in
 * the footer's left and "Page X of Y" at its right, from Word's PAGE and
 * NUMPAGES fields.
 */

const marking = (meta: PackMeta): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 60 },
    children: [new TextRun({ text: meta.marking, bold: true, size: SIZE.small })],
  });

export function packHeader(meta: PackMeta): Header {
  return new Header({ children: [marking(meta)] });
}

export function packFooter(meta: PackMeta): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
        spacing: { after: 60 },
        children: [
          new TextRun({ text: meta.title, size: SIZE.small, color: MUTED_COLOUR }),
          new TextRun({
            size: SIZE.small,
            children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
      marking(meta),
    ],
  });
}
