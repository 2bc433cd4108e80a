import { BoardpackError } from '../../shared/errors';
import { normaliseName } from '../../shared/names';
import type { Db } from '../schema/database';
import type { NewPeriod, PeriodRow } from '../schema/period.table';
import { recordChanges, type Writer } from './change-log';

/** Creates a period and logs it; returns its id. */
export async function createPeriod(db: Db, writer: Writer, period: NewPeriod): Promise<number> {
  const { id } = await db.insertInto('period').values(period).returning('id').executeTakeFirstOrThrow();
  await recordChanges(db, writer, [{ table: 'period', rowId: id, operation: 'insert', old: null, new: { ...period } }]);
  return id;
}

/**
 * The period with this label, created when there is none. A period that has the
 * label but other dates is refused: the same words must not mean two spans.
 */
export async function ensurePeriod(
  db: Db,
  writer: Writer,
  period: Omit<NewPeriod, 'note'> & { note?: string | null },
  known?: Map<string, PeriodRow>,
): Promise<number> {
  const key = normaliseName(period.label);
  let existing = known?.get(key);
  if (!existing) {
    const rows = await db.selectFrom('period').selectAll().execute();
    existing = rows.find((row) => normaliseName(row.label) === key);
  }
  if (existing) {
    if (existing.startDate !== period.startDate || existing.endDate !== period.endDate) {
      throw new BoardpackError(
        'conflict',
        `period "${existing.label}" runs ${existing.startDate} to ${existing.endDate}, not ${period.startDate} to ${period.endDate}`,
        { field: 'period' },
      );
    }
    return existing.id;
  }
  const values = { ...period, note: period.note ?? null };
  const id = await createPeriod(db, writer, values);
  known?.set(key, { ...values, id, version: 1 });
  return id;
}
