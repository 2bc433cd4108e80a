import type { Database, Db } from '../schema/database';
import type { Transaction } from 'kysely';
import type { NewPoliceMonth } from '../schema/police.table';
import { engineOf } from '../engine';

/** A month's crimes of one type in one area, summed over the forces imported for it. */
export interface PoliceMonthCount {
  readonly month: string;
  readonly crimeType: string;
  readonly areaId: number;
  readonly count: number;
}

/**
 * Replaces one force's month: its previous counts go (the month is imported
 * again, not added to) and these take their place. Returns the month's id.
 */
export async function replacePoliceMonth(
  trx: Transaction<Database>,
  month: Omit<NewPoliceMonth, 'id'>,
  counts: readonly { crimeType: string; areaId: number; count: number }[],
): Promise<number> {
  await trx
    .deleteFrom('policeMonth')
    .where('month', '=', month.month)
    .where('reportedBy', '=', month.reportedBy)
    .execute();
  const { id } = await trx.insertInto('policeMonth').values(month).returning('id').executeTakeFirstOrThrow();
  for (let start = 0; start < counts.length; start += 500) {
    await trx
      .insertInto('policeCount')
      .values(counts.slice(start, start + 500).map((count) => ({ policeMonthId: id, ...count })))
      .execute();
  }
  return id;
}

/** Which of these months have been imported (for any force). */
export async function importedPoliceMonths(db: Db, months: readonly string[]): Promise<Set<string>> {
  if (months.length === 0) return new Set();
  const rows = await db.selectFrom('policeMonth').select('month').distinct().where('month', 'in', months).execute();
  return new Set(rows.map((row) => row.month));
}

/** The counts of these months by crime type and area, summed over forces. */
export async function policeMonthCounts(db: Db, months: readonly string[]): Promise<PoliceMonthCount[]> {
  if (months.length === 0) return [];
  const rows = await db
    .selectFrom('policeCount')
    .innerJoin('policeMonth', 'policeMonth.id', 'policeCount.policeMonthId')
    .select((eb) => [
      'policeMonth.month',
      'policeCount.crimeType',
      'policeCount.areaId',
      eb.fn.sum<number>('policeCount.count').as('count'),
    ])
    .where('policeMonth.month', 'in', months)
    .groupBy(['policeMonth.month', 'policeCount.crimeType', 'policeCount.areaId'])
    // SQLite happens to return groups in key order, PostgreSQL's hashing in none: say which.
    .orderBy('policeMonth.month')
    .orderBy(engineOf(db).byteOrder('policeCount.crimeType'))
    .orderBy('policeCount.areaId')
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
