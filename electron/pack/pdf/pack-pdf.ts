import { PDFDocument } from 'pdf-lib';
import { BoardpackError } from '../../../shared/errors';
import type { PackDocument } from '../../../shared/pack/document';
import { attachmentContentsKey, renderPackHtml } from '../../../shared/pack/render-html';
import type { PackExportServices } from '../export-services';
import type { PdfPrinter } from '../pdf-printer';
import { appendAttachments, loadAttachments } from './append-attachments';
import { addOutlineEntry, outlineDescendants, setOutlineTitle, topLevelOutline } from './pdf-outline';
import { packPrintOptions } from './print-options';

/**
 * The pack as a PDF: Chromium prints the pack's HTML (print mode) with a
 * running header and footer, a tagged structure and an outline; the outline
 * says on which page each section's <h1> landed; the HTML is rendered again
 * with those page numbers in the contents and printed again (the contents
 * reserve the same room either way, so nothing moves; checked, not assumed).
 * Then pdf-lib appends the attachments, bookmarks each under its agenda item
 * and sets the document's metadata.
 */

interface Printed {
  readonly bytes: Uint8Array;
  readonly pdf: PDFDocument;
  /** Each section's first page, by section id. */
  readonly sectionPages: Map<string, number>;
}

async function printOnce(
  printer: PdfPrinter,
  document: PackDocument,
  contentsPages: ReadonlyMap<string, number> | undefined,
  totalPages: number | null,
): Promise<Printed> {
  const html = renderPackHtml(document, { mode: 'print', ...(contentsPages ? { contentsPages } : {}) });
  const bytes = await printer.print(html, packPrintOptions(document.meta, totalPages));
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const outline = topLevelOutline(pdf);
  if (outline.length !== document.sections.length) {
    throw new BoardpackError(
      'internal',
      `the printed pack has ${outline.length} top-level bookmarks for ${document.sections.length} agenda items`,
    );
  }
  const sectionPages = new Map<string, number>();
  document.sections.forEach((section, index) => {
    const page = outline[index]?.page;
    if (page === null || page === undefined) {
      throw new BoardpackError('internal', `the printed pack does not say on which page "${section.title}" starts`);
    }
    sectionPages.set(section.id, page);
  });
  return { bytes, pdf, sectionPages };
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

const samePages = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean =>
  a.size === b.size && [...a].every(([key, page]) => b.get(key) === page);

export async function packPdf(document: PackDocument, services: PackExportServices): Promise<Uint8Array> {
  const printer = services.printer;
  if (!printer) throw new BoardpackError('internal', 'PDF export needs Chromium, and none is available here');
  const attachments = await loadAttachments(document.attachments, services.attachment);
  const attachmentPages = attachments.reduce((sum, entry) => sum + entry.pdf.getPageCount(), 0);

  const first = await printOnce(printer, document, undefined, null);
  const packPages = first.pdf.getPageCount();
  const contentsPages = new Map(first.sectionPages);
  let next = packPages + 1;
  for (const { attachment, pdf } of attachments) {
    contentsPages.set(attachmentContentsKey(attachment.attachmentId), next);
    next += pdf.getPageCount();
  }
  const final = await printOnce(printer, document, contentsPages, packPages + attachmentPages);
  if (final.pdf.getPageCount() !== packPages || !samePages(final.sectionPages, first.sectionPages)) {
    throw new BoardpackError(
      'internal',
      'the pack moved between its two prints (the contents page changed length); the page numbers would be wrong',
    );
  }

  const pdf = final.pdf;
  titleOutline(pdf, document);
  const firstPages = await appendAttachments(pdf, document.meta, attachments);
  const outline = topLevelOutline(pdf);
  attachments.forEach(({ attachment }, index) => {
    const sectionIndex = document.sections.findIndex((section) => section.id === attachment.sectionId);
    const parent = sectionIndex < 0 ? null : (outline[sectionIndex]?.dict ?? null);
    addOutlineEntry(pdf, parent, `Appended: ${attachment.title}`, firstPages[index] ?? 1);
  });

  const { meta } = document;
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
  return pdf.save();
}
