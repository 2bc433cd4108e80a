import type { Transaction } from 'kysely';
import type { ParsedInputOf } from '../../shared/api/contract';
import type { AgendaItem } from '../../shared/api/meetings-contract';
import { timeText, whoText } from '../../shared/api/stale-save';
import { BoardpackError } from '../../shared/errors';
import { agendaContent, type AgendaContent } from '../../shared/pack/agenda-content';
import type { Database, Db } from '../schema/database';
import type { AgendaItemRow } from '../schema/meeting.table';
import { latestChange, recordChanges, type Writer } from './change-log';
import { deleteAtVersion, requireVersion, updateAtVersion, type StaleSpec } from './stale-rows';

/**
 * A meeting's agenda: items numbered 1, 2, 3 … in order, each with a kind and
 * content (JSON checked by shared/pack/agenda-content.ts on every write and
 * read). Inserting, deleting and reordering keep the numbers a gapless run.
 */

export type AgendaItemFields = Omit<ParsedInputOf<'agenda.create'>, 'meetingId' | 'position'>;
export type AgendaItemChanges = ParsedInputOf<'agenda.update'>['changes'];

const TABLE = 'agendaItem';
const VERSIONED: StaleSpec = { table: TABLE, one: 'agenda item', flags: [], nameColumns: ['title'] };

function parseContent(row: AgendaItemRow): AgendaContent {
  let json: unknown;
  try {
    json = JSON.parse(row.content);
  } catch {
    json = null;
  }
  const parsed = agendaContent.safeParse(json);
  if (!parsed.success || parsed.data.kind !== row.kind) {
    throw new BoardpackError('invalid-input', `agenda item "${row.title}" is damaged: its content does not parse`, {
      field: 'content',
    });
  }
  return parsed.data;
}

export function toAgendaItem(row: AgendaItemRow): AgendaItem {
  return {
    id: row.id,
    version: row.version,
    meetingId: row.meetingId,
    position: row.position,
    kind: row.kind,
    title: row.title,
    presenter: row.presenter,
    minutes: row.minutes,
    content: parseContent(row),
  };
}

export async function listAgendaItems(db: Db, meetingId: number): Promise<AgendaItem[]> {
  const rows = await db
    .selectFrom('agendaItem')
    .selectAll()
    .where('meetingId', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toAgendaItem);
}

async function itemRow(db: Db, id: number): Promise<AgendaItemRow> {
  const row = await db.selectFrom('agendaItem').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new BoardpackError('not-found', `there is no agenda item #${id}; it may have been deleted`, { field: 'id' });
  }
  return row;
}

export async function getAgendaItem(db: Db, id: number): Promise<AgendaItem> {
  return toAgendaItem(await itemRow(db, id));
}

/** An item's time: a zero is no time given (the agenda prints none). */
const minutesOf = (minutes: number | null): number | null => (minutes === 0 ? null : minutes);

/**
 * Holds the meeting's row until the transaction ends (an update that changes
 * nothing): on PostgreSQL, adding, deleting and reordering a meeting's items
 * take turns, so a reorder checks its order against the agenda as it will stay.
 */
async function lockAgenda(trx: Transaction<Database>, meetingId: number): Promise<void> {
  await trx
    .updateTable('meeting')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', meetingId)
    .execute();
}

/** Adds an item at `position` (moving later items down), or at the end. */
export async function insertAgendaItem(
  trx: Transaction<Database>,
  writer: Writer,
  meetingId: number,
  fields: AgendaItemFields,
  position?: number,
): Promise<AgendaItem> {
  await lockAgenda(trx, meetingId);
  const meeting = await trx.selectFrom('meeting').select('id').where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) {
    throw new BoardpackError('not-found', `there is no meeting #${meetingId}; it may have been deleted`, {
      field: 'meetingId',
    });
  }
  const count = (await listAgendaItems(trx, meetingId)).length;
  const at = Math.min(position ?? count + 1, count + 1);
  await trx
    .updateTable('agendaItem')
    .set((eb) => ({ position: eb('position', '+', 1) }))
    .where('meetingId', '=', meetingId)
    .where('position', '>=', at)
    .execute();
  const row = {
    meetingId,
    position: at,
    kind: fields.content.kind,
    title: fields.title,
    presenter: fields.presenter,
    minutes: minutesOf(fields.minutes),
    content: JSON.stringify(fields.content),
  };
  const { id } = await trx.insertInto('agendaItem').values(row).returning('id').executeTakeFirstOrThrow();
  await recordChanges(trx, writer, [{ table: TABLE, rowId: id, operation: 'insert', old: null, new: row }]);
  return getAgendaItem(trx, id);
}

/**
 * Changes the fields named as the item's next version; made from `version`
 * (when given), it is refused as stale if someone saved the item since. Its
 * place in the agenda is the meeting's order (agenda.reorder), not a change of
 * the item.
 */
export async function updateAgendaItem(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  changes: AgendaItemChanges,
  version?: number,
): Promise<AgendaItem> {
  const before = await itemRow(trx, id);
  const attempt = { kind: 'update', values: changes } as const;
  await requireVersion(trx, writer, VERSIONED, before, version, attempt);
  const set = {
    ...(changes.title === undefined ? {} : { title: changes.title }),
    ...(changes.presenter === undefined ? {} : { presenter: changes.presenter }),
    ...(changes.minutes === undefined ? {} : { minutes: minutesOf(changes.minutes) }),
    ...(changes.content === undefined ? {} : { kind: changes.content.kind, content: JSON.stringify(changes.content) }),
  };
  const changed = (Object.keys(set) as (keyof typeof set)[]).filter((key) => set[key] !== before[key]);
  if (changed.length === 0) return toAgendaItem(before);
  await updateAtVersion(trx, writer, VERSIONED, id, version, set, attempt);
  await recordChanges(trx, writer, [
    {
      table: TABLE,
      rowId: id,
      operation: 'update',
      old: Object.fromEntries(changed.map((key) => [key, before[key]])),
      new: Object.fromEntries(changed.map((key) => [key, set[key]])),
    },
  ]);
  return getAgendaItem(trx, id);
}

/** Deletes an item and closes the gap it leaves in the numbering. */
export async function deleteAgendaItem(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  version?: number,
): Promise<number> {
  const before = await itemRow(trx, id);
  await lockAgenda(trx, before.meetingId);
  await requireVersion(trx, writer, VERSIONED, before, version, { kind: 'delete' });
  await deleteAtVersion(trx, writer, VERSIONED, id, version);
  await trx
    .updateTable('agendaItem')
    .set((eb) => ({ position: eb('position', '-', 1) }))
    .where('meetingId', '=', before.meetingId)
    .where('position', '>', before.position)
    .execute();
  await recordChanges(trx, writer, [{ table: TABLE, rowId: id, operation: 'delete', old: before, new: null }]);
  return 1;
}

/** What is wrong with a proposed order, or null when it lists every item of the meeting once. */
function orderProblem(itemIds: readonly number[], current: readonly AgendaItem[]): string | null {
  const known = new Set(current.map((item) => item.id));
  const seen = new Set<number>();
  const twice = itemIds.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  const strangers = itemIds.filter((id) => !known.has(id));
  const missing = current.filter((item) => !seen.has(item.id));
  const problems = [
    twice.length > 0 ? `lists item${twice.length > 1 ? 's' : ''} #${[...new Set(twice)].join(', #')} twice` : null,
    strangers.length > 0 ? `lists #${strangers.join(', #')}, not on this meeting's agenda` : null,
    missing.length > 0 ? `leaves out ${missing.map((item) => `"${item.title}"`).join(', ')}` : null,
  ].filter((problem): problem is string => problem !== null);
  return problems.length === 0 ? null : `the new order ${problems.join('; ')}`;
}

/** "Ben", "Ben (role boardpack_secretary)" and " at 10:45", from the latest of these change-log entries. */
async function latestOf(
  db: Db,
  rows: readonly { readonly table: string; readonly rowId: number }[],
): Promise<{ changedBy: string | null; changedByRole: string | null; changedAt: string | null }> {
  let latest: { id: number; actor: string; dbRole: string | null; at: string } | undefined;
  for (const row of rows) {
    const entry = await latestChange(db, row.table, row.rowId);
    if (entry && (!latest || entry.id > latest.id)) latest = entry;
  }
  return { changedBy: latest?.actor ?? null, changedByRole: latest?.dbRole ?? null, changedAt: latest?.at ?? null };
}

/**
 * The refusal of a reorder made from an order that is not the agenda's now:
 * who reordered, added or removed items since (and when, from the change
 * log); `current.record` is the agenda's order now. Null when `from` is the
 * order now.
 */
async function staleOrder(
  db: Db,
  writer: Writer,
  meetingId: number,
  from: readonly number[],
  current: readonly AgendaItem[],
): Promise<BoardpackError | null> {
  const now = current.map((item) => item.id);
  if (now.length === from.length && now.every((id, index) => from[index] === id)) return null;
  const seen = new Set(from);
  const added = current.filter((item) => !seen.has(item.id));
  const removed = from.filter((id) => !now.includes(id));
  const { changedBy, changedByRole, changedAt } = await latestOf(db, [
    { table: 'meeting', rowId: meetingId },
    ...added.map((item) => ({ table: TABLE, rowId: item.id })),
    ...removed.map((id) => ({ table: TABLE, rowId: id })),
  ]);
  const titles = (items: readonly AgendaItem[]) => items.map((item) => `"${item.title}"`).join(', ');
  const what = [
    added.length > 0 ? `added ${titles(added)}` : null,
    removed.length > 0 ? `removed ${removed.length === 1 ? 'an item' : `${removed.length} items`}` : null,
    added.length === 0 && removed.length === 0 ? 'reordered the agenda' : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' and ');
  const when = changedAt === null ? '' : ` at ${timeText(changedAt, new Date(writer.now()))}`;
  const who = changedBy === null ? 'someone else' : whoText(changedBy, changedByRole);
  return new BoardpackError(
    'stale',
    `${who} ${what}${when}, since you last saw the agenda; your new order was not saved`,
    undefined,
    { record: { meetingId, itemIds: now }, changedBy, changedByRole, changedAt },
  );
}

/**
 * Puts every item of the meeting in the order given; an order that is not
 * exactly its items, once each, is refused. Made `from` an order (the items'
 * ids as the client showed them), it is refused as stale, nothing written,
 * when the agenda's order or items are not that now. The items' versions stay
 * as they are: an item's place is the meeting's order, not a change of the item.
 */
export async function reorderAgendaItems(
  trx: Transaction<Database>,
  writer: Writer,
  meetingId: number,
  itemIds: readonly number[],
  from?: readonly number[],
): Promise<AgendaItem[]> {
  await lockAgenda(trx, meetingId);
  const current = await listAgendaItems(trx, meetingId);
  const stale = from === undefined ? null : await staleOrder(trx, writer, meetingId, from, current);
  if (stale) throw stale;
  const problem = orderProblem(itemIds, current);
  if (problem) throw new BoardpackError('invalid-input', problem, { field: 'itemIds' });
  for (const [index, id] of itemIds.entries()) {
    await trx
      .updateTable('agendaItem')
      .set({ position: index + 1 })
      .where('id', '=', id)
      .execute();
  }
  await recordChanges(trx, writer, [
    {
      table: 'meeting',
      rowId: meetingId,
      operation: 'update',
      old: { agenda: current.map((item) => item.id) },
      new: { agenda: [...itemIds] },
    },
  ]);
  return listAgendaItems(trx, meetingId);
}
