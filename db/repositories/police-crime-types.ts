import { BoardpackError } from '../../shared/errors';
import { normaliseName } from '../../shared/names';
import type { Db } from '../schema/database';
import type { Writer } from './change-log';
import { createIndicator } from './indicator-writes';

/** "Burglary" → "Burglary (police.uk)": the indicator a police.uk crime type is counted under. */
export function policeIndicatorName(crimeType: string): string {
  return `${crimeType} (police.uk)`;
}

/** Every crime type linked to an indicator so far: crime type → indicator id. */
export async function listPoliceCrimeTypes(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('policeCrimeType').selectAll().execute();
  return new Map(rows.map((row) => [row.crimeType, row.indicatorId]));
}

/**
 * The indicator that counts a crime type: the one linked to it before (even if
 * renamed since), else the indicator named "<crime type> (police.uk)", else a
 * new count indicator of that name. The link is kept for next time.
 */
export async function policeCrimeTypeIndicator(db: Db, writer: Writer, crimeType: string): Promise<number> {
  const linked = await db
    .selectFrom('policeCrimeType')
    .select('indicatorId')
    .where('crimeType', '=', crimeType)
    .executeTakeFirst();
  if (linked) return linked.indicatorId;
  const name = policeIndicatorName(crimeType);
  const indicators = await db.selectFrom('indicator').select(['id', 'name', 'unit']).execute();
  const existing = indicators.find((indicator) => normaliseName(indicator.name) === normaliseName(name));
  if (existing && existing.unit !== 'count') {
    throw new BoardpackError('conflict', `indicator "${existing.name}" exists but is not a count`, {
      field: 'crimeType',
    });
  }
  const indicatorId =
    existing?.id ??
    (await createIndicator(db, writer, {
      name,
      unit: 'count',
      ratePer: null,
      denominator: null,
      polarity: 'lower is better',
      source: 'police.uk street-level crime data',
      definition:
        `Crimes and anti-social behaviour incidents police.uk files under "${crimeType}", counted by the month ` +
        'and the area in which they happened (an LSOA, placed in an area by its local authority name or an LSOA lookup).',
      numeratorIndicatorId: null,
    }));
  await db.insertInto('policeCrimeType').values({ crimeType, indicatorId }).execute();
  return indicatorId;
}
