import type { Transaction } from 'kysely';
import { staleMessage } from '../../shared/api/stale-save';
import { BoardpackError, type FieldChange } from '../../shared/errors';
import type { Database, Db } from '../schema/database';
import { recordChanges, type Writer } from './change-log';
import { RECORD_SPECS } from './record-specs';
import { updateAtVersion } from './stale-rows';

const SPEC = RECORD_SPECS.deliveryGroup;

export interface DeliveryGroupLink {
  readonly deliveryGroupId: number;
  readonly priorityId: number;
}

export async function listDeliveryGroupLinks(db: Db): Promise<DeliveryGroupLink[]> {
  return db.selectFrom('deliveryGroupPriority').selectAll().orderBy('deliveryGroupId').orderBy('priorityId').execute();
}

/** "SBP 1.1, SBP 2.3" for priority ids (their plan's key and ref), null (said "none") for no priority. */
async function priorityWords(db: Db, ids: readonly number[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const rows = await db
    .selectFrom('priority')
    .innerJoin('plan', 'plan.id', 'priority.planId')
    .select(['priority.id', 'plan.key', 'priority.ref'])
    .where('priority.id', 'in', [...ids])
    .execute();
  const words = new Map(rows.map((row) => [row.id, `${row.key} ${row.ref}`.trim()]));
  return ids.map((id) => words.get(id) ?? `#${id}`).join(', ');
}

const idsIn = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];

/** A change of a group's priorities, told by the priorities' names rather than their ids. */
async function inWords(db: Db, change: FieldChange): Promise<FieldChange> {
  if (change.field !== 'priorityIds') return change;
  return {
    field: 'priorities',
    from: await priorityWords(db, idsIn(change.from)),
    to: await priorityWords(db, idsIn(change.to)),
  };
}

/**
 * The refusal of a set of priorities made from an older version of the group:
 * who changed the group since (its priorities, named, or its fields), when,
 * and which priorities were not saved; `current.record` is the group as it is
 * now with the priorities it delivers now.
 */
async function staleSet(
  db: Db,
  writer: Writer,
  id: number,
  refused: BoardpackError,
  words: string | null,
): Promise<BoardpackError> {
  if (refused.code !== 'stale' || !refused.current) return refused;
  const changes = await Promise.all((refused.current.changes ?? []).map((change) => inWords(db, change)));
  const record = refused.current.record as Readonly<Record<string, unknown>>;
  const message = staleMessage({
    what: `delivery group ${typeof record.name === 'string' ? record.name : `#${id}`}`,
    changedBy: refused.current.changedBy,
    changedByRole: refused.current.changedByRole ?? null,
    changedAt: refused.current.changedAt,
    changes,
    mainField: null,
    attempt: { kind: 'update', values: { priorities: words } },
    now: new Date(writer.now()),
  });
  return new BoardpackError(
    'stale',
    message,
    { field: 'priorityIds' },
    {
      ...refused.current,
      record: { ...record, priorityIds: await deliveredBy(db, id) },
      changes,
    },
  );
}

async function deliveredBy(db: Db, deliveryGroupId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('deliveryGroupPriority')
    .select('priorityId')
    .where('deliveryGroupId', '=', deliveryGroupId)
    .orderBy('priorityId')
    .execute();
  return rows.map((row) => row.priorityId);
}

/**
 * Makes a group deliver exactly these priorities, as the group's next version:
 * made from `version`, it is refused as stale (nothing written) when someone
 * changed the group or its priorities since. The change log records the
 * group's priorities before and after.
 */
export async function setDeliveryGroupPriorities(
  trx: Transaction<Database>,
  writer: Writer,
  deliveryGroupId: number,
  version: number,
  priorityIds: readonly number[],
): Promise<{ priorityIds: number[]; version: number }> {
  const after = [...new Set(priorityIds)].sort((a, b) => a - b);
  const words = await priorityWords(trx, after);
  try {
    await updateAtVersion(
      trx,
      writer,
      SPEC,
      deliveryGroupId,
      version,
      {},
      {
        kind: 'update',
        values: { priorities: words },
      },
    );
  } catch (error) {
    throw error instanceof BoardpackError ? await staleSet(trx, writer, deliveryGroupId, error, words) : error;
  }
  const before = await deliveredBy(trx, deliveryGroupId);
  await trx.deleteFrom('deliveryGroupPriority').where('deliveryGroupId', '=', deliveryGroupId).execute();
  if (after.length > 0) {
    await trx
      .insertInto('deliveryGroupPriority')
      .values(after.map((priorityId) => ({ deliveryGroupId, priorityId })))
      .execute();
  }
  await recordChanges(trx, writer, [
    {
      table: 'deliveryGroup',
      rowId: deliveryGroupId,
      operation: 'update',
      old: { priorityIds: before },
      new: { priorityIds: after },
    },
  ]);
  return { priorityIds: after, version: version + 1 };
}
