import type { ErrorWhere } from '../../shared/errors';
import type { Period } from '../../shared/model';
import type { Db } from '../schema/database';
import type { PeriodRow } from '../schema/period.table';
import { resolveName } from './resolve-name';

function toPeriod(row: PeriodRow): Period {
  return {
    id: row.id,
    version: row.version,
    label: row.label,
    kind: row.kind,
    startDate: row.startDate,
    endDate: row.endDate,
    note: row.note,
  };
}

export async function listPeriods(db: Db): Promise<Period[]> {
  const rows = await db.selectFrom('period').selectAll().orderBy('startDate').orderBy('endDate').execute();
  return rows.map(toPeriod);
}

export async function findPeriod(db: Db, label: string, where?: ErrorWhere): Promise<Period> {
  const periods = await listPeriods(db);
  return resolveName(
    'period',
    label,
    periods.map((period) => ({ ...period, names: [period.label] })),
    where,
  );
}
