import { longDate } from './date-text';
import type { ActionStatus } from './domain';

/**
 * Actions in words, the same on the screen and in the pack: when one is
 * overdue, what a status says, and an entry of the trail as one line.
 */

/** Open, with a due date before the day given (a meeting's date): overdue on that day. */
export function isOverdue(action: { readonly status: ActionStatus; readonly dueOn: string | null }, on: string) {
  return action.status === 'open' && action.dueOn !== null && action.dueOn < on;
}

export const STATUS_WORDS: Readonly<Record<ActionStatus, string>> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

/** "Open", "Open: overdue", "Done 5 May 2026", "Dropped". */
export function statusText(
  action: { readonly status: ActionStatus; readonly closedOn: string | null },
  overdue: boolean,
): string {
  if (action.status === 'open') return overdue ? 'Open: overdue' : 'Open';
  const word = STATUS_WORDS[action.status];
  return action.closedOn ? `${word} ${longDate(action.closedOn)}` : word;
}

/** What setting a status says in the trail. */
export const STATUS_CHANGE_WORDS: Readonly<Record<ActionStatus, string>> = {
  open: 'Reopened',
  done: 'Marked done',
  dropped: 'Dropped',
};

/** "Marked done: delivered in March.", "Reopened", or the note alone. */
export function updateLine(update: { readonly text: string | null; readonly status: ActionStatus | null }): string {
  const change = update.status === null ? null : STATUS_CHANGE_WORDS[update.status];
  if (change === null) return update.text ?? '';
  return update.text === null ? change : `${change}: ${update.text}`;
}

/** An entry with who and when: "Marked done: delivered. (Jane Smith, 5 May 2026)". */
export function updateWithByline(update: {
  readonly text: string | null;
  readonly status: ActionStatus | null;
  readonly author: string;
  readonly at: string;
}): string {
  return `${updateLine(update)} (${update.author}, ${longDate(update.at)})`;
}
