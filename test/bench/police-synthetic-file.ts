import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** The crime types police.uk files use. */
export const CRIME_TYPES = [
  'Anti-social behaviour',
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other crime',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
] as const;

export const POLICE_HEADER_LINE =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

export interface SyntheticPoliceShape {
  readonly rows: number;
  readonly month: string;
  /** Local authority names the LSOAs start with, in turn ("Wycombe" → "Wycombe 012A"). */
  readonly authorities: readonly string[];
  /** Every nth row has no LSOA (0: none). */
  readonly withoutLsoaEvery?: number;
}

/** Distinct crime ids to draw on (a file's ids need not be unique to be counted). */
const ID_POOL = 4096;

/** A deterministic 64-hex-digit crime id, as police.uk writes them. */
function crimeId(index: number): string {
  let hash = (index + 1) * 2654435761;
  let id = '';
  while (id.length < 64) {
    hash = (hash ^ (hash >>> 13)) * 1274126177;
    id += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return id.slice(0, 64);
}

/**
 * Writes a police.uk street-level crime file in the real column layout: crime
 * rows with a Crime ID and an outcome, anti-social behaviour rows with neither,
 * LSOAs named "<authority> 012A", now and then a quoted location holding a
 * comma, and (when asked) rows with no LSOA. Returns the crimes of each
 * authority by crime type, to check a count against.
 */
export async function writePoliceFile(
  path: string,
  shape: SyntheticPoliceShape,
): Promise<Map<string, Map<string, number>>> {
  const out = createWriteStream(path);
  const expected = new Map<string, Map<string, number>>();
  const ids = Array.from({ length: ID_POOL }, (_, index) => crimeId(index));
  let lines: string[] = [POLICE_HEADER_LINE];
  for (let index = 0; index < shape.rows; index += 1) {
    const crimeType = CRIME_TYPES[(index * 7 + Math.floor(index / 14)) % CRIME_TYPES.length] ?? 'Other crime';
    const asb = crimeType === 'Anti-social behaviour';
    const noLsoa =
      shape.withoutLsoaEvery !== undefined && shape.withoutLsoaEvery > 0 && index % shape.withoutLsoaEvery === 0;
    const authority = shape.authorities[index % shape.authorities.length] ?? 'Nowhere';
    const lsoa = `${String((index % 60) + 1).padStart(3, '0')}${'ABCDE'[index % 5] ?? 'A'}`;
    const location = index % 50 === 0 ? '"On or near Station Road, High Street"' : 'On or near Parking Area';
    lines.push(
      `${asb ? '' : ids[index % ID_POOL]},${shape.month},Thames Valley Police,Thames Valley Police,` +
        (noLsoa
          ? ',,No location,,,'
          : `-0.${7000 + (index % 999)},51.${6000 + (index % 997)},${location},E0101${String(index % 9973).padStart(4, '0')},${authority} ${lsoa},`) +
        `${crimeType},${asb ? '' : 'Investigation complete; no suspect identified'},`,
    );
    if (!noLsoa) {
      const byType = expected.get(authority) ?? new Map<string, number>();
      byType.set(crimeType, (byType.get(crimeType) ?? 0) + 1);
      expected.set(authority, byType);
    }
    if (lines.length >= 10_000) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      lines = [];
    }
  }
  out.end(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  await once(out, 'finish');
  return expected;
}
