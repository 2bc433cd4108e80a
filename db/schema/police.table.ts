import type { Generated, Insertable, Selectable } from 'kysely';
import type { IsoDateTime } from '../../shared/domain';

/** Which indicator counts a police.uk crime type ("Burglary" → "Burglary (police.uk)"). */
export interface PoliceCrimeTypeTable {
  /** As police.uk writes it in the Crime type column. */
  crimeType: string;
  indicatorId: number;
}

/** One month of one force's police.uk street-level file, as last imported: a re-import replaces it. */
export interface PoliceMonthTable {
  id: Generated<number>;
  /** "2024-04". */
  month: string;
  /** The force in the Reported by column. */
  reportedBy: string;
  /** The file the month came from (its name, not its folder). */
  file: string;
  rowsRead: number;
  rowsCounted: number;
  rowsOutsideAreas: number;
  rowsWithoutLsoa: number;
  importedAt: IsoDateTime;
}

/** Crimes of one type in one area in one imported month (only counts above 0 are kept). */
export interface PoliceCountTable {
  policeMonthId: number;
  crimeType: string;
  areaId: number;
  count: number;
}

export type PoliceMonthRow = Selectable<PoliceMonthTable>;
export type NewPoliceMonth = Insertable<PoliceMonthTable>;
export type PoliceCountRow = Selectable<PoliceCountTable>;
export type NewPoliceCount = Insertable<PoliceCountTable>;
