import type { ErrorWhere } from '../../shared/errors';
import type { Indicator } from '../../shared/model';
import type { Db } from '../schema/database';
import type { IndicatorRow } from '../schema/indicator.table';
import { resolveName } from './resolve-name';
import { engineOf } from '../engine';

function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    unit: row.unit,
    ratePer: row.ratePer,
    denominator: row.denominator,
    polarity: row.polarity,
    source: row.source,
    definition: row.definition,
    partnerId: row.partnerId,
  };
}

export async function listIndicators(db: Db): Promise<Indicator[]> {
  const rows = await db.selectFrom('indicator').selectAll().orderBy(engineOf(db).byteOrder('name')).execute();
  return rows.map(toIndicator);
}

export async function findIndicator(db: Db, name: string, where?: ErrorWhere): Promise<Indicator> {
  const indicators = await listIndicators(db);
  return resolveName(
    'indicator',
    name,
    indicators.map((indicator) => ({ ...indicator, names: [indicator.name] })),
    where,
  );
}
