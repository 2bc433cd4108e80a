import type { Kysely } from 'kysely';
import { staleMessage } from '../../shared/api/stale-save';
import { BoardpackError, type FieldChange } from '../../shared/errors';
import type { Database, Db } from '../schema/database';
import { latestChange, type Writer } from './change-log';
import type { RecordSpec } from './record-specs';

/** A record's values by field, as the API speaks them. */
export type RecordValues = Readonly<Record<string, unknown>>;
/** A stored record: its fields, its id and the version it is at. */
export type StoredRecord = Readonly<Record<string, unknown>> & { readonly id: number; readonly version: number };

/** What a refusal needs to know of a versioned table: its words, flags and naming columns. */
export type StaleSpec = Pick<RecordSpec, 'table' | 'one' | 'flags' | 'nameColumns' | 'mainColumn'>;

/** What a refused write tried: to change these fields, or to delete the row. */
export type StaleAttempt = { readonly kind: 'update'; readonly values: RecordValues } | { readonly kind: 'delete' };

/** A figure by its indicator, area and period names: "Wycombe, Domestic burglary, 2013/14". */
async function figureWords(db: Db, figure: StoredRecord): Promise<string> {
  const names = await db
    .selectFrom('figure')
    .innerJoin('indicator', 'indicator.id', 'figure.indicatorId')
    .innerJoin('area', 'area.id', 'figure.areaId')
    .innerJoin('period', 'period.id', 'figure.periodId')
    .select(['indicator.name as indicator', 'area.name as area', 'period.label as period'])
    .where('figure.id', '=', figure.id)
    .executeTakeFirst();
  return names ? `${names.area}, ${names.indicator}, ${names.period}` : `figure #${figure.id}`;
}

/** "Wycombe, Domestic burglary, 2013/14" for a figure, "area Wycombe" or "priority 6.2" for a record. */
async function rowWords(db: Db, spec: StaleSpec, record: StoredRecord): Promise<string> {
  if (spec.table === 'figure') return figureWords(db, record);
  const name = spec.nameColumns.map((column) => record[column]).find((value) => typeof value === 'string' && value);
  const text = typeof name === 'string' ? (name.length > 60 ? `${name.slice(0, 59)}…` : name) : `#${record.id}`;
  return `${spec.one} ${text}`;
}

const parsed = (json: string | null): Record<string, unknown> =>
  json === null ? {} : (JSON.parse(json) as Record<string, unknown>);

/** The fields one change-log entry changed, flags as yes/no. */
function fieldChanges(spec: StaleSpec, oldValues: string | null, newValues: string | null): FieldChange[] {
  const before = parsed(oldValues);
  const after = parsed(newValues);
  const flag = (field: string, value: unknown) => (spec.flags.includes(field) ? value === 1 || value === true : value);
  return Object.keys(after).map((field) => ({
    field,
    from: flag(field, before[field] ?? null),
    to: flag(field, after[field]),
  }));
}

/**
 * The 'stale' refusal of a write made from an older version of a row: its
 * message says who (the person and, on a team database, the role) changed
 * what and when, and what was not saved; its `current` carries the row as it
 * is now (with the version to save over deliberately) and that change.
 */
export async function staleRowError(
  db: Db,
  writer: Writer,
  spec: StaleSpec,
  current: StoredRecord,
  attempt: StaleAttempt,
): Promise<BoardpackError> {
  const entry = await latestChange(db, spec.table, current.id);
  const changes = entry?.operation === 'update' ? fieldChanges(spec, entry.oldValues, entry.newValues) : [];
  const changedBy = entry?.actor ?? null;
  const changedByRole = entry?.dbRole ?? null;
  const changedAt = entry?.at ?? null;
  const message = staleMessage({
    what: await rowWords(db, spec, current),
    changedBy,
    changedByRole,
    changedAt,
    changes,
    mainField: spec.mainColumn ?? null,
    added: entry?.operation === 'insert',
    attempt,
    now: new Date(writer.now()),
  });
  const fields = attempt.kind === 'update' ? Object.keys(attempt.values) : [];
  const [field] = fields;
  return new BoardpackError('stale', message, fields.length === 1 && field ? { field } : undefined, {
    record: current,
    changedBy,
    changedByRole,
    changedAt,
    changes,
  });
}

type LooseDb = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Db): LooseDb => db as unknown as LooseDb;

/**
 * Why a write made from `version` found no row to change: the row is gone
 * (not-found, naming it) or someone else changed it since (stale).
 */
export async function refusedWrite(
  db: Db,
  writer: Writer,
  spec: StaleSpec,
  id: number,
  attempt: StaleAttempt,
): Promise<BoardpackError> {
  const row = await loose(db).selectFrom(spec.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    return new BoardpackError('not-found', `there is no ${spec.one} #${id}; it may have been deleted`, { field: 'id' });
  const record: Record<string, unknown> = { ...row };
  for (const flag of spec.flags) record[flag] = row[flag] === 1;
  return staleRowError(db, writer, spec, record as StoredRecord, attempt);
}

/**
 * Changes one row as its next version: `set ..., version = version + 1 where
 * id = ?`, and, when the write names the version it was made from, `and
 * version = ?`, so a write made from an older version changes nothing and is
 * refused (stale, or not-found for a row deleted since). On PostgreSQL a
 * concurrent write of the row waits for the other to commit, then finds the
 * new version: of two racing saves exactly one wins.
 */
export async function updateAtVersion(
  trx: Kysely<Database>,
  writer: Writer,
  spec: StaleSpec,
  id: number,
  version: number | undefined,
  set: Readonly<Record<string, unknown>>,
  attempt: StaleAttempt,
): Promise<void> {
  let update = loose(trx)
    .updateTable(spec.table)
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== undefined) update = update.where('version', '=', version);
  const updated = await update.executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw await refusedWrite(trx, writer, spec, id, attempt);
}

/** Refuses, before anything is written, a write made from a version other than the row's (when it names one). */
export async function requireVersion(
  db: Db,
  writer: Writer,
  spec: StaleSpec,
  row: { readonly id: number; readonly version: number },
  version: number | undefined,
  attempt: StaleAttempt,
): Promise<void> {
  if (version !== undefined && row.version !== version) throw await refusedWrite(db, writer, spec, row.id, attempt);
}

/** Deletes one row, at `version` when the delete names it; refused as stale or not-found otherwise. */
export async function deleteAtVersion(
  trx: Kysely<Database>,
  writer: Writer,
  spec: StaleSpec,
  id: number,
  version: number | undefined,
): Promise<void> {
  let remove = loose(trx).deleteFrom(spec.table).where('id', '=', id);
  if (version !== undefined) remove = remove.where('version', '=', version);
  const deleted = await remove.executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw await refusedWrite(trx, writer, spec, id, { kind: 'delete' });
}
