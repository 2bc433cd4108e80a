import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFDocument,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';
import { BoardpackError } from '../../../shared/errors';
import { latin1 } from './latin1';

/**
 * Pages' content streams through pdf-lib's low-level objects: the marked
 * content a page holds (what ties its text to the structure tree), a page's
 * content and resources taken from another print of the same page, and
 * pages taken out of a document.
 */

const CONTENTS = PDFName.of('Contents');
const RESOURCES = PDFName.of('Resources');

function contentStreams(pdf: PDFDocument, page: PDFPage): PDFRawStream[] {
  const contents = page.node.get(CONTENTS);
  const parts = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return parts.map((part) => {
    const stream = part instanceof PDFRef ? pdf.context.lookup(part) : part;
    if (!(stream instanceof PDFRawStream)) {
      throw new BoardpackError('internal', 'a printed page’s content is not a stream pdf-lib can read');
    }
    return stream;
  });
}

/** `/Tag BMC`, `/Tag /Properties BDC` and `/Tag <</MCID 3>> BDC`. */
const MARKED_CONTENT = /\/([\w.#-]+)\s*(?:<<([^>]*)>>\s*BDC|\/[\w.#-]+\s*BDC|BMC)/g;
const MCID = /\/MCID\s+(\d+)/;

/**
 * The page's marked-content sequences in order, as "tag" or "tag:MCID": the
 * MCIDs the structure tree points at. Two prints whose pages agree here carry
 * the same tagged content in the same order.
 */
export function markedContent(pdf: PDFDocument, page: PDFPage): string[] {
  const text = contentStreams(pdf, page)
    .map((stream) => latin1(decodePDFRawStream(stream).decode()))
    .join('\n');
  return [...text.matchAll(MARKED_CONTENT)].map((match) => {
    const mcid = MCID.exec(match[2] ?? '')?.[1];
    return mcid === undefined ? (match[1] ?? '') : `${match[1] ?? ''}:${mcid}`;
  });
}

function forget(pdf: PDFDocument, object: PDFObject | undefined): void {
  if (object instanceof PDFRef) pdf.context.delete(object);
  if (object instanceof PDFArray) object.asArray().forEach((part) => forget(pdf, part));
}

/**
 * Gives `target` the drawing of `source` (a page of another print): its
 * content streams and the resources they name. Everything else of `target`
 * stays, its structure parents, links and tab order among them, so the
 * source must mark the same content in the same order (checked here).
 */
export function adoptPageContent(
  target: { readonly pdf: PDFDocument; readonly page: PDFPage },
  source: { readonly pdf: PDFDocument; readonly page: PDFPage },
): void {
  const before = markedContent(target.pdf, target.page);
  const after = markedContent(source.pdf, source.page);
  if (before.length !== after.length || before.some((entry, index) => entry !== after[index])) {
    throw new BoardpackError(
      'internal',
      'the front pages printed with their page numbers are not laid out as in the pack; the numbers would be wrong',
    );
  }
  const contents = source.page.node.get(CONTENTS);
  const resources = source.page.node.get(RESOURCES);
  if (!contents || !(resources instanceof PDFDict || resources instanceof PDFRef)) {
    throw new BoardpackError('internal', 'a printed page has no content or no resources of its own');
  }
  const copier = PDFObjectCopier.for(source.pdf.context, target.pdf.context);
  const old = target.page.node.get(CONTENTS);
  target.page.node.set(CONTENTS, copier.copy(contents));
  target.page.node.set(RESOURCES, copier.copy(resources));
  forget(target.pdf, old);
}

/** Removes the document's pages from index `from` (0-based) on, each of which must be blank (no tagged content). */
export function removeBlankPagesFrom(pdf: PDFDocument, from: number): void {
  for (let index = pdf.getPageCount() - 1; index >= from; index -= 1) {
    const page = pdf.getPage(index);
    if (markedContent(pdf, page).length > 0) {
      throw new BoardpackError(
        'internal',
        `page ${index + 1} was kept for an attachment but the pack printed onto it; the page numbers would be wrong`,
      );
    }
    const contents = page.node.get(CONTENTS);
    pdf.removePage(index);
    forget(pdf, contents);
    pdf.context.delete(page.ref);
  }
}
