import type { Transaction } from 'kysely';
import type { NewPopulation, PopulationRow } from '../schema/area.table';
import type { Database, Db } from '../schema/database';
import { recordChanges, type Change, type Writer } from './change-log';
import type { UpsertResult } from './figures';

export type PopulationInput = Omit<NewPopulation, 'id'> & {
  readonly areaId: number;
  readonly year: number;
  readonly residents: number | null;
  readonly households: number | null;
  readonly youngPeople: number | null;
  readonly source: string | null;
};

/** Populations by area and year, oldest first; all areas when none are named. */
export async function listPopulations(db: Db, areaIds?: readonly number[]): Promise<PopulationRow[]> {
  if (areaIds?.length === 0) return [];
  let select = db.selectFrom('population').selectAll();
  if (areaIds) select = select.where('areaId', 'in', areaIds);
  return select.orderBy('areaId').orderBy('year').execute();
}

const COLUMNS = ['residents', 'households', 'youngPeople', 'source'] as const;

/**
 * Writes populations, one per area and year: new ones inserted, changed ones
 * updated, identical ones left alone; every insert and update is logged with old → new.
 */
export async function upsertPopulations(
  db: Transaction<Database>,
  writer: Writer,
  populations: readonly PopulationInput[],
): Promise<UpsertResult> {
  const existing = new Map(
    (await listPopulations(db, [...new Set(populations.map((population) => population.areaId))])).map((row) => [
      `${row.areaId}:${row.year}`,
      row,
    ]),
  );
  const changes: Change[] = [];
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  for (const population of populations) {
    const values = {
      residents: population.residents,
      households: population.households,
      youngPeople: population.youngPeople,
      source: population.source,
    };
    const before = existing.get(`${population.areaId}:${population.year}`);
    if (!before) {
      const { id } = await db
        .insertInto('population')
        .values({ areaId: population.areaId, year: population.year, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      changes.push({ table: 'population', rowId: id, operation: 'insert', old: null, new: { ...population } });
      inserted += 1;
      continue;
    }
    const changed = COLUMNS.filter((column) => before[column] !== values[column]);
    if (changed.length === 0) {
      unchanged += 1;
      continue;
    }
    await db.updateTable('population').set(values).where('id', '=', before.id).execute();
    changes.push({
      table: 'population',
      rowId: before.id,
      operation: 'update',
      old: Object.fromEntries(changed.map((column) => [column, before[column]])),
      new: Object.fromEntries(changed.map((column) => [column, values[column]])),
    });
    updated += 1;
  }
  await recordChanges(db, writer, changes);
  return { inserted, updated, unchanged };
}
