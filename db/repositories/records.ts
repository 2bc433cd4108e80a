import type { Kysely, Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import type { Database, Db } from '../schema/database';
import { recordChanges, type Writer } from './change-log';
import { specFor, wordsFor, type RecordSpec } from './record-specs';
import {
  deleteAtVersion,
  requireVersion,
  updateAtVersion,
  type RecordValues,
  type StaleAttempt,
  type StoredRecord,
} from './stale-rows';

/**
 * One way to list, create, update and delete the records the workspace edits,
 * driven by each table's RecordSpec: flags become booleans, every write is logged
 * with old → new, an edit names the row version it was made from (a stale one
 * is refused), and a delete can say beforehand what it would also remove.
 */

export type { RecordValues, StoredRecord } from './stale-rows';

type LooseDb = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Db): LooseDb => db as unknown as LooseDb;

export function toRecord(spec: RecordSpec, row: Record<string, unknown>): StoredRecord {
  const record: Record<string, unknown> = { ...row };
  for (const flag of spec.flags) record[flag] = row[flag] === 1;
  return record as StoredRecord;
}

function toRow(spec: RecordSpec, values: RecordValues): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(values)) {
    if (!spec.columns.includes(column)) continue;
    row[column] = spec.flags.includes(column) ? (value ? 1 : 0) : value;
  }
  return row;
}

export async function listRecords(db: Db, spec: RecordSpec, where: RecordValues = {}): Promise<StoredRecord[]> {
  let select = loose(db).selectFrom(spec.table).selectAll();
  for (const [column, value] of Object.entries(toRow(spec, where))) {
    select = value === null ? select.where(column, 'is', null) : select.where(column, '=', value);
  }
  for (const column of spec.orderBy) select = select.orderBy(column);
  const rows = await select.orderBy('id').execute();
  return rows.map((row) => toRecord(spec, row));
}

const notFound = (spec: RecordSpec, id: number) =>
  new BoardpackError('not-found', `there is no ${spec.one} #${id}; it may have been deleted`, { field: 'id' });

export async function getRecord(db: Db, spec: RecordSpec, id: number): Promise<StoredRecord> {
  const row = await loose(db).selectFrom(spec.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(spec, id);
  return toRecord(spec, row);
}

export async function insertRecord(
  trx: Transaction<Database>,
  writer: Writer,
  spec: RecordSpec,
  values: RecordValues,
): Promise<StoredRecord> {
  const row = { ...toRow(spec, values), ...(spec.touch ? { [spec.touch]: writer.now() } : {}) };
  const inserted = await loose(trx).insertInto(spec.table).values(row).returning('id').executeTakeFirstOrThrow();
  const id = inserted.id as number;
  await recordChanges(trx, writer, [{ table: spec.table, rowId: id, operation: 'insert', old: null, new: row }]);
  return getRecord(trx, spec, id);
}

/** Which row an edit is for, and the version of it the edit was made from. */
export interface RowVersion {
  readonly id: number;
  readonly version: number;
}

/**
 * Updates the columns of `changes` that differ, as one more version of the row,
 * and logs them old → new; an update that changes nothing writes nothing. The
 * update is made only while the row is still at the version the edit was made
 * from (`... set ..., version = version + 1 where id = ? and version = ?`):
 * on PostgreSQL a concurrent update of the row waits for the other to commit
 * and then finds the new version, so of two racing saves exactly one wins; the
 * other is refused as stale, naming who changed what, and writes nothing.
 */
export async function updateRecord(
  trx: Transaction<Database>,
  writer: Writer,
  spec: RecordSpec,
  row: RowVersion,
  changes: RecordValues,
): Promise<StoredRecord> {
  const { id, version } = row;
  const attempt: StaleAttempt = { kind: 'update', values: changes };
  const before = await loose(trx).selectFrom(spec.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound(spec, id);
  await requireVersion(trx, writer, spec, toRecord(spec, before), version, attempt);
  const values = toRow(spec, changes);
  const changed = Object.keys(values).filter((column) => before[column] !== values[column]);
  if (changed.length > 0) {
    const set = Object.fromEntries(changed.map((column) => [column, values[column]]));
    const stamp = spec.touch ? { [spec.touch]: writer.now() } : {};
    await updateAtVersion(trx, writer, spec, id, version, { ...set, ...stamp }, attempt);
    await recordChanges(trx, writer, [
      {
        table: spec.table,
        rowId: id,
        operation: 'update',
        old: Object.fromEntries(changed.map((column) => [column, before[column]])),
        new: set,
      },
    ]);
  }
  return getRecord(trx, spec, id);
}

/** Deletes a row (at `version`, when the delete names the version it was asked from) and logs it. */
export async function deleteRecord(
  trx: Transaction<Database>,
  writer: Writer,
  spec: RecordSpec,
  id: number,
  version?: number,
): Promise<number> {
  const impact = await deleteImpact(trx, spec, id);
  if (impact.blockedBy) throw new BoardpackError('conflict', impact.blockedBy, { field: 'id' });
  const before = await getRecord(trx, spec, id);
  await requireVersion(trx, writer, spec, before, version, { kind: 'delete' });
  await deleteAtVersion(trx, writer, spec, id, version);
  await recordChanges(trx, writer, [
    {
      table: spec.table,
      rowId: id,
      operation: 'delete',
      old: { ...before, alsoRemoved: impact.alsoRemoves },
      new: null,
    },
  ]);
  return 1;
}

export interface Impact {
  readonly alsoRemoves: readonly string[];
  readonly blockedBy: string | null;
}

/**
 * What deleting a record would remove with it, following the cascades the schema
 * declares (a plan takes its priorities, and they their activities), and what
 * would stop it (a period that progress updates still refer to).
 */
export async function deleteImpact(db: Db, spec: RecordSpec, id: number): Promise<Impact> {
  await getRecord(db, spec, id);
  const counts = new Map<string, number>();
  const blockers: string[] = [];
  await walk(db, spec.table, [id], counts, blockers, 0);
  return {
    alsoRemoves: [...counts.entries()]
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${wordsFor(table as keyof Database)}`),
    blockedBy:
      blockers.length === 0 ? null : `this ${spec.one} cannot be deleted: ${blockers.join('; ')} still refer to it`,
  };
}

async function walk(
  db: Db,
  table: keyof Database,
  ids: readonly number[],
  counts: Map<string, number>,
  blockers: string[],
  depth: number,
): Promise<void> {
  const spec = specFor(table);
  if (!spec || ids.length === 0 || depth > 5) return;
  for (const dependent of spec.dependents) {
    if (dependent.onDelete === 'set null') continue;
    const query = loose(db)
      .selectFrom(dependent.table)
      .where(dependent.column, 'in', [...ids]);
    if (dependent.onDelete === 'restrict') {
      const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (n > 0) blockers.push(`${n} ${wordsFor(dependent.table)}`);
      continue;
    }
    const hasId = specFor(dependent.table) !== undefined;
    if (hasId) {
      const rows = await query.select('id').execute();
      const childIds = rows.map((row) => row.id as number);
      counts.set(dependent.table, (counts.get(dependent.table) ?? 0) + childIds.length);
      await walk(db, dependent.table, childIds, counts, blockers, depth + 1);
    } else {
      const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      counts.set(dependent.table, (counts.get(dependent.table) ?? 0) + n);
    }
  }
}
