import { PDFDocument, PDFName, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { BoardpackError } from '../../../shared/errors';
import type { PackAttachment, PackMeta } from '../../../shared/pack/document';

/**
 * Partners' PDFs appended after the pack's own pages with pdf-lib, each page
 * stamped in its bottom margin with the marking, the attachment's name and
 * "Page X of Y", so a printed appendix still says what it belongs to.
 */

export interface LoadedAttachment {
  readonly attachment: PackAttachment;
  readonly pdf: PDFDocument;
}

/** Opens each attachment's stored bytes; a file that does not open is named in the error. */
export async function loadAttachments(
  attachments: readonly PackAttachment[],
  bytesOf: (attachmentId: number) => Promise<Uint8Array>,
): Promise<LoadedAttachment[]> {
  const loaded: LoadedAttachment[] = [];
  for (const attachment of attachments) {
    const bytes = await bytesOf(attachment.attachmentId);
    try {
      loaded.push({ attachment, pdf: await PDFDocument.load(bytes, { updateMetadata: false }) });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new BoardpackError('corrupt', `the attachment "${attachment.title}" is not a PDF that opens: ${why}`, {
        file: attachment.fileName,
      });
    }
  }
  return loaded;
}

/** Text the standard Helvetica can draw (WinAnsi); anything else becomes "?". */
function drawable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return Array.from(text)
    .map((character) => (known.has(character.codePointAt(0) ?? 0) ? character : '?'))
    .join('');
}

/** The text cut with an ellipsis to fit `width` points. */
function fitted(font: PDFFont, text: string, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let kept = text;
  while (kept.length > 0 && font.widthOfTextAtSize(`${kept}...`, size) > width) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}...`;
}

function stamp(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, texts: [string, string, string]): void {
  const size = 7.5;
  const { width } = page.getSize();
  const y = 14;
  const colour = rgb(0.106, 0.122, 0.141);
  const [left, middle, right] = texts.map((text, index) => drawable(index === 1 ? fonts.bold : fonts.regular, text));
  const margin = 36;
  const middleWidth = fonts.bold.widthOfTextAtSize(middle ?? '', size);
  page.drawText(middle ?? '', { x: (width - middleWidth) / 2, y, size, font: fonts.bold, color: colour });
  const leftRoom = (width - middleWidth) / 2 - margin - 12;
  page.drawText(fitted(fonts.regular, left ?? '', size, leftRoom), {
    x: margin,
    y,
    size,
    font: fonts.regular,
    color: colour,
  });
  const rightWidth = fonts.regular.widthOfTextAtSize(right ?? '', size);
  page.drawText(right ?? '', { x: width - margin - rightWidth, y, size, font: fonts.regular, color: colour });
  page.drawText(middle ?? '', {
    x: (width - middleWidth) / 2,
    y: page.getSize().height - y - size,
    size,
    font: fonts.bold,
    color: colour,
  });
}

/** Appends every attachment's pages to `pack`; returns each attachment's first page (1-based). */
export async function appendAttachments(
  pack: PDFDocument,
  meta: PackMeta,
  attachments: readonly LoadedAttachment[],
): Promise<number[]> {
  const total = pack.getPageCount() + attachments.reduce((sum, entry) => sum + entry.pdf.getPageCount(), 0);
  const fonts = {
    regular: await pack.embedFont(StandardFonts.Helvetica),
    bold: await pack.embedFont(StandardFonts.HelveticaBold),
  };
  const firstPages: number[] = [];
  for (const { attachment, pdf } of attachments) {
    firstPages.push(pack.getPageCount() + 1);
    const pages = await pack.copyPages(pdf, pdf.getPageIndices());
    for (const page of pages) {
      // The partner's structure tree is not carried over: its page must not point into ours.
      page.node.delete(PDFName.of('StructParents'));
      pack.addPage(page);
      stamp(page, fonts, [`Appended: ${attachment.title}`, meta.marking, `Page ${pack.getPageCount()} of ${total}`]);
    }
  }
  return firstPages;
}
