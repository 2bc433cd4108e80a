import { PDFDocument } from 'pdf-lib';
import { BoardpackError } from '../../../shared/errors';
import type { PackDocument, PackMeta } from '../../../shared/pack/document';
import type { PackNote } from '../../../shared/pack/pack-notes';
import { attachmentContentsKey } from '../../../shared/pack/render-html';
import type { PackExportServices } from '../export-services';
import type { PdfPrinter } from '../pdf-printer';
import { appendAttachments, loadAttachments, type LoadedAttachment } from './append-attachments';
import { adoptPageContent, removeBlankPagesFrom } from './page-content';
import { addOutlineEntry, outlineDescendants, setOutlineTitle, topLevelOutline } from './pdf-outline';
import { OBJECTS_PER_TICK, savePdf } from './pdf-writer';
import { frontMatterHtml, packPrintHtml } from './print-html';
import { packPrintOptions } from './print-options';
import { readPrintedOutline } from './printed-outline';

/**
 * The pack as a PDF. Chromium prints the whole pack once (print mode), with a
 * running header and footer, a tagged structure and an outline, and with a
 * blank page at its end for each page of the attachments, so its "Page X of Y"
 * counts them. The outline says on which page each section's <h1> landed
 * (read quickly from the bytes). Chromium then prints the cover and contents
 * alone with those page numbers, while pdf-lib reads the whole first print;
 * their drawing takes the place of the first print's front pages, whose
 * structure, links and outline stay: the contents reserve the same room for a
 * number either way, and the two prints must mark the same content in the same
 * order (checked, not assumed). pdf-lib then puts the attachments' pages where
 * the blank ones were, bookmarks each under its agenda item and sets the
 * document's metadata.
 *
 * One print of the pack, not two: Chromium's print is most of an export's time
 * (a 75-page pack: about 2 s to print; then 0.2 s for pdf-lib to read it,
 * beside 0.2 s to print the front pages again; 0.15 s to write the result).
 */

/** pdf-lib reads a print in slices of OBJECTS_PER_TICK objects (its default, 100, spends most of its time waiting). */
const loadPrinted = (bytes: Uint8Array): Promise<PDFDocument> =>
  PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK });

/** Each section's first page (1-based) by section id, from the top-level bookmarks Chromium made of the <h1>s. */
function sectionPages(document: PackDocument, topLevelPages: readonly (number | null)[]): Map<string, number> {
  if (topLevelPages.length !== document.sections.length) {
    throw new BoardpackError(
      'internal',
      `the printed pack has ${topLevelPages.length} top-level bookmarks for ${document.sections.length} agenda items`,
    );
  }
  const pages = new Map<string, number>();
  document.sections.forEach((section, index) => {
    const page = topLevelPages[index];
    if (page === null || page === undefined) {
      throw new BoardpackError('internal', `the printed pack does not say on which page "${section.title}" starts`);
    }
    pages.set(section.id, page);
  });
  return pages;
}

/**
 * Chromium titles each bookmark with its heading's text as laid out, and drops
 * the space where a long heading wrapped ("the 2013/14priorities"): the titles
 * are set again from the document, a section's headings in order beneath it.
 */
function titleOutline(pdf: PDFDocument, document: PackDocument): void {
  topLevelOutline(pdf).forEach((entry, index) => {
    const section = document.sections[index];
    if (!section) return;
    setOutlineTitle(entry.dict, `${section.number} ${section.title}`);
    const headings = section.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
    const below = outlineDescendants(entry.dict);
    if (below.length === headings.length) below.forEach((child, at) => setOutlineTitle(child, headings[at] ?? ''));
  });
}

/** The contents' page numbers: each section's first page, then each attachment's, after the pack's own pages. */
function contentsPagesOf(
  sections: ReadonlyMap<string, number>,
  packPages: number,
  attachments: readonly LoadedAttachment[],
): Map<string, number> {
  const pages = new Map(sections);
  let next = packPages + 1;
  for (const { attachment, pdf: attached } of attachments) {
    pages.set(attachmentContentsKey(attachment.attachmentId), next);
    next += attached.getPageCount();
  }
  return pages;
}

/** The cover and contents printed again, with their page numbers: the first `frontPages` pages only. */
async function printFrontPages(
  printer: PdfPrinter,
  document: PackDocument,
  contentsPages: ReadonlyMap<string, number>,
  totalPages: number,
  frontPages: number,
): Promise<PDFDocument> {
  const options = { ...packPrintOptions(document.meta, totalPages), pageRanges: `1-${frontPages}` };
  const front = await loadPrinted(await printer.print(frontMatterHtml(document, contentsPages), options));
  if (front.getPageCount() !== frontPages) {
    throw new BoardpackError(
      'internal',
      `the cover and contents printed on ${front.getPageCount()} pages, not the pack's ${frontPages}; the page numbers would be wrong`,
    );
  }
  return front;
}

const samePages = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean =>
  a.size === b.size && [...a].every(([key, page]) => b.get(key) === page);

function setMetadata(pdf: PDFDocument, meta: PackMeta): void {
  const made = new Date(meta.issuedAt ?? meta.builtAt);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.partnership);
  pdf.setSubject(
    `Board pack for ${meta.board}, ${meta.heldOn}${meta.version === null ? ' (draft)' : `, version ${meta.version}`}`,
  );
  pdf.setKeywords(['board pack', meta.board, meta.marking]);
  pdf.setLanguage('en-GB');
  pdf.setCreator('Boardpack');
  pdf.setProducer('Boardpack (Chromium, pdf-lib)');
  pdf.setCreationDate(made);
  pdf.setModificationDate(made);
}

/** The pack's PDF; with `notes`, reviewers' notes marked in the text and listed at the end of their items. */
export async function packPdf(
  document: PackDocument,
  services: PackExportServices,
  notes?: readonly PackNote[],
): Promise<Uint8Array> {
  const printer = services.printer;
  if (!printer) throw new BoardpackError('internal', 'PDF export needs Chromium, and none is available here');
  const attachments = await loadAttachments(document.attachments, services.attachment);
  const attachmentPages = attachments.reduce((sum, entry) => sum + entry.pdf.getPageCount(), 0);

  const html = packPrintHtml(document, attachmentPages, notes);
  const printed = await printer.print(html, packPrintOptions(document.meta, null));
  const { pageCount, topLevelPages } = readPrintedOutline(printed);
  const sections = sectionPages(document, topLevelPages);
  const packPages = pageCount - attachmentPages;
  const contentsPages = contentsPagesOf(sections, packPages, attachments);
  const firstSection = document.sections[0];
  const frontPages = firstSection ? (sections.get(firstSection.id) ?? 1) - 1 : packPages;
  if (frontPages < 1) throw new BoardpackError('internal', 'the printed pack does not start with its cover');

  // pdf-lib reads the whole print while Chromium prints the cover and contents again.
  const [pdf, front] = await Promise.all([
    loadPrinted(printed),
    printFrontPages(printer, document, contentsPages, pageCount, frontPages),
  ]);
  const read = sectionPages(
    document,
    topLevelOutline(pdf).map((entry) => entry.page),
  );
  if (pdf.getPageCount() !== pageCount || !samePages(read, sections)) {
    throw new BoardpackError('internal', 'pdf-lib and the quick read of the print disagree on its pages');
  }
  front.getPages().forEach((page, index) => adoptPageContent({ pdf, page: pdf.getPage(index) }, { pdf: front, page }));
  removeBlankPagesFrom(pdf, packPages);

  titleOutline(pdf, document);
  const firstPages = await appendAttachments(pdf, document.meta, attachments);
  const outline = topLevelOutline(pdf);
  attachments.forEach(({ attachment }, index) => {
    const sectionIndex = document.sections.findIndex((section) => section.id === attachment.sectionId);
    const parent = sectionIndex < 0 ? null : (outline[sectionIndex]?.dict ?? null);
    addOutlineEntry(pdf, parent, `Appended: ${attachment.title}`, firstPages[index] ?? 1);
  });
  setMetadata(pdf, document.meta);
  return savePdf(pdf);
}
