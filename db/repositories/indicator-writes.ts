import { BoardpackError } from '../../shared/errors';
import type { Db } from '../schema/database';
import type { NewIndicator } from '../schema/indicator.table';
import { recordChanges, type Writer } from './change-log';

/** Creates an indicator and logs it; returns its id. */
export async function createIndicator(db: Db, writer: Writer, indicator: NewIndicator): Promise<number> {
  const { id } = await db.insertInto('indicator').values(indicator).returning('id').executeTakeFirstOrThrow();
  await recordChanges(db, writer, [
    { table: 'indicator', rowId: id, operation: 'insert', old: null, new: { ...indicator } },
  ]);
  return id;
}

/**
 * Makes a rate indicator a computed one: its figures become the numerator's
 * count per `ratePer` of its denominator (see computeRates). The rate must be a
 * rate with a denominator, the numerator a count.
 */
export async function setRateNumerator(
  db: Db,
  writer: Writer,
  rateIndicatorId: number,
  numeratorIndicatorId: number | null,
): Promise<void> {
  const rate = await db.selectFrom('indicator').selectAll().where('id', '=', rateIndicatorId).executeTakeFirst();
  if (!rate) throw new BoardpackError('not-found', `no indicator ${rateIndicatorId}`, { field: 'indicator' });
  if (numeratorIndicatorId !== null) {
    if (rate.unit !== 'rate' || rate.denominator === null) {
      throw new BoardpackError('invalid-input', `${rate.name} is not a rate with a denominator`, {
        field: 'indicator',
      });
    }
    const numerator = await db
      .selectFrom('indicator')
      .select(['name', 'unit'])
      .where('id', '=', numeratorIndicatorId)
      .executeTakeFirst();
    if (!numerator)
      throw new BoardpackError('not-found', `no indicator ${numeratorIndicatorId}`, { field: 'numerator' });
    if (numerator.unit !== 'count') {
      throw new BoardpackError('invalid-input', `the numerator of a rate must be a count; ${numerator.name} is not`, {
        field: 'numerator',
      });
    }
  }
  if (rate.numeratorIndicatorId === numeratorIndicatorId) return;
  await db
    .updateTable('indicator')
    .set((eb) => ({ numeratorIndicatorId, version: eb('version', '+', 1) }))
    .where('id', '=', rateIndicatorId)
    .execute();
  await recordChanges(db, writer, [
    {
      table: 'indicator',
      rowId: rateIndicatorId,
      operation: 'update',
      old: { numeratorIndicatorId: rate.numeratorIndicatorId },
      new: { numeratorIndicatorId },
    },
  ]);
}
