/**
 * A paper's rich text (TipTap's JSON) as pack blocks: headings 2–3 (a level-1
 * heading in a paper becomes 2: the agenda item's title is the level 1),
 * paragraphs, bullet and numbered lists, bold, italic and links, and simple
 * tables whose first row is the header. Fields bound to data become PackField
 * inlines filled in by the resolver given (so this stays pure). A node the pack
 * cannot print becomes a note saying what was left out, never silently dropped.
 */
import { shownNumber } from '../views/build-view-table';
import type { PaperDoc, PaperNode } from './agenda-content';
import type { PackBlock, PackCell, PackField, PackInline, PackTable, PackText } from './document';
import { splitFields, type FieldResolver } from './fields';

export interface PaperContext {
  /** The section's id ("item:12"): tables are numbered under it. */
  readonly sectionId: string;
  /** The item's title, for table captions. */
  readonly title: string;
  readonly resolve: FieldResolver;
}

export interface PaperBlocks {
  readonly blocks: PackBlock[];
  /** Every field met, in order (in paragraphs, lists, headings and tables), resolved or not. */
  readonly fields: PackField[];
}

interface Style {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly link?: string;
}

interface Run {
  readonly text: string;
  readonly style: Style;
}

const SAFE_LINK = /^(https?:|mailto:)/i;

function styleOf(node: PaperNode): Style {
  let style: Style = {};
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') style = { ...style, bold: true };
    if (mark.type === 'italic') style = { ...style, italic: true };
    const href = mark.attrs?.href;
    if (mark.type === 'link' && typeof href === 'string' && SAFE_LINK.test(href)) style = { ...style, link: href };
  }
  return style;
}

class PaperReader {
  readonly blocks: PackBlock[] = [];
  readonly fields: PackField[] = [];
  private tables = 0;

  constructor(private readonly context: PaperContext) {}

  /** The inline runs of a text block, with a note for each inline node the pack cannot print. */
  private runsOf(node: PaperNode, left: string[]): Run[] {
    const runs: Run[] = [];
    for (const child of node.content ?? []) {
      if (child.type === 'text') runs.push({ text: child.text ?? '', style: styleOf(child) });
      else if (child.type === 'hardBreak') runs.push({ text: '\n', style: {} });
      else left.push(child.type);
    }
    return runs;
  }

  private field(source: string): PackField {
    const value = this.context.resolve(source);
    const field: PackField =
      'text' in value
        ? { kind: 'field', source, text: value.text, problem: null }
        : { kind: 'field', source, text: null, problem: value.problem };
    this.fields.push(field);
    return field;
  }

  /** Runs cut at field boundaries: a field takes the style of its first character. */
  private inlinesOf(runs: readonly Run[]): PackInline[] {
    const whole = runs.map((run) => run.text).join('');
    const inlines: PackInline[] = [];
    const starts: number[] = [];
    runs.reduce((offset, run) => (starts.push(offset), offset + run.text.length), 0);
    for (const part of splitFields(whole)) {
      if (part.kind === 'field') {
        inlines.push(this.field(part.source));
        continue;
      }
      runs.forEach((run, index) => {
        const from = Math.max(part.start, starts[index] ?? 0);
        const to = Math.min(part.end, (starts[index] ?? 0) + run.text.length);
        if (to <= from) return;
        const text: PackText = {
          kind: 'text',
          text: whole.slice(from, to),
          ...(run.style.bold ? { bold: true } : {}),
          ...(run.style.italic ? { italic: true } : {}),
          ...(run.style.link ? { link: run.style.link } : {}),
        };
        inlines.push(text);
      });
    }
    return inlines;
  }

  /** Plain text with fields filled in (an unfilled field keeps its source, and its problem is recorded). */
  private plainText(node: PaperNode, left: string[]): string {
    return this.inlinesOf(this.runsOf(node, left))
      .map((inline) => (inline.kind === 'text' ? inline.text : (inline.text ?? inline.source)))
      .join('');
  }

  private leftOut(types: readonly string[], where: string): void {
    if (types.length === 0) return;
    const unique = [...new Set(types)];
    this.blocks.push({
      kind: 'note',
      text: `Left out of the pack ${where}: ${unique.join(', ')} (not something a pack can print).`,
    });
  }

  private heading(node: PaperNode): void {
    const left: string[] = [];
    const text = this.plainText(node, left).trim();
    const asked = Number(node.attrs?.level ?? 2);
    if (text !== '') this.blocks.push({ kind: 'heading', level: asked >= 3 ? 3 : 2, text });
    this.leftOut(left, 'from a heading');
  }

  private paragraph(node: PaperNode): void {
    const left: string[] = [];
    const inlines = this.inlinesOf(this.runsOf(node, left));
    if (inlines.some((inline) => inline.kind === 'field' || inline.text.trim() !== '')) {
      this.blocks.push({ kind: 'paragraph', inlines });
    }
    this.leftOut(left, 'from a paragraph');
  }

  /** A list item's paragraphs joined; a nested list's items follow as items of their own. */
  private listItems(node: PaperNode, left: string[]): PackInline[][] {
    const items: PackInline[][] = [];
    for (const item of node.content ?? []) {
      if (item.type !== 'listItem') {
        left.push(item.type);
        continue;
      }
      const own: PackInline[] = [];
      const nested: PackInline[][] = [];
      for (const child of item.content ?? []) {
        if (child.type === 'paragraph' || child.type === 'heading') {
          if (own.length > 0) own.push({ kind: 'text', text: ' ' });
          own.push(...this.inlinesOf(this.runsOf(child, left)));
        } else if (child.type === 'bulletList' || child.type === 'orderedList') {
          nested.push(...this.listItems(child, left));
        } else left.push(child.type);
      }
      if (own.length > 0) items.push(own);
      items.push(...nested);
    }
    return items;
  }

  private list(node: PaperNode): void {
    const left: string[] = [];
    const items = this.listItems(node, left);
    if (items.length > 0) this.blocks.push({ kind: 'list', ordered: node.type === 'orderedList', items });
    this.leftOut(left, 'from a list');
  }

  private cellText(cell: PaperNode, left: string[]): string {
    return (cell.content ?? [])
      .map((child) => {
        if (child.type === 'paragraph' || child.type === 'heading') return this.plainText(child, left);
        left.push(child.type);
        return '';
      })
      .join(' ')
      .trim();
  }

  private table(node: PaperNode): void {
    const left: string[] = [];
    const grid = (node.content ?? [])
      .filter((row) => row.type === 'tableRow' || (left.push(row.type), false))
      .map((row) => (row.content ?? []).map((cell) => this.cellText(cell, left)));
    const [header = [], ...body] = grid;
    const width = Math.max(0, ...grid.map((row) => row.length));
    if (width === 0) {
      this.leftOut(left, 'from a table');
      return;
    }
    const numeric = Array.from(
      { length: width },
      (_, column) =>
        body.length > 0 &&
        body.every((row) => (row[column] ?? '') === '' || shownNumber(row[column] ?? '') !== null) &&
        body.some((row) => (row[column] ?? '') !== ''),
    );
    this.tables += 1;
    const table: PackTable = {
      id: `${this.context.sectionId}:paper-table:${this.tables}`,
      caption: `${this.context.title}: table ${this.tables}`,
      columns: Array.from({ length: width }, (_, column) => ({
        header: header[column] ?? '',
        numeric: numeric[column] ?? false,
      })),
      rows: body.map((row, index) => ({
        id: `row:${index + 1}`,
        kind: 'body',
        cells: Array.from({ length: width }, (_, column): PackCell => {
          const text = row[column] ?? '';
          return numeric[column] ? { text, value: text === '' ? null : shownNumber(text) } : { text };
        }),
      })),
      notes: [],
    };
    this.blocks.push({ kind: 'table', table });
    this.leftOut(left, 'from a table');
  }

  read(nodes: readonly PaperNode[]): void {
    for (const node of nodes) {
      if (node.type === 'heading') this.heading(node);
      else if (node.type === 'paragraph') this.paragraph(node);
      else if (node.type === 'bulletList' || node.type === 'orderedList') this.list(node);
      else if (node.type === 'table') this.table(node);
      else if (node.type === 'blockquote') this.read(node.content ?? []);
      else this.leftOut([node.type], 'from the paper');
    }
  }
}

/** A paper's blocks and the fields in it. */
export function paperBlocks(doc: PaperDoc, context: PaperContext): PaperBlocks {
  const reader = new PaperReader(context);
  reader.read(doc.content);
  return { blocks: reader.blocks, fields: reader.fields };
}

/** Every field inline in a list of blocks (paragraphs and list items), in order. */
export function fieldsIn(blocks: readonly PackBlock[]): PackField[] {
  return blocks.flatMap((block) => {
    if (block.kind === 'paragraph') return block.inlines.filter((inline) => inline.kind === 'field');
    if (block.kind === 'list') return block.items.flat().filter((inline) => inline.kind === 'field');
    return [];
  });
}
