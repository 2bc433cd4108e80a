import type { Transaction } from 'kysely';
import type { ParsedInputOf } from '../../shared/api/contract';
import type { Meeting, MeetingPerson, MeetingSummary } from '../../shared/api/meetings-contract';
import { monthYear } from '../../shared/date-text';
import { BoardpackError } from '../../shared/errors';
import type { Database, Db } from '../schema/database';
import type { MeetingPersonRow, MeetingRow } from '../schema/meeting.table';
import { insertAgendaItem, listAgendaItems } from './agenda-items';
import { recordChanges, type Writer } from './change-log';
import { listPeriods } from './periods';
import { resolveName } from './resolve-name';
import { deleteAtVersion, requireVersion, updateAtVersion, type StaleSpec } from './stale-rows';

/**
 * Meetings: board, date, time, venue, marking, the quarter reported on, who
 * attends and who sends apologies. Every write is logged; the agenda lives in
 * agenda-items.ts.
 */

export type MeetingFields = ParsedInputOf<'meetings.create'>;
export type MeetingChanges = ParsedInputOf<'meetings.update'>['changes'];

const TABLE = 'meeting';
const VERSIONED: StaleSpec = { table: TABLE, one: 'meeting', flags: [], nameColumns: ['title'] };

const toPerson = (row: MeetingPersonRow): MeetingPerson => ({ name: row.name, role: row.role });

function toMeeting(row: MeetingRow, people: readonly MeetingPersonRow[], items: Meeting['items']): Meeting {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    board: row.board,
    heldOn: row.heldOn,
    startsAt: row.startsAt,
    periodId: row.periodId,
    venue: row.venue,
    marking: row.marking,
    attendees: people.filter((person) => person.attendance === 'attending').map(toPerson),
    apologies: people.filter((person) => person.attendance === 'apologies').map(toPerson),
    items,
  };
}

async function meetingRow(db: Db, id: number): Promise<MeetingRow> {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new BoardpackError('not-found', `there is no meeting #${id}; it may have been deleted`, { field: 'id' });
  return row;
}

export async function listMeetings(db: Db): Promise<MeetingSummary[]> {
  const rows = await db
    .selectFrom('meeting')
    .select((eb) => [
      'meeting.id',
      'meeting.version',
      'meeting.title',
      'meeting.board',
      'meeting.heldOn',
      'meeting.marking',
      eb
        .selectFrom('agendaItem')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('agendaItem.meetingId', '=', 'meeting.id')
        .as('itemCount'),
      eb
        .selectFrom('packVersion')
        .select((inner) => inner.fn.max('packVersion.number').as('n'))
        .whereRef('packVersion.meetingId', '=', 'meeting.id')
        .as('latestVersion'),
    ])
    .orderBy('meeting.heldOn', 'desc')
    .orderBy('meeting.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    title: row.title,
    board: row.board,
    heldOn: row.heldOn,
    marking: row.marking,
    itemCount: Number(row.itemCount ?? 0),
    latestVersion: row.latestVersion === null ? null : Number(row.latestVersion),
  }));
}

export async function getMeeting(db: Db, id: number): Promise<Meeting> {
  const row = await meetingRow(db, id);
  const people = await db
    .selectFrom('meetingPerson')
    .selectAll()
    .where('meetingId', '=', id)
    .orderBy('attendance')
    .orderBy('position')
    .execute();
  return toMeeting(row, people, await listAgendaItems(db, id));
}

/** The meeting a command line names: its id ("3"), or its title in any case. */
export async function findMeeting(db: Db, idOrTitle: string): Promise<Meeting> {
  const trimmed = idOrTitle.trim();
  if (/^\d+$/.test(trimmed)) return getMeeting(db, Number(trimmed));
  const rows = await db.selectFrom('meeting').select(['id', 'title']).execute();
  const found = resolveName(
    'meeting',
    trimmed,
    rows.map((row) => ({ id: row.id, names: [row.title] })),
    { field: 'meeting' },
  );
  return getMeeting(db, found.id);
}

async function writePeople(
  trx: Transaction<Database>,
  meetingId: number,
  attendance: 'attending' | 'apologies',
  people: readonly MeetingPerson[],
): Promise<void> {
  await trx
    .deleteFrom('meetingPerson')
    .where('meetingId', '=', meetingId)
    .where('attendance', '=', attendance)
    .execute();
  if (people.length === 0) return;
  await trx
    .insertInto('meetingPerson')
    .values(
      people.map((person, index) => ({
        meetingId,
        attendance,
        position: index + 1,
        name: person.name,
        role: person.role,
      })),
    )
    .execute();
}

const columnsOf = (fields: Omit<MeetingChanges, 'attendees' | 'apologies'>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

export async function insertMeeting(
  trx: Transaction<Database>,
  writer: Writer,
  fields: MeetingFields,
): Promise<Meeting> {
  const { attendees, apologies, ...columns } = fields;
  const row = { ...columns, createdAt: writer.now() };
  const { id } = await trx.insertInto('meeting').values(row).returning('id').executeTakeFirstOrThrow();
  await writePeople(trx, id, 'attending', attendees);
  await writePeople(trx, id, 'apologies', apologies);
  await recordChanges(trx, writer, [
    { table: TABLE, rowId: id, operation: 'insert', old: null, new: { ...row, attendees, apologies } },
  ]);
  return getMeeting(trx, id);
}

/**
 * Changes the fields named (a field left out keeps its value), as the
 * meeting's next version; attendees and apologies are replaced as lists. Made
 * from `version` (when given), it is refused as stale if someone saved the
 * meeting since.
 */
export async function updateMeeting(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  changes: MeetingChanges,
  version?: number,
): Promise<Meeting> {
  const before = await getMeeting(trx, id);
  const { attendees, apologies, ...fields } = changes;
  const columns = columnsOf(fields);
  const named = { ...columns, ...(attendees ? { attendees } : {}), ...(apologies ? { apologies } : {}) };
  const attempt = { kind: 'update', values: named } as const;
  await requireVersion(trx, writer, VERSIONED, before, version, attempt);
  if (Object.keys(named).length === 0) return before;
  await updateAtVersion(trx, writer, VERSIONED, id, version, columns, attempt);
  if (attendees) await writePeople(trx, id, 'attending', attendees);
  if (apologies) await writePeople(trx, id, 'apologies', apologies);
  const old = Object.fromEntries(Object.keys(named).map((key) => [key, before[key as keyof Meeting]]));
  await recordChanges(trx, writer, [{ table: TABLE, rowId: id, operation: 'update', old, new: named }]);
  return getMeeting(trx, id);
}

/**
 * Deletes a meeting with its agenda, people and issued versions (the schema
 * cascades) and the actions raised at it (with their trails): left behind, an
 * action of no meeting would be carried into every later meeting's log.
 */
export async function deleteMeeting(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  version?: number,
): Promise<number> {
  const before = await meetingRow(trx, id);
  await requireVersion(trx, writer, VERSIONED, before, version, { kind: 'delete' });
  const actions = await trx.selectFrom('action').selectAll().where('meetingId', '=', id).orderBy('id').execute();
  await trx.deleteFrom('action').where('meetingId', '=', id).execute();
  await deleteAtVersion(trx, writer, VERSIONED, id, version);
  await recordChanges(trx, writer, [
    ...actions.map((action) => ({
      table: 'action' as const,
      rowId: action.id,
      operation: 'delete' as const,
      old: action,
      new: null,
    })),
    { table: TABLE, rowId: id, operation: 'delete', old: before, new: null },
  ]);
  return 1;
}

/** The day after an ISO date. */
const dayAfter = (isoDate: string): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** The quarter that starts the day after this period ends, if one is stored. */
async function nextQuarterId(db: Db, periodId: number | null): Promise<number | null> {
  if (periodId === null) return null;
  const periods = await listPeriods(db);
  const current = periods.find((period) => period.id === periodId);
  if (!current) return null;
  const next = periods.find((period) => period.kind === 'quarter' && period.startDate === dayAfter(current.endDate));
  return next?.id ?? null;
}

/** "… — March 2014" becomes "… — June 2014" when the title names the old month; else the new date is added. */
function nextTitle(title: string, from: string, to: string): string {
  const old = monthYear(from);
  return title.includes(old) ? title.replace(old, monthYear(to)) : `${title} (${to})`;
}

/**
 * Next quarter's meeting from this one: the same board, time, venue, marking and
 * agenda (papers copied, tables and charts on the same views), everyone who
 * attended or sent apologies listed as expected to attend, its period the next
 * quarter when one is stored.
 */
export async function duplicateMeeting(
  trx: Transaction<Database>,
  writer: Writer,
  id: number,
  options: { readonly heldOn: string; readonly title?: string | undefined },
): Promise<Meeting> {
  const source = await getMeeting(trx, id);
  const copy = await insertMeeting(trx, writer, {
    title: options.title ?? nextTitle(source.title, source.heldOn, options.heldOn),
    board: source.board,
    heldOn: options.heldOn,
    startsAt: source.startsAt,
    periodId: await nextQuarterId(trx, source.periodId),
    venue: source.venue,
    marking: source.marking,
    attendees: [...source.attendees, ...source.apologies],
    apologies: [],
  });
  for (const item of source.items) {
    await insertAgendaItem(trx, writer, copy.id, {
      title: item.title,
      presenter: item.presenter,
      minutes: item.minutes,
      content: item.content,
    });
  }
  return getMeeting(trx, copy.id);
}
