import { parsePence } from '../../shared/money';

/** How a column's cells are edited. `readonly` cells can be focused and copied, never changed. */
export type EditorKind = 'text' | 'longtext' | 'number' | 'money' | 'date' | 'select' | 'boolean' | 'readonly';

export interface SelectOption {
  readonly value: string | number | null;
  readonly label: string;
}

/** How a cell shows its value: plain text, a yes/no, or the provisional badge. */
export type CellLook = 'text' | 'boolean' | 'provisional';

/**
 * One column of an editable grid, described once per screen: which record field
 * it edits, how it shows, sorts and filters (by the text shown), and how typed
 * text becomes a value (which the record's zod schema then checks).
 */
export interface FieldSpec<Row> {
  readonly id: string;
  readonly header: string;
  readonly kind: EditorKind;
  /** The record field the cell edits; defaults to `id`. */
  readonly field?: string;
  readonly size?: number;
  /** The stored value: what editing starts from and undo restores. */
  readonly value: (row: Row) => unknown;
  /** The text shown, sorted and filtered; defaults to the value as text. */
  readonly display?: (row: Row) => string;
  /** A sort key when the shown text does not sort right (numbers, dates). */
  readonly sortKey?: (row: Row) => string | number;
  readonly options?: readonly SelectOption[];
  /** Empty text means null (optional numbers, dates and choices). */
  readonly nullable?: boolean;
  /** Typed text to a value; defaults by kind. The schema reports what is wrong with it. */
  readonly parse?: (text: string, row: Row) => unknown;
  /** The text editing starts with; defaults by kind. */
  readonly editText?: (row: Row) => string;
  readonly look?: CellLook;
  readonly align?: 'start' | 'end';
}

/** "1,108", " 12.5 ", "−3" → a number; anything else is handed on as text for the schema to reject. */
export function parseNumberText(text: string): unknown {
  const cleaned = text.trim().replace(/\u2212/g, '-');
  if (/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(cleaned) || /^-?\.\d+$/.test(cleaned)) {
    return Number(cleaned.replace(/,/g, ''));
  }
  return text;
}

/** A stored value as cell text: numbers and words as they are, nothing for null. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

export function fieldOf<Row>(spec: FieldSpec<Row>): string {
  return spec.field ?? spec.id;
}

export function isEditable<Row>(spec: FieldSpec<Row>): boolean {
  return spec.kind !== 'readonly';
}

/** Each option list's labels by value, made once: a select cell's text is a lookup, not a search (100,000 rows). */
const labelsByOptions = new WeakMap<readonly SelectOption[], ReadonlyMap<SelectOption['value'], string>>();

function labelOf(options: readonly SelectOption[], value: unknown): string {
  let labels = labelsByOptions.get(options);
  if (!labels) {
    const map = new Map<SelectOption['value'], string>();
    for (const option of options) if (!map.has(option.value)) map.set(option.value, option.label);
    labels = map;
    labelsByOptions.set(options, labels);
  }
  return labels.get(value as SelectOption['value']) ?? '';
}

export function displayOf<Row>(spec: FieldSpec<Row>, row: Row): string {
  if (spec.display) return spec.display(row);
  const value = spec.value(row);
  if (spec.kind === 'select') return spec.options ? labelOf(spec.options, value) : '';
  if (spec.kind === 'boolean') return value ? 'Yes' : 'No';
  return asText(value);
}

export function editTextOf<Row>(spec: FieldSpec<Row>, row: Row): string {
  if (spec.editText) return spec.editText(row);
  if (spec.kind === 'select') {
    const value = spec.value(row);
    return asText(value);
  }
  const value = spec.value(row);
  return asText(value);
}

/** Typed text → the value to validate and save. */
export function parseText<Row>(spec: FieldSpec<Row>, text: string, row: Row): unknown {
  if (spec.parse) return spec.parse(text, row);
  const blank = text.trim() === '';
  switch (spec.kind) {
    case 'number':
      return blank ? (spec.nullable ? null : text) : parseNumberText(text);
    case 'money': {
      if (blank) return spec.nullable ? null : text;
      return parsePence(text) ?? text;
    }
    case 'date':
      return blank && spec.nullable ? null : text.trim();
    case 'select': {
      if (blank) return null;
      const option = spec.options?.find((candidate) => String(candidate.value) === text);
      return option ? option.value : text;
    }
    case 'boolean':
      return /^(yes|true|y|1|provisional|p)$/i.test(text.trim());
    default:
      return text;
  }
}

/** A select's options matched by label, so pasted names find their ids. */
export function optionByLabel(options: readonly SelectOption[], text: string): SelectOption | undefined {
  const wanted = text.trim().toLowerCase();
  return options.find((option) => option.label.toLowerCase() === wanted);
}
