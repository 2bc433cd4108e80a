import type { ErrorWhere } from '../../shared/errors';
import type { Area } from '../../shared/model';
import type { AreaRow } from '../schema/area.table';
import type { Db } from '../schema/database';
import { resolveName } from './resolve-name';
import { engineOf } from '../engine';

function toArea(row: AreaRow, aliases: readonly string[]): Area {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    kind: row.kind,
    parentId: row.parentId,
    code: row.code,
    aliases,
  };
}

export async function listAreas(db: Db): Promise<Area[]> {
  const [rows, aliases] = await Promise.all([
    db.selectFrom('area').selectAll().orderBy('id').execute(),
    db.selectFrom('areaAlias').selectAll().orderBy(engineOf(db).byteOrder('alias')).execute(),
  ]);
  return rows.map((row) =>
    toArea(
      row,
      aliases.filter((alias) => alias.areaId === row.id).map((alias) => alias.alias),
    ),
  );
}

/** The area a typed name or alias refers to ("total bucks" → Buckinghamshire). */
export async function findArea(db: Db, name: string, where?: ErrorWhere): Promise<Area> {
  const areas = await listAreas(db);
  return resolveName(
    'area',
    name,
    areas.map((area) => ({ ...area, names: [area.name, ...area.aliases] })),
    where,
  );
}

/** For each area, the areas it is compared with (England, South East), in order. */
export async function listComparators(db: Db, areaIds: readonly number[]): Promise<Map<number, Area[]>> {
  const comparators = new Map<number, Area[]>(areaIds.map((id) => [id, []]));
  if (areaIds.length === 0) return comparators;
  const rows = await db
    .selectFrom('areaComparator')
    .innerJoin('area', 'area.id', 'areaComparator.comparatorId')
    .selectAll('area')
    .select('areaComparator.areaId as comparedAreaId')
    .where('areaComparator.areaId', 'in', areaIds)
    .orderBy('areaComparator.position')
    .execute();
  for (const { comparedAreaId, ...row } of rows) comparators.get(comparedAreaId)?.push(toArea(row, []));
  return comparators;
}

export async function insertArea(
  db: Db,
  area: { name: string; kind: Area['kind']; parentId: number | null; code: string | null },
): Promise<number> {
  const row = await db.insertInto('area').values(area).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
