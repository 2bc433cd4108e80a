import type { Generated, Insertable, Selectable } from 'kysely';
import type { AreaKind } from '../../shared/domain';

export interface AreaTable {
  id: Generated<number>;
  name: string;
  kind: AreaKind;
  parentId: number | null;
  /** An official code (ONS GSS code) where known. */
  code: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

/** Other names for an area ("Total Bucks" for Buckinghamshire); unique across areas. */
export interface AreaAliasTable {
  alias: string;
  areaId: number;
}

/** Areas an area is compared with, in order (England, then South East). */
export interface AreaComparatorTable {
  areaId: number;
  comparatorId: number;
  position: number;
}

export interface PopulationTable {
  id: Generated<number>;
  areaId: number;
  year: number;
  residents: number | null;
  households: number | null;
  /** Young people aged 10-17, the denominator of youth justice rates (migration 0002). */
  youngPeople: number | null;
  source: string | null;
}

export type AreaRow = Selectable<AreaTable>;
export type NewArea = Insertable<AreaTable>;
export type PopulationRow = Selectable<PopulationTable>;
export type NewPopulation = Insertable<PopulationTable>;
