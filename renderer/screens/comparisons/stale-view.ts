import { timeText, valueText, whoText } from '../../../shared/api/stale-save';
import type { CurrentRow } from '../../../shared/errors';

/**
 * A saved view's stale refusal in words (issue 9): "Ana changed the saved view
 * "Burglary (Ana)" at 10:42: renamed it from "Burglary" to "Burglary (Ana)"".
 * The API's own sentence quotes the view's spec as stored (JSON); a person
 * reads "changed what it shows" instead.
 */
export function staleViewText(current: CurrentRow, now: Date = new Date()): string {
  const record = current.record as { readonly name?: unknown } | null;
  const name = typeof record?.name === 'string' ? ` ${valueText(record.name)}` : '';
  const who = whoText(current.changedBy, current.changedByRole);
  const when = current.changedAt === null ? '' : ` at ${timeText(current.changedAt, now)}`;
  const what = (current.changes ?? []).map((change) =>
    change.field === 'name'
      ? `renamed it from ${valueText(change.from)} to ${valueText(change.to)}`
      : change.field === 'spec'
        ? 'changed what it shows'
        : `changed its ${change.field}`,
  );
  return `${who} changed the saved view${name}${when}${what.length === 0 ? '' : `: ${what.join(' and ')}`}`;
}
