import { z } from 'zod';
import { ACTION_STATUSES, type ActionStatus } from '../domain';
import type { DeleteImpact } from './records';
import { method } from './contract-method';
import { id, isoDate, optionalText, requiredText, version } from './fields';

/**
 * Actions raised at meetings, their owners and their update trails (issue 7,
 * point 2). Spread into CONTRACT; handlers in electron/api/handlers/actions.ts,
 * queries in db/repositories/actions.ts (whose meeting list the pack's action
 * log prints too).
 */

/** Who owns an action: a partner or a person of the database, or a name typed in. */
export type ActionOwnerKind = 'partner' | 'person' | 'name';

export interface ActionOwner {
  readonly kind: ActionOwnerKind;
  /** The partner's or person's id; null for a name. */
  readonly id: number | null;
  /** The partner's or person's name as it is now, or the name typed in. */
  readonly name: string;
}

/** One entry of an action's trail: a note, a change of status, or both. */
export interface ActionUpdate {
  readonly id: number;
  /** ISO date-time. */
  readonly at: string;
  readonly author: string;
  readonly text: string | null;
  /** The status this entry set, or null for a note alone. */
  readonly status: ActionStatus | null;
}

export interface Action {
  readonly id: number;
  /** The row's version when read: an edit may name it, and one made from an older version is refused. */
  readonly version: number;
  readonly description: string;
  readonly owner: ActionOwner | null;
  readonly dueOn: string | null;
  readonly status: ActionStatus;
  /** The day it was done or dropped; null while open. */
  readonly closedOn: string | null;
  readonly createdAt: string;
  /** The meeting that raised it; null for an action raised outside a meeting (the plan's). */
  readonly raisedAt: { readonly meetingId: number; readonly title: string; readonly heldOn: string } | null;
  /** The agenda item it was raised under, if any (and not deleted since). */
  readonly agendaItem: { readonly id: number; readonly position: number; readonly title: string } | null;
  readonly priority: { readonly id: number; readonly ref: string; readonly title: string } | null;
  /** The trail, oldest first. */
  readonly updates: readonly ActionUpdate[];
}

/** An action as one meeting sees it. */
export interface MeetingAction extends Action {
  /** Raised before this meeting (at an earlier meeting of the board, or outside meetings), not at it. */
  readonly carried: boolean;
  /** Open and due before the meeting's date. */
  readonly overdue: boolean;
}

/**
 * A meeting's actions: those raised at it, then those carried forward: every
 * action raised earlier (at an earlier meeting of the same board, or outside
 * meetings on a priority of a plan running on the meeting's date, or on none)
 * that is open, or was closed after the board's previous meeting.
 */
export interface MeetingActions {
  readonly meetingId: number;
  readonly heldOn: string;
  /** The date of the same board's previous meeting, or null when this is its first. */
  readonly previousHeldOn: string | null;
  /** Carried forward first, then raised here; each group by due date (none last), then as raised. */
  readonly actions: readonly MeetingAction[];
}

const description = requiredText('a description', 1000);

const owner = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('partner'),
        partnerId: z.number({ error: 'choose the partner who owns the action' }).int().positive(),
      }),
      z.strictObject({
        kind: z.literal('person'),
        personId: z.number({ error: 'choose the person who owns the action' }).int().positive(),
      }),
      z.strictObject({ kind: z.literal('name'), name: requiredText("an owner's name", 200) }),
    ],
    { error: 'an owner is a partner, a person or a name' },
  )
  .nullable();
export type ActionOwnerInput = z.input<typeof owner>;

const dueOn = isoDate('the due date').nullable();

const agendaItemId = z
  .number({ error: 'choose the agenda item the action was raised under' })
  .int()
  .positive('choose the agenda item the action was raised under');

const priorityId = id.nullable();

const status = z.enum(ACTION_STATUSES, { error: `a status is ${ACTION_STATUSES.join(', ')}` });

/** Who wrote an update: the person at this computer when left out. */
const author = optionalText(200).default(null);

export const ACTION_METHODS = {
  /** The meeting's actions: raised at it and carried forward to it (the list its action log prints). */
  'actions.list': method<MeetingActions>()(z.strictObject({ meetingId: id }), { writes: false }),
  'actions.get': method<Action>()(z.strictObject({ id }), { writes: false }),
  /** Raises an action at a meeting, under one of its agenda items; it starts open. */
  'actions.add': method<Action>()(
    z.strictObject({
      meetingId: id,
      agendaItemId,
      description,
      owner: owner.default(null),
      dueOn: dueOn.default(null),
      priorityId: priorityId.default(null),
    }),
    { writes: true },
  ),
  /**
   * Changes the fields named; a field left out keeps its value. Status changes go through actions.setStatus.
   * With `version`, refused as 'stale' when someone saved the action since (as records' updates).
   */
  'actions.update': method<Action>()(
    z.strictObject({
      id,
      version: version.optional(),
      changes: z.strictObject({ agendaItemId, description, owner, dueOn, priorityId }).partial(),
    }),
    { writes: true },
  ),
  /**
   * Marks an action done or dropped (closed on `closedOn`, today when left out)
   * or reopens it (its closing date cleared), adding an entry to its trail with
   * the note, if any.
   */
  'actions.setStatus': method<Action>()(
    z.strictObject({
      id,
      version: version.optional(),
      status,
      note: optionalText(2000).default(null),
      author,
      closedOn: isoDate('the closing date').optional(),
    }),
    { writes: true },
  ),
  /** Adds a note to the action's trail. */
  'actions.addUpdate': method<Action>()(z.strictObject({ id, text: requiredText('an update', 2000), author }), {
    writes: true,
  }),
  'actions.deleteImpact': method<DeleteImpact>()(z.strictObject({ id }), { writes: false }),
  /** Deletes an action with its trail (refused as 'stale' when `version` is old). */
  'actions.delete': method<{ readonly deleted: number }>()(z.strictObject({ id, version: version.optional() }), {
    writes: true,
  }),
} as const;
