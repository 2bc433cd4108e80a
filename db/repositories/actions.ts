import type { Transaction } from 'kysely';
import type { ParsedInputOf } from '../../shared/api/contract';
import type {
  Action,
  ActionOwner,
  ActionUpdate,
  MeetingAction,
  MeetingActions,
} from '../../shared/api/actions-contract';
import { isOverdue, STATUS_WORDS } from '../../shared/action-text';
import { longDate } from '../../shared/date-text';
import type { ActionStatus, IsoDate } from '../../shared/domain';
import { BoardpackError } from '../../shared/errors';
import type { Database, Db } from '../schema/database';
import { recordChanges, type Writer } from './change-log';
import { deleteAtVersion, requireVersion, updateAtVersion, type StaleSpec } from './stale-rows';

/**
 * Actions raised at meetings and their update trails. A meeting's list (raised
 * at it, and carried forward to it) is defined once, here: the Actions panel
 * shows it and the pack's action log prints it. Every write is logged.
 */

export type NewActionFields = ParsedInputOf<'actions.add'>;
export type ActionChanges = ParsedInputOf<'actions.update'>['changes'];
export type StatusChange = Omit<ParsedInputOf<'actions.setStatus'>, 'id'>;
export type UpdateFields = Omit<ParsedInputOf<'actions.addUpdate'>, 'id'>;
type OwnerInput = NonNullable<NewActionFields['owner']>;

const TABLE = 'action';
const VERSIONED: StaleSpec = { table: TABLE, one: 'action', flags: [], nameColumns: ['description'] };

/** Every action with what it refers to, in the order lists show them before grouping. */
function selectActions(db: Db) {
  return db
    .selectFrom('action')
    .leftJoin('meeting', 'meeting.id', 'action.meetingId')
    .leftJoin('agendaItem', 'agendaItem.id', 'action.agendaItemId')
    .leftJoin('priority', 'priority.id', 'action.priorityId')
    .leftJoin('plan', 'plan.id', 'priority.planId')
    .leftJoin('partner', 'partner.id', 'action.ownerPartnerId')
    .leftJoin('person', 'person.id', 'action.ownerPersonId')
    .select([
      'action.id',
      'action.version',
      'action.description',
      'action.owner',
      'action.ownerPartnerId',
      'action.ownerPersonId',
      'action.dueOn',
      'action.status',
      'action.closedOn',
      'action.createdAt',
      'action.meetingId',
      'meeting.title as meetingTitle',
      'meeting.heldOn as meetingHeldOn',
      'meeting.board as meetingBoard',
      'action.agendaItemId',
      'agendaItem.position as agendaItemPosition',
      'agendaItem.title as agendaItemTitle',
      'action.priorityId',
      'priority.ref as priorityRef',
      'priority.title as priorityTitle',
      'plan.startDate as planStart',
      'plan.endDate as planEnd',
      'partner.name as partnerName',
      'person.name as personName',
      'person.role as personRole',
    ]);
}

type ActionJoinRow = Awaited<ReturnType<ReturnType<typeof selectActions>['executeTakeFirstOrThrow']>>;

function ownerOf(row: ActionJoinRow): ActionOwner | null {
  if (row.ownerPartnerId !== null && row.partnerName !== null) {
    return { kind: 'partner', id: row.ownerPartnerId, name: row.partnerName };
  }
  if (row.ownerPersonId !== null && row.personRole !== null) {
    return { kind: 'person', id: row.ownerPersonId, name: row.personName ?? row.personRole };
  }
  return row.owner === null ? null : { kind: 'name', id: null, name: row.owner };
}

function toAction(row: ActionJoinRow, updates: readonly ActionUpdate[]): Action {
  return {
    id: row.id,
    version: row.version,
    description: row.description,
    owner: ownerOf(row),
    dueOn: row.dueOn,
    status: row.status,
    closedOn: row.closedOn,
    createdAt: row.createdAt,
    raisedAt:
      row.meetingId === null || row.meetingTitle === null || row.meetingHeldOn === null
        ? null
        : { meetingId: row.meetingId, title: row.meetingTitle, heldOn: row.meetingHeldOn },
    agendaItem:
      row.agendaItemId === null || row.agendaItemTitle === null || row.agendaItemPosition === null
        ? null
        : { id: row.agendaItemId, position: row.agendaItemPosition, title: row.agendaItemTitle },
    priority:
      row.priorityId === null || row.priorityRef === null || row.priorityTitle === null
        ? null
        : { id: row.priorityId, ref: row.priorityRef, title: row.priorityTitle },
    updates,
  };
}

/** The trails of these actions, oldest entry first. */
async function trailsOf(db: Db, actionIds: readonly number[]): Promise<Map<number, ActionUpdate[]>> {
  const trails = new Map<number, ActionUpdate[]>(actionIds.map((id) => [id, []]));
  if (actionIds.length === 0) return trails;
  const rows = await db
    .selectFrom('actionUpdate')
    .selectAll()
    .where('actionId', 'in', [...actionIds])
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const { actionId, ...update } of rows) trails.get(actionId)?.push(update);
  return trails;
}

async function actionRow(db: Db, id: number): Promise<ActionJoinRow> {
  const row = await selectActions(db).where('action.id', '=', id).executeTakeFirst();
  if (!row)
    throw new BoardpackError('not-found', `there is no action #${id}; it may have been deleted`, { field: 'id' });
  return row;
}

export async function getAction(db: Db, id: number): Promise<Action> {
  const row = await actionRow(db, id);
  return toAction(row, (await trailsOf(db, [id])).get(id) ?? []);
}

interface MeetingFacts {
  readonly id: number;
  readonly board: string | null;
  readonly heldOn: IsoDate;
}

/** The latest meeting of the same board held before this one, if any. */
export async function previousMeetingDate(db: Db, meeting: MeetingFacts): Promise<IsoDate | null> {
  let select = db
    .selectFrom('meeting')
    .select('heldOn')
    .where('heldOn', '<', meeting.heldOn)
    .where('id', '!=', meeting.id);
  select = meeting.board === null ? select.where('board', 'is', null) : select.where('board', '=', meeting.board);
  const row = await select.orderBy('heldOn', 'desc').executeTakeFirst();
  return row?.heldOn ?? null;
}

/** Raised before this meeting: at an earlier meeting of the same board, or outside meetings on a plan then running. */
function raisedBefore(row: ActionJoinRow, meeting: MeetingFacts): boolean {
  if (row.meetingId === null) {
    return (
      row.priorityId === null ||
      (row.planStart !== null && row.planStart <= meeting.heldOn && (row.planEnd ?? '') >= meeting.heldOn)
    );
  }
  return row.meetingBoard === meeting.board && (row.meetingHeldOn ?? '') < meeting.heldOn;
}

/** Due date first (none last), then as raised. */
const byDue = (a: ActionJoinRow, b: ActionJoinRow) =>
  (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') || a.id - b.id;

/**
 * A meeting's actions: those raised at it (whatever their status), and those
 * carried forward to it: raised before it and open, or closed after the board's
 * previous meeting (every closed one when there was none). Overdue is judged on
 * the meeting's date.
 */
export async function listMeetingActions(db: Db, meetingId: number): Promise<MeetingActions> {
  const meeting = await db
    .selectFrom('meeting')
    .select(['id', 'board', 'heldOn'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) {
    throw new BoardpackError('not-found', `there is no meeting #${meetingId}; it may have been deleted`, {
      field: 'meetingId',
    });
  }
  const previous = await previousMeetingDate(db, meeting);
  const rows = (await selectActions(db).execute()).sort(byDue);
  const stillShown = (row: ActionJoinRow) =>
    row.status === 'open' || row.closedOn === null || previous === null || row.closedOn > previous;
  const here = rows.filter((row) => row.meetingId === meeting.id);
  const carried = rows.filter((row) => row.meetingId !== meeting.id && raisedBefore(row, meeting) && stillShown(row));
  const trails = await trailsOf(
    db,
    [...carried, ...here].map((row) => row.id),
  );
  const entry = (row: ActionJoinRow, isCarried: boolean): MeetingAction => ({
    ...toAction(row, trails.get(row.id) ?? []),
    carried: isCarried,
    overdue: isOverdue(row, meeting.heldOn),
  });
  return {
    meetingId: meeting.id,
    heldOn: meeting.heldOn,
    previousHeldOn: previous,
    actions: [...carried.map((row) => entry(row, true)), ...here.map((row) => entry(row, false))],
  };
}

/** The owner's columns: the name kept as text, and the partner or person it links to. */
async function ownerColumns(
  db: Db,
  owner: OwnerInput | null,
): Promise<{ owner: string | null; ownerPartnerId: number | null; ownerPersonId: number | null }> {
  if (owner === null) return { owner: null, ownerPartnerId: null, ownerPersonId: null };
  switch (owner.kind) {
    case 'name':
      return { owner: owner.name, ownerPartnerId: null, ownerPersonId: null };
    case 'partner': {
      const partner = await db
        .selectFrom('partner')
        .select('name')
        .where('id', '=', owner.partnerId)
        .executeTakeFirst();
      if (!partner) {
        throw new BoardpackError('not-found', `there is no partner #${owner.partnerId}; it may have been deleted`, {
          field: 'owner.partnerId',
        });
      }
      return { owner: partner.name, ownerPartnerId: owner.partnerId, ownerPersonId: null };
    }
    case 'person': {
      const person = await db
        .selectFrom('person')
        .select(['name', 'role'])
        .where('id', '=', owner.personId)
        .executeTakeFirst();
      if (!person) {
        throw new BoardpackError('not-found', `there is no person #${owner.personId}; they may have been deleted`, {
          field: 'owner.personId',
        });
      }
      return { owner: person.name ?? person.role, ownerPartnerId: null, ownerPersonId: owner.personId };
    }
  }
}

/** An agenda item of this meeting; any other is refused, naming the field. */
async function checkAgendaItem(db: Db, meetingId: number | null, agendaItemId: number): Promise<void> {
  const item = await db
    .selectFrom('agendaItem')
    .select(['meetingId', 'title'])
    .where('id', '=', agendaItemId)
    .executeTakeFirst();
  if (!item) {
    throw new BoardpackError('not-found', `there is no agenda item #${agendaItemId}; it may have been deleted`, {
      field: 'agendaItemId',
    });
  }
  if (item.meetingId !== meetingId) {
    throw new BoardpackError(
      'invalid-input',
      meetingId === null
        ? 'an action raised outside a meeting is under no agenda item'
        : `"${item.title}" is on another meeting's agenda: an action is raised under an item of its own meeting`,
      { field: 'agendaItemId' },
    );
  }
}

async function checkPriority(db: Db, priorityId: number | null): Promise<void> {
  if (priorityId === null) return;
  const found = await db.selectFrom('priority').select('id').where('id', '=', priorityId).executeTakeFirst();
  if (!found) {
    throw new BoardpackError('not-found', `there is no priority #${priorityId}; it may have been deleted`, {
      field: 'priorityId',
    });
  }
}

/** Raises an action at a meeting, under one of its agenda items; it starts open, with an empty trail. */
export async function insertAction(
  trx: Transaction<Database>,
  writer: Writer,
  fields: NewActionFields,
): Promise<Action> {
  const meeting = await trx.selectFrom('meeting').select('id').where('id', '=', fields.meetingId).executeTakeFirst();
  if (!meeting) {
    throw new BoardpackError('not-found', `there is no meeting #${fields.meetingId}; it may have been deleted`, {
      field: 'meetingId',
    });
  }
  await checkAgendaItem(trx, fields.meetingId, fields.agendaItemId);
  await checkPriority(trx, fields.priorityId);
  const row = {
    meetingId: fields.meetingId,
    agendaItemId: fields.agendaItemId,
    priorityId: fields.priorityId,
    description: fields.description,
    ...(await ownerColumns(trx, fields.owner)),
    dueOn: fields.dueOn,
    status: 'open' as const,
    createdAt: writer.now(),
    closedOn: null,
    source: null,
  };
  const { id } = await trx.insertInto('action').values(row).returning('id').executeTakeFirstOrThrow();
  await recordChanges(trx, writer, [{ table: TABLE, rowId: id, operation: 'insert', old: null, new: row }]);
  return getAction(trx, id);
}

/**
 * Changes the fields named as the action's next version; the rest keep their
 * values. Made from `version` (when given), it is refused as stale if someone
 * saved the action since.
 */
export async function updateAction(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  changes: ActionChanges,
  version?: number,
): Promise<Action> {
  const before = await trx.selectFrom('action').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before)
    throw new BoardpackError('not-found', `there is no action #${id}; it may have been deleted`, { field: 'id' });
  const attempt = { kind: 'update', values: changes } as const;
  await requireVersion(trx, writer, VERSIONED, before, version, attempt);
  if (changes.agendaItemId !== undefined) await checkAgendaItem(trx, before.meetingId, changes.agendaItemId);
  if (changes.priorityId !== undefined) await checkPriority(trx, changes.priorityId);
  const set = {
    ...(changes.description === undefined ? {} : { description: changes.description }),
    ...(changes.agendaItemId === undefined ? {} : { agendaItemId: changes.agendaItemId }),
    ...(changes.priorityId === undefined ? {} : { priorityId: changes.priorityId }),
    ...(changes.dueOn === undefined ? {} : { dueOn: changes.dueOn }),
    ...(changes.owner === undefined ? {} : await ownerColumns(trx, changes.owner)),
  };
  const changed = (Object.keys(set) as (keyof typeof set)[]).filter((key) => set[key] !== before[key]);
  if (changed.length === 0) return getAction(trx, id);
  const update = Object.fromEntries(changed.map((key) => [key, set[key]]));
  await updateAtVersion(trx, writer, VERSIONED, id, version, update, attempt);
  await recordChanges(trx, writer, [
    {
      table: TABLE,
      rowId: id,
      operation: 'update',
      old: Object.fromEntries(changed.map((key) => [key, before[key]])),
      new: update,
    },
  ]);
  return getAction(trx, id);
}

async function addTrailEntry(
  trx: Transaction<Database>,
  writer: Writer,
  entry: { actionId: number; author: string | null; text: string | null; status: ActionStatus | null },
): Promise<void> {
  const row = { ...entry, at: writer.now(), author: entry.author ?? writer.actor };
  const { id } = await trx.insertInto('actionUpdate').values(row).returning('id').executeTakeFirstOrThrow();
  await recordChanges(trx, writer, [{ table: 'actionUpdate', rowId: id, operation: 'insert', old: null, new: row }]);
}

/**
 * Done or dropped (closed on the day given, today when none is) or open again
 * (its closing date cleared), with an entry in the trail saying so and the note.
 */
export async function setActionStatus(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  change: StatusChange,
): Promise<Action> {
  const before = await actionRow(trx, id);
  const attempt = { kind: 'update', values: { status: change.status } } as const;
  await requireVersion(trx, writer, VERSIONED, before, change.version, attempt);
  if (before.status === change.status) {
    throw new BoardpackError('invalid-input', `the action is already ${STATUS_WORDS[change.status].toLowerCase()}`, {
      field: 'status',
    });
  }
  if (change.status === 'open' && change.closedOn !== undefined) {
    throw new BoardpackError('invalid-input', 'a reopened action has no closing date', { field: 'closedOn' });
  }
  const closedOn = change.status === 'open' ? null : (change.closedOn ?? writer.now().slice(0, 10));
  if (closedOn !== null && before.meetingHeldOn !== null && closedOn < before.meetingHeldOn) {
    throw new BoardpackError(
      'invalid-input',
      `the closing date is before the meeting that raised the action (${longDate(before.meetingHeldOn)})`,
      { field: 'closedOn' },
    );
  }
  await updateAtVersion(trx, writer, VERSIONED, id, change.version, { status: change.status, closedOn }, attempt);
  await recordChanges(trx, writer, [
    {
      table: TABLE,
      rowId: id,
      operation: 'update',
      old: { status: before.status, closedOn: before.closedOn },
      new: { status: change.status, closedOn },
    },
  ]);
  await addTrailEntry(trx, writer, { actionId: id, author: change.author, text: change.note, status: change.status });
  return getAction(trx, id);
}

/** A note on the action's progress, added to its trail. */
export async function addActionUpdate(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  fields: UpdateFields,
): Promise<Action> {
  await actionRow(trx, id);
  await addTrailEntry(trx, writer, { actionId: id, author: fields.author, text: fields.text, status: null });
  return getAction(trx, id);
}

/** What deleting an action removes with it: its trail. */
export async function actionDeleteImpact(
  db: Db,
  id: number,
): Promise<{ readonly alsoRemoves: readonly string[]; readonly blockedBy: null }> {
  await actionRow(db, id);
  const { n } = await db
    .selectFrom('actionUpdate')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actionId', '=', id)
    .executeTakeFirstOrThrow();
  const count = Number(n);
  return {
    alsoRemoves: count === 0 ? [] : [`${count} ${count === 1 ? 'update' : 'updates'} in its trail`],
    blockedBy: null,
  };
}

/** Deletes an action with its trail (the schema cascades); at `version`, when the delete names it. */
export async function deleteAction(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  version?: number,
): Promise<number> {
  const impact = await actionDeleteImpact(trx, id);
  const before = await trx.selectFrom('action').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await requireVersion(trx, writer, VERSIONED, before, version, { kind: 'delete' });
  await deleteAtVersion(trx, writer, VERSIONED, id, version);
  await recordChanges(trx, writer, [
    { table: TABLE, rowId: id, operation: 'delete', old: { ...before, alsoRemoved: impact.alsoRemoves }, new: null },
  ]);
  return 1;
}
