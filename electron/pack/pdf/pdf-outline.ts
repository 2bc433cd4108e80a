import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';

/**
 * The PDF's outline (bookmarks) through pdf-lib's low-level objects: reading
 * the top-level entries Chromium made from the sections' <h1>s, with the page
 * each one points at, and adding an entry under one of them.
 */

export interface OutlineEntry {
  readonly title: string;
  /** 1-based page number, or null when the entry points nowhere we can follow. */
  readonly page: number | null;
  readonly dict: PDFDict;
}

const name = (key: string) => PDFName.of(key);

function outlineRoot(pdf: PDFDocument): PDFDict | undefined {
  return pdf.catalog.lookupMaybe(name('Outlines'), PDFDict);
}

function titleOf(item: PDFDict): string {
  return item.lookupMaybe(name('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
}

/** A named destination's array, from the catalog's /Dests or its /Names /Dests name tree. */
function namedDestination(pdf: PDFDocument, key: string): PDFArray | undefined {
  const direct = pdf.catalog.lookupMaybe(name('Dests'), PDFDict)?.lookup(name(key));
  if (direct instanceof PDFArray) return direct;
  if (direct instanceof PDFDict) return direct.lookupMaybe(name('D'), PDFArray);
  const search = (node: PDFDict | undefined): PDFArray | undefined => {
    if (!node) return undefined;
    const names = node.lookupMaybe(name('Names'), PDFArray);
    if (names) {
      for (let index = 0; index + 1 < names.size(); index += 2) {
        const entry = names.lookup(index);
        const text = entry instanceof PDFString || entry instanceof PDFHexString ? entry.decodeText() : '';
        if (text === key) {
          const value = names.lookup(index + 1);
          return value instanceof PDFArray
            ? value
            : value instanceof PDFDict
              ? value.lookupMaybe(name('D'), PDFArray)
              : undefined;
        }
      }
    }
    const kids = node.lookupMaybe(name('Kids'), PDFArray);
    for (let index = 0; kids && index < kids.size(); index += 1) {
      const found = search(kids.lookupMaybe(index, PDFDict));
      if (found) return found;
    }
    return undefined;
  };
  return search(pdf.catalog.lookupMaybe(name('Names'), PDFDict)?.lookupMaybe(name('Dests'), PDFDict));
}

function destinationOf(pdf: PDFDocument, item: PDFDict): PDFArray | undefined {
  const target = item.lookup(name('Dest')) ?? item.lookupMaybe(name('A'), PDFDict)?.lookup(name('D'));
  if (target instanceof PDFArray) return target;
  if (target instanceof PDFName) return namedDestination(pdf, target.decodeText());
  if (target instanceof PDFString || target instanceof PDFHexString) return namedDestination(pdf, target.decodeText());
  return undefined;
}

function pageOf(pdf: PDFDocument, item: PDFDict): number | null {
  const first = destinationOf(pdf, item)?.get(0);
  if (!(first instanceof PDFRef)) return null;
  const index = pdf.getPages().findIndex((page) => page.ref.toString() === first.toString());
  return index < 0 ? null : index + 1;
}

/** The outline's top-level entries in order (Chromium: one per <h1>, headings below nested under them). */
export function topLevelOutline(pdf: PDFDocument): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let item = outlineRoot(pdf)?.lookupMaybe(name('First'), PDFDict);
  const seen = new Set<PDFDict>();
  while (item && !seen.has(item)) {
    seen.add(item);
    entries.push({ title: titleOf(item), page: pageOf(pdf, item), dict: item });
    item = item.lookupMaybe(name('Next'), PDFDict);
  }
  return entries;
}

/** Every entry below `entry`, in reading order (children before the next sibling). */
export function outlineDescendants(entry: PDFDict): PDFDict[] {
  const found: PDFDict[] = [];
  let child = entry.lookupMaybe(name('First'), PDFDict);
  while (child && !found.includes(child)) {
    found.push(child, ...outlineDescendants(child));
    child = child.lookupMaybe(name('Next'), PDFDict);
  }
  return found;
}

export function setOutlineTitle(entry: PDFDict, title: string): void {
  entry.set(name('Title'), PDFHexString.fromText(title));
}

const countOf = (dict: PDFDict): number => dict.lookupMaybe(name('Count'), PDFNumber)?.asNumber() ?? 0;

/**
 * Adds an entry pointing at a page, as the last child of `parent` (an entry
 * from topLevelOutline), or at the top level when parent is null. The counts
 * of open entries above it are kept right, as PDF readers rely on them.
 */
export function addOutlineEntry(pdf: PDFDocument, parent: PDFDict | null, title: string, page: number): void {
  const context = pdf.context;
  let root = outlineRoot(pdf);
  if (!root) {
    root = context.obj({ Type: 'Outlines', Count: 0 });
    pdf.catalog.set(name('Outlines'), context.register(root));
  }
  const rootRef = pdf.catalog.get(name('Outlines'));
  const holder = parent ?? root;
  const holderRef = parent === null ? rootRef : context.getObjectRef(parent);
  const target = pdf.getPage(page - 1).ref;
  const entry = context.obj({});
  setOutlineTitle(entry, title);
  if (holderRef) entry.set(name('Parent'), holderRef);
  entry.set(name('Dest'), context.obj([target, 'Fit']));
  const entryRef = context.register(entry);

  const last = holder.lookupMaybe(name('Last'), PDFDict);
  const lastRef = holder.get(name('Last'));
  if (last && lastRef) {
    last.set(name('Next'), entryRef);
    entry.set(name('Prev'), lastRef);
  } else {
    holder.set(name('First'), entryRef);
  }
  holder.set(name('Last'), entryRef);

  // A closed parent (negative count) hides its children: only its own count changes.
  const holderCount = countOf(holder);
  if (parent !== null && holderCount < 0) {
    parent.set(name('Count'), PDFNumber.of(holderCount - 1));
    return;
  }
  holder.set(name('Count'), PDFNumber.of(holderCount + 1));
  if (parent !== null) root.set(name('Count'), PDFNumber.of(countOf(root) + 1));
}
