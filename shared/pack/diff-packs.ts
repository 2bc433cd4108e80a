/**
 * What changed between two builds of a pack: every number and every piece of
 * text, by where it stands (section, table, row, column; paragraph, list item,
 * field), and the sections and table rows added or removed. Tables and rows are
 * matched by their stable ids; other blocks by their order within the section.
 */
import type { PackBlock, PackChart, PackCover, PackDocument, PackInline, PackSection, PackTable } from './document';
import { describeField, splitFields } from './fields';
import type { PackChange, PackDiff } from './pack-diff';

const NUMBER = /^[+\-−]?[£]?\d[\d,]*(\.\d+)?(%| pp)?$/;

/** A change to a number when both sides (or the one there) read as numbers; else a change to text. */
const kindOf = (before: string | null, after: string | null): 'number' | 'text' =>
  [before, after].every((side) => side === null || side === '' || NUMBER.test(side.trim())) ? 'number' : 'text';

interface Place {
  readonly sectionId: string;
  readonly sectionTitle: string;
}

class Changes {
  readonly list: PackChange[] = [];

  value(place: Place, where: string, before: string | null, after: string | null): void {
    if (before === after) return;
    this.list.push({ ...place, where, kind: kindOf(before, after), before, after });
  }

  presence(place: Place, where: string, kind: 'added' | 'removed', text: string): void {
    this.list.push({
      ...place,
      where,
      kind,
      before: kind === 'removed' ? text : null,
      after: kind === 'added' ? text : null,
    });
  }
}

/** The wording as written: fields by their source, so a changed number is not also a changed sentence. */
const inlineText = (inlines: readonly PackInline[]): string =>
  inlines.map((inline) => (inline.kind === 'text' ? inline.text : inline.source)).join('');

/** The text as the reader sees it: fields by their value. */
const readText = (inlines: readonly PackInline[]): string =>
  inlines.map((inline) => (inline.kind === 'text' ? inline.text : (inline.text ?? inline.source))).join('');

const fieldsOf = (inlines: readonly PackInline[]) => inlines.filter((inline) => inline.kind === 'field');

/** A field in words ("Domestic burglary, Wycombe, Apr-Dec 2012 to Apr-Dec 2013 (difference)"), else as written. */
function fieldInWords(source: string): string {
  const [part] = splitFields(source);
  return part?.kind === 'field' && part.ref ? describeField(part.ref) : source;
}

function diffInlines(
  changes: Changes,
  place: Place,
  where: string,
  a: readonly PackInline[],
  b: readonly PackInline[],
) {
  if (inlineText(a) !== inlineText(b)) changes.value(place, where, readText(a), readText(b));
  const before = fieldsOf(a);
  const after = fieldsOf(b);
  after.forEach((field, index) => {
    const old = before[index];
    if (old && old.source === field.source) {
      changes.value(
        place,
        `${where}, field: ${fieldInWords(field.source)}`,
        old.text ?? old.problem,
        field.text ?? field.problem,
      );
    }
  });
}

function diffTable(changes: Changes, place: Place, label: string, a: PackTable, b: PackTable): void {
  const where = `${label} '${b.caption}'`;
  changes.value(place, `${where}, caption`, a.caption, b.caption);
  const headers = b.columns.map((column) => column.header);
  const oldRows = new Map(a.rows.map((row) => [row.id, row]));
  const newIds = new Set(b.rows.map((row) => row.id));
  for (const row of b.rows) {
    const name = row.cells[0]?.text ?? row.id;
    const old = oldRows.get(row.id);
    if (!old) {
      changes.presence(place, `${where}, row ${name}`, 'added', row.cells.map((cell) => cell.text).join(' | '));
      continue;
    }
    row.cells.forEach((cell, index) => {
      const column = headers[index] ?? `column ${index + 1}`;
      changes.value(place, `${where}, row ${name}, column ${column}`, old.cells[index]?.text ?? null, cell.text);
    });
  }
  for (const row of a.rows.filter((candidate) => !newIds.has(candidate.id))) {
    const name = row.cells[0]?.text ?? row.id;
    changes.presence(place, `${where}, row ${name}`, 'removed', row.cells.map((cell) => cell.text).join(' | '));
  }
  const notes = Math.max(a.notes.length, b.notes.length);
  for (let index = 0; index < notes; index += 1) {
    changes.value(place, `${where}, note ${index + 1}`, a.notes[index] ?? null, b.notes[index] ?? null);
  }
}

function diffChart(changes: Changes, place: Place, a: PackChart, b: PackChart): void {
  const where = `Chart '${b.title}'`;
  changes.value(place, `${where}, summary`, a.summary, b.summary);
  b.table.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const column = b.table.headers[c] ?? `column ${c + 1}`;
      changes.value(place, `${where}, row ${row[0] ?? r + 1}, column ${column}`, a.table.rows[r]?.[c] ?? null, cell);
    });
  });
}

const BLOCK_WORDS: Readonly<Record<PackBlock['kind'], string>> = {
  heading: 'Heading',
  paragraph: 'Paragraph',
  list: 'List',
  table: 'Table',
  chart: 'Chart',
  facts: 'Facts',
  note: 'Note',
  'page-break': 'Page break',
};

const blockText = (block: PackBlock): string => {
  switch (block.kind) {
    case 'heading':
    case 'note':
      return block.text;
    case 'paragraph':
      return readText(block.inlines);
    case 'list':
      return block.items.map(readText).join(' / ');
    case 'facts':
      return block.facts.map((fact) => `${fact.label}: ${fact.value}`).join(' / ');
    case 'table':
      return block.table.caption;
    case 'chart':
      return block.chart.title;
    case 'page-break':
      return '';
  }
};

function diffBlock(changes: Changes, place: Place, where: string, a: PackBlock, b: PackBlock): void {
  if (a.kind === 'heading' && b.kind === 'heading') changes.value(place, where, a.text, b.text);
  else if (a.kind === 'note' && b.kind === 'note') changes.value(place, where, a.text, b.text);
  else if (a.kind === 'paragraph' && b.kind === 'paragraph') diffInlines(changes, place, where, a.inlines, b.inlines);
  else if (a.kind === 'list' && b.kind === 'list') {
    const count = Math.max(a.items.length, b.items.length);
    for (let index = 0; index < count; index += 1) {
      const before = a.items[index];
      const after = b.items[index];
      const item = `${where}, item ${index + 1}`;
      if (before && after) diffInlines(changes, place, item, before, after);
      else if (after) changes.presence(place, item, 'added', readText(after));
      else if (before) changes.presence(place, item, 'removed', readText(before));
    }
  } else if (a.kind === 'facts' && b.kind === 'facts') {
    const old = new Map(a.facts.map((fact) => [fact.label, fact.value]));
    for (const fact of b.facts)
      changes.value(place, `${where}, ${fact.label}`, old.get(fact.label) ?? null, fact.value);
  } else if (a.kind === 'chart' && b.kind === 'chart') diffChart(changes, place, a.chart, b.chart);
}

/** Blocks other than tables, matched by kind and order ("Paragraph 2" with "Paragraph 2"). */
function diffBlocks(changes: Changes, place: Place, a: readonly PackBlock[], b: readonly PackBlock[]): void {
  const byKind = (blocks: readonly PackBlock[]) => {
    const groups = new Map<PackBlock['kind'], PackBlock[]>();
    for (const block of blocks) {
      if (block.kind === 'table' || block.kind === 'page-break') continue;
      groups.set(block.kind, [...(groups.get(block.kind) ?? []), block]);
    }
    return groups;
  };
  const before = byKind(a);
  const after = byKind(b);
  for (const kind of Object.keys(BLOCK_WORDS) as PackBlock['kind'][]) {
    const olds = before.get(kind) ?? [];
    const news = after.get(kind) ?? [];
    for (let index = 0; index < Math.max(olds.length, news.length); index += 1) {
      const where = `${BLOCK_WORDS[kind]} ${index + 1}`;
      const old = olds[index];
      const next = news[index];
      if (old && next) diffBlock(changes, place, where, old, next);
      else if (next) changes.presence(place, where, 'added', blockText(next));
      else if (old) changes.presence(place, where, 'removed', blockText(old));
    }
  }
  const tables = (blocks: readonly PackBlock[]) =>
    blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
  const oldTables = new Map(tables(a).map((table) => [table.id, table]));
  const newTables = tables(b);
  for (const table of newTables) {
    const old = oldTables.get(table.id);
    if (old) diffTable(changes, place, 'Table', old, table);
    else changes.presence(place, `Table '${table.caption}'`, 'added', table.caption);
  }
  const newIds = new Set(newTables.map((table) => table.id));
  for (const table of tables(a).filter((candidate) => !newIds.has(candidate.id))) {
    changes.presence(place, `Table '${table.caption}'`, 'removed', table.caption);
  }
}

const people = (list: PackCover['attendees']) =>
  list.map((person) => (person.role ? `${person.name} (${person.role})` : person.name)).join('; ');

function diffCover(changes: Changes, a: PackCover, b: PackCover): void {
  const place = { sectionId: 'cover', sectionTitle: 'Cover' };
  changes.value(place, 'Title', a.title, b.title);
  changes.value(place, 'Subtitle', a.subtitle, b.subtitle);
  changes.value(place, 'Date', a.dateText, b.dateText);
  changes.value(place, 'Venue', a.venue, b.venue);
  changes.value(place, 'Attendees', people(a.attendees), people(b.attendees));
  changes.value(place, 'Apologies', people(a.apologies), people(b.apologies));
}

function diffSection(changes: Changes, a: PackSection, b: PackSection): void {
  const place = { sectionId: b.id, sectionTitle: b.title };
  changes.value(place, 'Title', a.title, b.title);
  changes.value(place, 'Agenda number', String(a.number), String(b.number));
  changes.value(place, 'Presenter', a.presenter, b.presenter);
  diffBlocks(changes, place, a.blocks, b.blocks);
}

/** Every number and text that differs from `from` to `to`, labelled ("v1" → "v2" or "draft"). */
export function diffPacks(
  from: PackDocument,
  to: PackDocument,
  labels: { readonly from: string; readonly to: string },
): PackDiff {
  const changes = new Changes();
  diffCover(changes, from.cover, to.cover);
  const olds = new Map(from.sections.map((section) => [section.id, section]));
  const newIds = new Set(to.sections.map((section) => section.id));
  for (const section of to.sections) {
    const old = olds.get(section.id);
    if (old) diffSection(changes, old, section);
    else changes.presence({ sectionId: section.id, sectionTitle: section.title }, 'Section', 'added', section.title);
  }
  for (const section of from.sections.filter((candidate) => !newIds.has(candidate.id))) {
    changes.presence({ sectionId: section.id, sectionTitle: section.title }, 'Section', 'removed', section.title);
  }
  return { from: labels.from, to: labels.to, changes: changes.list };
}
