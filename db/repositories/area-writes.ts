import type { AreaKind } from '../../shared/domain';
import type { Db } from '../schema/database';
import { recordChanges, type Writer } from './change-log';

export interface NewAreaInput {
  readonly name: string;
  readonly kind: AreaKind;
  readonly parentId: number | null;
  readonly code: string | null;
  readonly aliases: readonly string[];
}

/** Creates an area with its aliases and logs it; returns its id. */
export async function createArea(db: Db, writer: Writer, area: NewAreaInput): Promise<number> {
  const { aliases, ...values } = area;
  const { id } = await db.insertInto('area').values(values).returning('id').executeTakeFirstOrThrow();
  for (const alias of aliases) await db.insertInto('areaAlias').values({ alias, areaId: id }).execute();
  await recordChanges(db, writer, [
    { table: 'area', rowId: id, operation: 'insert', old: null, new: { ...values, aliases } },
  ]);
  return id;
}

/** Puts an area under a parent (a district under its county) and logs the change. */
export async function setAreaParent(db: Db, writer: Writer, areaId: number, parentId: number): Promise<void> {
  const before = await db.selectFrom('area').select('parentId').where('id', '=', areaId).executeTakeFirstOrThrow();
  if (before.parentId === parentId) return;
  await db
    .updateTable('area')
    .set((eb) => ({ parentId, version: eb('version', '+', 1) }))
    .where('id', '=', areaId)
    .execute();
  await recordChanges(db, writer, [
    { table: 'area', rowId: areaId, operation: 'update', old: { parentId: before.parentId }, new: { parentId } },
  ]);
}
