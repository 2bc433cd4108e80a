import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFObjectParser,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { BoardpackError } from '../../../shared/errors';
import { latin1 } from './latin1';

/**
 * The pages of a PDF Chromium just printed and where its top-level bookmarks
 * point, read straight from its bytes: the cross-reference table gives each
 * object's offset, so only the catalog, the page tree and the outline are
 * parsed (a few hundred objects of a 100-page pack's ten thousand). The pack's
 * export reads this first and starts its second print while pdf-lib reads the
 * whole file (which says the same, checked there).
 *
 * Chromium's PDFs (Skia's writer, in Electron too) end with a classic
 * cross-reference table; a file without one is refused.
 */
export interface PrintedOutline {
  readonly pageCount: number;
  /** Each top-level bookmark's page (1-based) in order; null where it points at no page. */
  readonly topLevelPages: readonly (number | null)[];
}

const name = (key: string) => PDFName.of(key);
const unreadable = (why: string) =>
  new BoardpackError('internal', `the PDF Chromium printed cannot be read quickly: ${why}`);

/** Object number to byte offset, and the trailer, from the file's last cross-reference table. */
function crossReference(bytes: Uint8Array): { offsets: Map<number, number>; trailer: PDFDict } {
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 64)));
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1] ?? NaN);
  if (!Number.isInteger(start)) throw unreadable('no startxref at its end');
  const text = latin1(bytes.subarray(start));
  const table = /^xref\s+([\s\S]*?)trailer\s*/.exec(text);
  if (!table) throw unreadable('no cross-reference table where startxref points');
  const offsets = new Map<number, number>();
  let object = 0;
  for (const line of (table[1] ?? '').split(/\r?\n|\r/)) {
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    const subsection = entry ? null : /^(\d+) (\d+)\s*$/.exec(line);
    if (subsection) object = Number(subsection[1]);
    if (!entry) continue;
    if (entry[3] === 'n') offsets.set(object, Number(entry[1]));
    object += 1;
  }
  const trailer = PDFObjectParser.forBytes(bytes.subarray(start + table[0].length), PDFContext.create()).parseObject();
  if (!(trailer instanceof PDFDict)) throw unreadable('its trailer is not a dictionary');
  return { offsets, trailer };
}

export function readPrintedOutline(bytes: Uint8Array): PrintedOutline {
  const { offsets, trailer } = crossReference(bytes);
  const context = PDFContext.create();
  const parsed = new Map<number, PDFObject>();
  const resolve = (object: PDFObject | undefined): PDFObject | undefined => {
    if (!(object instanceof PDFRef)) return object;
    const known = parsed.get(object.objectNumber);
    if (known) return known;
    const offset = offsets.get(object.objectNumber);
    if (offset === undefined) return undefined;
    const header = /^\s*\d+\s+\d+\s+obj\s*/.exec(latin1(bytes.subarray(offset, offset + 32)));
    if (!header) throw unreadable(`object ${object.objectNumber} is not where the table says`);
    const value = PDFObjectParser.forBytes(bytes.subarray(offset + header[0].length), context).parseObject();
    parsed.set(object.objectNumber, value);
    return value;
  };
  const dict = (object: PDFObject | undefined): PDFDict | undefined => {
    const value = resolve(object);
    return value instanceof PDFDict ? value : undefined;
  };

  const catalog = dict(trailer.get(name('Root')));
  if (!catalog) throw unreadable('no catalog');
  const pages: string[] = [];
  const visit = (ref: PDFObject | undefined, depth: number): void => {
    const node = dict(ref);
    if (!node || depth > 32) return;
    const kids = resolve(node.get(name('Kids')));
    if (kids instanceof PDFArray) kids.asArray().forEach((kid) => visit(kid, depth + 1));
    else if (ref instanceof PDFRef) pages.push(ref.toString());
  };
  visit(catalog.get(name('Pages')), 0);

  const namedDestinations = dict(catalog.get(name('Dests')));
  const pageOf = (item: PDFDict): number | null => {
    let target = resolve(item.get(name('Dest')) ?? dict(item.get(name('A')))?.get(name('D')));
    if (target instanceof PDFName || target instanceof PDFString || target instanceof PDFHexString) {
      target = resolve(namedDestinations?.get(name(target.decodeText())));
      if (target instanceof PDFDict) target = resolve(target.get(name('D')));
    }
    const page = target instanceof PDFArray ? target.get(0) : undefined;
    const index = page instanceof PDFRef ? pages.indexOf(page.toString()) : -1;
    return index < 0 ? null : index + 1;
  };

  const topLevelPages: (number | null)[] = [];
  const seen = new Set<PDFDict>();
  let item = dict(dict(catalog.get(name('Outlines')))?.get(name('First')));
  while (item && !seen.has(item)) {
    seen.add(item);
    topLevelPages.push(pageOf(item));
    item = dict(item.get(name('Next')));
  }
  return { pageCount: pages.length, topLevelPages };
}
