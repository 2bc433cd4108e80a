import type { Transaction } from 'kysely';
import type { Database, Db } from '../schema/database';
import { recordChanges, type Writer } from './change-log';

export interface DeliveryGroupLink {
  readonly deliveryGroupId: number;
  readonly priorityId: number;
}

export async function listDeliveryGroupLinks(db: Db): Promise<DeliveryGroupLink[]> {
  return db.selectFrom('deliveryGroupPriority').selectAll().orderBy('deliveryGroupId').orderBy('priorityId').execute();
}

/** Makes a group deliver exactly these priorities, logging the links before and after. */
export async function setDeliveryGroupPriorities(
  trx: Transaction<Database>,
  writer: Writer,
  deliveryGroupId: number,
  priorityIds: readonly number[],
): Promise<number[]> {
  const before = await trx
    .selectFrom('deliveryGroupPriority')
    .select('priorityId')
    .where('deliveryGroupId', '=', deliveryGroupId)
    .orderBy('priorityId')
    .execute();
  const after = [...new Set(priorityIds)].sort((a, b) => a - b);
  await trx.deleteFrom('deliveryGroupPriority').where('deliveryGroupId', '=', deliveryGroupId).execute();
  if (after.length > 0) {
    await trx
      .insertInto('deliveryGroupPriority')
      .values(after.map((priorityId) => ({ deliveryGroupId, priorityId })))
      .execute();
  }
  await recordChanges(trx, writer, [
    {
      table: 'deliveryGroupPriority',
      rowId: deliveryGroupId,
      operation: 'update',
      old: { priorityIds: before.map((row) => row.priorityId) },
      new: { priorityIds: after },
    },
  ]);
  return after;
}
