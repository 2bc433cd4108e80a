import type { Kysely, Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import type { Database, Db } from '../schema/database';
import { recordChanges, type Writer } from './change-log';
import { specFor, wordsFor, type RecordSpec } from './record-specs';

/**
 * One way to list, create, update and delete the records the workspace edits,
 * driven by each table's RecordSpec: flags become booleans, every write is logged
 * with old → new, and a delete can say beforehand what it would also remove.
 */

export type RecordValues = Readonly<Record<string, unknown>>;
export type StoredRecord = Readonly<Record<string, unknown>> & { readonly id: number };

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

export async function getRecord(db: Db, spec: RecordSpec, id: number): Promise<StoredRecord> {
  const row = await loose(db).selectFrom(spec.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new BoardpackError('not-found', `there is no ${spec.one} #${id}; it may have been deleted`, { field: 'id' });
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

/** Updates the columns that differ and logs them old → new; an update that changes nothing writes nothing. */
export async function updateRecord(
  trx: Transaction<Database>,
  writer: Writer,
  spec: RecordSpec,
  id: number,
  values: RecordValues,
): Promise<StoredRecord> {
  const before = await loose(trx).selectFrom(spec.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!before)
    throw new BoardpackError('not-found', `there is no ${spec.one} #${id}; it may have been deleted`, { field: 'id' });
  const row = toRow(spec, values);
  const changed = Object.keys(row).filter((column) => before[column] !== row[column]);
  if (changed.length > 0) {
    const set = Object.fromEntries(changed.map((column) => [column, row[column]]));
    const stamp = spec.touch ? { [spec.touch]: writer.now() } : {};
    await loose(trx)
      .updateTable(spec.table)
      .set({ ...set, ...stamp })
      .where('id', '=', id)
      .execute();
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

export async function deleteRecord(
  trx: Transaction<Database>,
  writer: Writer,
  spec: RecordSpec,
  id: number,
): Promise<number> {
  const impact = await deleteImpact(trx, spec, id);
  if (impact.blockedBy) throw new BoardpackError('conflict', impact.blockedBy, { field: 'id' });
  const before = await getRecord(trx, spec, id);
  await loose(trx).deleteFrom(spec.table).where('id', '=', id).execute();
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
