import { BoardpackError } from '../../../shared/errors';
import type { PackDocument } from '../../../shared/pack/document';
import type { PackNote } from '../../../shared/pack/pack-notes';
import { attachmentContentsKey, renderPackHtml } from '../../../shared/pack/render-html';

/**
 * The two HTML documents the pack's PDF is printed from.
 *
 * The whole pack prints once, its contents page numbered 0 throughout (the
 * numbers are not known yet; each takes the room a real one takes), and with a
 * blank page at its end for every page of the attachments, so that Chromium's
 * own "of Y" already counts them. The blank pages are hidden from the structure
 * tree; pdf-lib puts the attachments' pages in their place.
 *
 * Then only the front matter (cover and contents, with the page numbers now
 * known) prints again: the sections are there, without their content, so the
 * contents' links resolve, but only the front pages are printed.
 */

/** What the contents page numbers: each agenda item by section id, then each appended attachment. */
export function contentsKeys(document: PackDocument): string[] {
  return [
    ...document.sections.map((section) => section.id),
    ...document.attachments.map((attachment) => attachmentContentsKey(attachment.attachmentId)),
  ];
}

const RESERVED_PAGE = '<div aria-hidden="true" style="break-before:page;height:1px"></div>';

/**
 * The pack as it prints in full: contents numbered 0, `reservedPages` blank
 * pages at its end, and reviewers' notes where given (they are never on the
 * cover or the contents, so the front pages print the same without them).
 */
export function packPrintHtml(document: PackDocument, reservedPages: number, notes?: readonly PackNote[]): string {
  const placeholders = new Map(contentsKeys(document).map((key) => [key, 0]));
  const html = renderPackHtml(document, { mode: 'print', contentsPages: placeholders, ...(notes ? { notes } : {}) });
  if (reservedPages === 0) return html;
  const end = html.lastIndexOf('</body>');
  if (end < 0) throw new BoardpackError('internal', 'the pack’s HTML has no </body> to reserve the attachments’ pages');
  return `${html.slice(0, end)}${RESERVED_PAGE.repeat(reservedPages)}\n${html.slice(end)}`;
}

/** The cover and contents with their page numbers, the sections present but empty. */
export function frontMatterHtml(document: PackDocument, contentsPages: ReadonlyMap<string, number>): string {
  const sections = document.sections.map((section) => ({ ...section, blocks: [] }));
  return renderPackHtml({ ...document, sections }, { mode: 'print', contentsPages });
}
