/** What one force's month of one file held: counts by crime type and area, and what could not be placed. */
export interface MonthTally {
  readonly month: string;
  readonly reportedBy: string;
  readonly file: string;
  rowsRead: number;
  rowsCounted: number;
  rowsOutsideAreas: number;
  rowsWithoutLsoa: number;
  /** Crime type → area id → crimes. */
  readonly counts: Map<string, Map<number, number>>;
  /** Local authority (or LSOA) name outside the partnership's areas → rows. */
  readonly outside: Map<string, number>;
  /** Crime type → rows with no LSOA. */
  readonly withoutLsoa: Map<string, number>;
}

export function newMonthTally(month: string, reportedBy: string, file: string): MonthTally {
  return {
    month,
    reportedBy,
    file,
    rowsRead: 0,
    rowsCounted: 0,
    rowsOutsideAreas: 0,
    rowsWithoutLsoa: 0,
    counts: new Map(),
    outside: new Map(),
    withoutLsoa: new Map(),
  };
}

export function addTo<Key>(map: Map<Key, number>, key: Key, count = 1): void {
  map.set(key, (map.get(key) ?? 0) + count);
}

/** Counts one crime in an area. */
export function countCrime(tally: MonthTally, crimeType: string, areaId: number): void {
  let byArea = tally.counts.get(crimeType);
  if (!byArea) {
    byArea = new Map();
    tally.counts.set(crimeType, byArea);
  }
  byArea.set(areaId, (byArea.get(areaId) ?? 0) + 1);
  tally.rowsCounted += 1;
}
