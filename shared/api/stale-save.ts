import type { FieldChange } from '../errors';

/**
 * The words of a refused stale save (issue 9): "Ana (role police_analyst)
 * changed Wycombe, Domestic burglary, 2013/14 from 410 to 412 at 10:42; your
 * 415 was not saved". The main process writes the error's message with them,
 * and the renderer shows the same parts beside the cell.
 */

/** "Ana (role police_analyst)", "Ana" in a file, "someone" when the log does not say. */
export function whoText(changedBy: string | null, role: string | null | undefined): string {
  if (changedBy === null) return 'someone';
  return role ? `${changedBy} (role ${role})` : changedBy;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "10:42" on the day of `now`, else "10:42 on 3 Mar 2026"; local time. */
export function timeText(at: string, now: Date = new Date()): string {
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) return at;
  const clock = `${pad(when.getHours())}:${pad(when.getMinutes())}`;
  const sameDay =
    when.getFullYear() === now.getFullYear() && when.getMonth() === now.getMonth() && when.getDate() === now.getDate();
  return sameDay ? clock : `${clock} on ${when.getDate()} ${MONTHS[when.getMonth()] ?? ''} ${when.getFullYear()}`;
}

/** A stored or typed value in a sentence: none, yes/no, a number as it is, text in quotes. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return typeof value === 'string' ? `"${short}"` : short;
}

/** "startDate" → "start date". */
export function fieldWords(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * " from 410 to 412" for one change of the row's main field (a figure's
 * value), else ": name from "Wycombe" to "High Wycombe", code from none to "E07"".
 */
export function changesText(changes: readonly FieldChange[], mainField: string | null): string {
  if (changes.length === 0) return '';
  const [only] = changes;
  if (changes.length === 1 && only && only.field === mainField)
    return ` from ${valueText(only.from)} to ${valueText(only.to)}`;
  return `: ${changes.map((change) => `${fieldWords(change.field)} from ${valueText(change.from)} to ${valueText(change.to)}`).join(', ')}`;
}

/** "415" for the main field, "name "High Wycombe"" for another, several joined. */
export function attemptText(values: Readonly<Record<string, unknown>>, mainField: string | null): string {
  return Object.entries(values)
    .map(([field, value]) => (field === mainField ? valueText(value) : `${fieldWords(field)} ${valueText(value)}`))
    .join(', ');
}

export interface StaleSave {
  /** "Wycombe, Domestic burglary, 2013/14" or "area Wycombe". */
  readonly what: string;
  readonly changedBy: string | null;
  readonly changedByRole: string | null;
  readonly changedAt: string | null;
  readonly changes: readonly FieldChange[];
  /** The field a sentence names without its name (a figure's value), if any. */
  readonly mainField: string | null;
  /** Whether the latest change added the row (a figure someone else added where yours was to go). */
  readonly added?: boolean;
  /** What this save tried: the fields it changed, or a deletion. */
  readonly attempt:
    { readonly kind: 'update'; readonly values: Readonly<Record<string, unknown>> } | { readonly kind: 'delete' };
  readonly now: Date;
}

/** The whole sentence of a refused stale save. */
export function staleMessage(stale: StaleSave): string {
  const when = stale.changedAt === null ? '' : ` at ${timeText(stale.changedAt, stale.now)}`;
  const who = whoText(stale.changedBy, stale.changedByRole);
  const changed =
    stale.changedBy === null && stale.changedAt === null
      ? `${stale.what} was changed by someone else since you opened it`
      : `${who} ${stale.added ? 'added' : 'changed'} ${stale.what}${changesText(stale.changes, stale.mainField)}${when}`;
  const yours =
    stale.attempt.kind === 'delete'
      ? 'it was not deleted'
      : `your ${attemptText(stale.attempt.values, stale.mainField) || 'change'} was not saved`;
  return `${changed}; ${yours}`;
}
