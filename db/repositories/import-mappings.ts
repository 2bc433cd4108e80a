import type { Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import { figureMapping, type FigureMapping, type SavedMapping } from '../../shared/figure-mapping';
import { sameName } from '../../shared/names';
import type { Database, Db } from '../schema/database';
import type { ImportMappingRow } from '../schema/import-mapping.table';
import { recordChanges, type Writer } from './change-log';
import { engineOf } from '../engine';

/**
 * Figure-import mappings saved by name. The mapping is stored as JSON and parsed
 * with its zod schema on the way out, so a damaged or hand-edited one is refused
 * with its name rather than used half-understood. Every write is logged.
 */

const TABLE = 'importMapping';

export function toSavedMapping(row: ImportMappingRow): SavedMapping {
  let json: unknown;
  try {
    json = JSON.parse(row.mapping);
  } catch {
    throw new BoardpackError('invalid-input', `the saved mapping "${row.name}" is damaged: it is not JSON`, {
      field: 'mapping',
    });
  }
  const parsed = figureMapping.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BoardpackError(
      'invalid-input',
      `the saved mapping "${row.name}" is damaged: ${issue?.message ?? 'it does not parse'}`,
      { field: ['mapping', ...(issue?.path.map(String) ?? [])].join('.') },
    );
  }
  return {
    id: row.id,
    name: row.name,
    layout: parsed.data.layout ?? null,
    mapping: parsed.data,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Every saved mapping, by name. */
export async function listMappings(db: Db): Promise<SavedMapping[]> {
  const rows = await db
    .selectFrom('importMapping')
    .selectAll()
    .orderBy(engineOf(db).byteOrder('name'))
    .orderBy('id')
    .execute();
  return rows.map(toSavedMapping);
}

/**
 * Saves a mapping by name: a new one is created; one whose name matches (any case)
 * is replaced, keeping its id and creation time. Saving the same mapping again
 * writes nothing.
 */
export async function saveMapping(
  trx: Transaction<Database>,
  writer: Writer,
  input: { readonly name: string; readonly mapping: FigureMapping },
): Promise<SavedMapping> {
  const rows = await trx.selectFrom('importMapping').selectAll().execute();
  const before = rows.find((row) => sameName(row.name, input.name));
  const next = { name: input.name, layout: input.mapping.layout ?? null, mapping: JSON.stringify(input.mapping) };
  const now = writer.now();
  if (!before) {
    const row = { ...next, createdAt: now, updatedAt: now };
    const { id } = await trx.insertInto('importMapping').values(row).returning('id').executeTakeFirstOrThrow();
    await recordChanges(trx, writer, [{ table: TABLE, rowId: id, operation: 'insert', old: null, new: row }]);
    return toSavedMapping({ id, ...row, version: 1 });
  }
  const changed = (['name', 'layout', 'mapping'] as const).filter((column) => next[column] !== before[column]);
  if (changed.length === 0) return toSavedMapping(before);
  const set = Object.fromEntries(changed.map((column) => [column, next[column]]));
  await trx
    .updateTable('importMapping')
    .set((eb) => ({ ...set, updatedAt: now, version: eb('version', '+', 1) }))
    .where('id', '=', before.id)
    .execute();
  await recordChanges(trx, writer, [
    {
      table: TABLE,
      rowId: before.id,
      operation: 'update',
      old: Object.fromEntries(changed.map((column) => [column, before[column]])),
      new: set,
    },
  ]);
  return toSavedMapping({ ...before, ...next, updatedAt: now, version: before.version + 1 });
}

/** Deletes a saved mapping (a damaged one too: its row is read as stored, not parsed). */
export async function deleteMapping(trx: Transaction<Database>, writer: Writer, id: number): Promise<number> {
  const before = await trx.selectFrom('importMapping').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) {
    throw new BoardpackError('not-found', `there is no saved mapping #${id}; it may have been deleted`, {
      field: 'id',
    });
  }
  await trx.deleteFrom('importMapping').where('id', '=', id).execute();
  await recordChanges(trx, writer, [
    { table: TABLE, rowId: id, operation: 'delete', old: { name: before.name, mapping: before.mapping }, new: null },
  ]);
  return 1;
}
