import { BoardpackError } from '../errors';
import type { PackDocument, PackRow, PackSection, PackTable } from '../pack/document';

/**
 * What an annotation is on: an element of an issued pack, named by the ids the
 * pack's document model already gives it, so the app shows, the command line
 * takes and the files carry one text for it:
 *
 *   item:12                         an agenda item (the pack's section "item:12")
 *   priority:9                      a priority, where a priority-progress item of the pack shows it
 *   activity:31                     an activity: its row in a priority's table of activities
 *   row:item:4:table:1/6:total      any table row: the table's id, a slash, the row's id
 *   figure:item:4:table:1/6:total/3 one figure: a row, a slash, its column's number (1 is the first column)
 *
 * A table's id never holds a slash (it is its section's id and a number); a
 * row's id may ("source:CSF/PCC"), and a figure's column is the last part.
 */

export const NOTE_TARGET_KINDS = ['item', 'priority', 'activity', 'row', 'figure'] as const;
export type NoteTargetKind = (typeof NOTE_TARGET_KINDS)[number];

export type NoteTarget =
  | { readonly kind: 'item'; readonly itemId: number }
  | { readonly kind: 'priority'; readonly priorityId: number }
  | { readonly kind: 'activity'; readonly activityId: number }
  | { readonly kind: 'row'; readonly tableId: string; readonly rowId: string }
  | { readonly kind: 'figure'; readonly tableId: string; readonly rowId: string; readonly column: number };

/** An issued pack as annotations see it: its frozen document, and the priority each priority-progress item shows. */
export interface AnnotatablePack {
  readonly document: PackDocument;
  /** Section id ("item:8") → the priority's id, from the meeting's agenda. */
  readonly priorities: ReadonlyMap<string, number>;
}

/** A target found in a pack: its canonical text, where it is, and a name a person recognises. */
export interface LocatedTarget {
  readonly target: string;
  readonly kind: NoteTargetKind;
  /** The section (agenda item) it is in: where the app shows its notes. */
  readonly sectionId: string;
  /** The table, for a row or a figure (an activity's too). */
  readonly tableId: string | null;
  readonly rowId: string | null;
  /** 1-based, for a figure. */
  readonly column: number | null;
  /** "Item 4 Domestic burglary by Local Policing Area: Wycombe, Apr-Dec 2013 (201)". */
  readonly label: string;
}

const FORMS = 'item:N, priority:N, activity:N, row:TABLE/ROW or figure:TABLE/ROW/COLUMN';

const PATTERNS: readonly [RegExp, (match: RegExpMatchArray) => NoteTarget][] = [
  [/^item:(\d+)$/, (m) => ({ kind: 'item', itemId: Number(m[1]) })],
  [/^priority:(\d+)$/, (m) => ({ kind: 'priority', priorityId: Number(m[1]) })],
  [/^activity:(\d+)$/, (m) => ({ kind: 'activity', activityId: Number(m[1]) })],
  [/^row:([^/]+)\/(.+)$/, (m) => ({ kind: 'row', tableId: m[1] ?? '', rowId: m[2] ?? '' })],
  [
    /^figure:([^/]+)\/(.+)\/(\d+)$/,
    (m) => ({ kind: 'figure', tableId: m[1] ?? '', rowId: m[2] ?? '', column: Number(m[3]) }),
  ],
];

function invalid(text: string, why = `use ${FORMS}`): BoardpackError {
  return new BoardpackError('invalid-input', `"${text}" is not an annotation target: ${why}`, { field: 'target' });
}

/** A target's text parsed, or an invalid-input error naming the forms it takes. */
export function parseTarget(text: string): NoteTarget {
  const trimmed = text.trim();
  for (const [pattern, build] of PATTERNS) {
    const match = trimmed.match(pattern);
    if (!match) continue;
    const target = build(match);
    const numbers = Object.values(target).filter((value): value is number => typeof value === 'number');
    if (numbers.some((number) => !Number.isSafeInteger(number) || number < 1)) {
      throw invalid(text, 'its numbers start at 1');
    }
    return target;
  }
  throw invalid(text);
}

/** The part after the kind ("12", "item:4:table:1/6:total"): what the database keeps beside the kind. */
export function targetRef(target: NoteTarget): string {
  switch (target.kind) {
    case 'item':
      return String(target.itemId);
    case 'priority':
      return String(target.priorityId);
    case 'activity':
      return String(target.activityId);
    case 'row':
      return `${target.tableId}/${target.rowId}`;
    case 'figure':
      return `${target.tableId}/${target.rowId}/${target.column}`;
  }
}

export const targetText = (target: NoteTarget): string => `${target.kind}:${targetRef(target)}`;

/** A target from the database's kind and ref columns. */
export const targetFromParts = (kind: string, ref: string): NoteTarget => parseTarget(`${kind}:${ref}`);

interface TablePlace {
  readonly section: PackSection;
  readonly table: PackTable;
}

function tablesOf(document: PackDocument): TablePlace[] {
  return document.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === 'table' ? [{ section, table: block.table }] : [])),
  );
}

const shorten = (text: string, length = 60): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat;
};

const itemName = (section: PackSection): string => `Item ${section.number} ${section.title}`;
const rowName = (row: PackRow): string => shorten(row.cells[0]?.text || row.id, 40);

const ACTIVITY_ROW = /^activity:(\d+)$/;

function located(
  target: NoteTarget,
  section: PackSection,
  label: string,
  place: { tableId?: string; rowId?: string; column?: number } = {},
): LocatedTarget {
  return {
    target: targetText(target),
    kind: target.kind,
    sectionId: section.id,
    tableId: place.tableId ?? null,
    rowId: place.rowId ?? null,
    column: place.column ?? null,
    label,
  };
}

function itemTarget(section: PackSection): LocatedTarget {
  const itemId = Number(section.id.slice('item:'.length));
  return located({ kind: 'item', itemId }, section, itemName(section));
}

function priorityTarget(section: PackSection, priorityId: number): LocatedTarget {
  const facts = section.blocks.flatMap((block) => (block.kind === 'facts' ? block.facts : []));
  const shown = facts.find((fact) => fact.label === 'Priority')?.value;
  const label = `Priority ${shorten(shown ?? section.title)} (item ${section.number})`;
  return located({ kind: 'priority', priorityId }, section, label);
}

function rowTarget({ section, table }: TablePlace, row: PackRow): LocatedTarget {
  const activity = row.id.match(ACTIVITY_ROW);
  const place = { tableId: table.id, rowId: row.id };
  if (activity) {
    const label = `Activity "${rowName(row)}" (item ${section.number})`;
    return located({ kind: 'activity', activityId: Number(activity[1]) }, section, label, place);
  }
  const label = `${itemName(section)}: ${rowName(row)} in "${shorten(table.caption, 50)}"`;
  return located({ kind: 'row', tableId: table.id, rowId: row.id }, section, label, place);
}

function figureTarget({ section, table }: TablePlace, row: PackRow, column: number): LocatedTarget {
  const header = table.columns[column - 1]?.header ?? `column ${column}`;
  const text = row.cells[column - 1]?.text ?? '';
  const label = `${itemName(section)}: ${rowName(row)}, ${header} (${text === '' ? 'blank' : text})`;
  return located({ kind: 'figure', tableId: table.id, rowId: row.id, column }, section, label, {
    tableId: table.id,
    rowId: row.id,
    column,
  });
}

/** Every element of the pack a note can be on, in reading order: each item, its priority, rows and figures. */
export function packTargets(pack: AnnotatablePack): LocatedTarget[] {
  const targets: LocatedTarget[] = [];
  const tables = tablesOf(pack.document);
  for (const section of pack.document.sections) {
    targets.push(itemTarget(section));
    const priorityId = pack.priorities.get(section.id);
    if (section.kind === 'priority progress' && priorityId !== undefined) {
      targets.push(priorityTarget(section, priorityId));
    }
    for (const place of tables.filter((candidate) => candidate.section === section)) {
      for (const row of place.table.rows) {
        targets.push(rowTarget(place, row));
        place.table.columns.forEach((column, index) => {
          if (column.numeric) targets.push(figureTarget(place, row, index + 1));
        });
      }
    }
  }
  return targets;
}

function notFound(text: string, reason: string): BoardpackError {
  return new BoardpackError('not-found', `cannot annotate "${text}": ${reason}`, { field: 'target' });
}

function findTable(pack: AnnotatablePack, text: string, tableId: string): TablePlace {
  const place = tablesOf(pack.document).find((candidate) => candidate.table.id === tableId);
  if (!place) throw notFound(text, `this pack has no table "${tableId}"`);
  return place;
}

function findRow(text: string, place: TablePlace, rowId: string): PackRow {
  const row = place.table.rows.find((candidate) => candidate.id === rowId);
  if (!row) throw notFound(text, `table "${place.table.caption}" has no row "${rowId}"`);
  return row;
}

/**
 * Where a target is in the pack, with its canonical text (a row of an
 * activities table is its activity), or a not-found error naming it.
 */
export function locateTarget(pack: AnnotatablePack, target: NoteTarget | string): LocatedTarget {
  const parsed = typeof target === 'string' ? parseTarget(target) : target;
  const text = targetText(parsed);
  const { sections } = pack.document;
  switch (parsed.kind) {
    case 'item': {
      const section = sections.find((candidate) => candidate.id === text);
      if (!section) throw notFound(text, `this pack has no agenda item ${text}`);
      return itemTarget(section);
    }
    case 'priority': {
      const section = sections.find(
        (candidate) =>
          candidate.kind === 'priority progress' && pack.priorities.get(candidate.id) === parsed.priorityId,
      );
      if (!section) throw notFound(text, 'no priority-progress item of this pack shows that priority');
      return priorityTarget(section, parsed.priorityId);
    }
    case 'activity': {
      for (const place of tablesOf(pack.document)) {
        const row = place.table.rows.find((candidate) => candidate.id === text);
        if (row) return rowTarget(place, row);
      }
      throw notFound(text, 'no table of this pack lists that activity');
    }
    case 'row': {
      const place = findTable(pack, text, parsed.tableId);
      const row = findRow(text, place, parsed.rowId);
      const found = rowTarget(place, row);
      // A row of activities is its activity, unless the same activity is listed earlier elsewhere.
      return found.kind === 'activity' && locateTarget(pack, found.target).tableId !== place.table.id
        ? { ...found, kind: 'row', target: text }
        : found;
    }
    case 'figure': {
      const place = findTable(pack, text, parsed.tableId);
      const row = findRow(text, place, parsed.rowId);
      const column = place.table.columns[parsed.column - 1];
      if (!column) {
        throw notFound(text, `table "${place.table.caption}" has ${place.table.columns.length} columns`);
      }
      if (!column.numeric) {
        throw notFound(
          text,
          `column ${parsed.column} (${column.header}) of table "${place.table.caption}" holds no figures; annotate the row instead`,
        );
      }
      return figureTarget(place, row, parsed.column);
    }
  }
}
