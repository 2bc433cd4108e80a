import type { Kysely } from 'kysely';
import type { AreaKind } from '../../../shared/domain';
import { BoardpackError } from '../../../shared/errors';
import { normaliseName } from '../../../shared/names';
import type { Database } from '../../schema/database';
import { lsoaPrefix } from './lsoa-prefix';

/** Where an LSOA's crimes go: an area of the partnership, or outside it under a name to report. */
export type LsoaPlace = { readonly areaId: number } | { readonly outside: string };

/** Places LSOAs in areas; `matches` says how each local authority name (or lookup) was placed, for the report. */
export interface LsoaAreas {
  place(code: string, name: string): LsoaPlace;
  readonly matches: ReadonlyMap<string, string>;
  areaName(areaId: number): string;
}

interface AreaEntry {
  readonly id: number;
  readonly name: string;
  readonly kind: AreaKind;
  readonly names: readonly string[];
}

/** Words a local authority's area may carry after its name: "Wycombe District", "Reading Borough Council". */
const AUTHORITY_WORDS = [
  'district',
  'borough',
  'city',
  'district council',
  'borough council',
  'city council',
  'council',
];

/**
 * The partnership's areas: the partnership's own area and everything under it,
 * or every area when no partnership names one.
 */
export async function partnershipAreas(db: Kysely<Database>): Promise<AreaEntry[]> {
  const [areas, aliases, partnership] = await Promise.all([
    db.selectFrom('area').selectAll().execute(),
    db.selectFrom('areaAlias').selectAll().execute(),
    db.selectFrom('partnership').select('areaId').where('areaId', 'is not', null).orderBy('id').executeTakeFirst(),
  ]);
  let included = new Set(areas.map((area) => area.id));
  if (partnership?.areaId != null) {
    included = new Set([partnership.areaId]);
    for (let grew = true; grew;) {
      grew = false;
      for (const area of areas) {
        if (area.parentId !== null && included.has(area.parentId) && !included.has(area.id)) {
          included.add(area.id);
          grew = true;
        }
      }
    }
  }
  return areas
    .filter((area) => included.has(area.id))
    .map((area) => ({
      id: area.id,
      name: area.name,
      kind: area.kind,
      names: [area.name, ...aliases.filter((alias) => alias.areaId === area.id).map((alias) => alias.alias)],
    }));
}

/**
 * Places an LSOA by the local authority its name starts with ("Wycombe 012A" →
 * "Wycombe"). The name is matched, as names are everywhere (case, dashes and
 * spacing ignored), to the partnership's areas' names and aliases, and to area
 * names that add an authority word ("Wycombe District"). An LSOA prefix is a
 * local authority, so when several areas match, a district wins: in the demo,
 * "Wycombe" is both a police area and "Wycombe District", and its LSOAs go to
 * the district, beside Aylesbury Vale, Chiltern and South Bucks Districts.
 * Still more than one is a question only an LSOA lookup can answer.
 */
export function areasByLsoaPrefix(entries: readonly AreaEntry[]): LsoaAreas {
  const byKey = new Map<string, LsoaPlace>();
  const matches = new Map<string, string>();
  const names = new Map(entries.map((entry) => [entry.id, entry.name]));
  const placePrefix = (prefix: string): LsoaPlace => {
    const key = normaliseName(prefix);
    const exact = entries.filter((entry) => entry.names.some((name) => normaliseName(name) === key));
    const authority = entries.filter((entry) =>
      AUTHORITY_WORDS.some((word) => normaliseName(entry.name) === `${key} ${word}`),
    );
    let candidates = [...new Set([...exact, ...authority])];
    if (candidates.length > 1) {
      const districts = candidates.filter((entry) => entry.kind === 'district');
      if (districts.length > 0) candidates = districts;
    }
    if (candidates.length > 1) {
      const exactOnes = candidates.filter((entry) => exact.includes(entry));
      if (exactOnes.length > 0) candidates = exactOnes;
    }
    if (candidates.length > 1) {
      throw new BoardpackError(
        'ambiguous',
        `LSOAs of "${prefix}" could belong to ${candidates.map((entry) => `"${entry.name}"`).join(' or ')}; ` +
          'give an LSOA lookup (--lsoa-lookup FILE with the header "LSOA code,Area")',
        { field: 'lsoa' },
      );
    }
    const area = candidates[0];
    if (!area) return { outside: prefix };
    matches.set(prefix, area.name);
    return { areaId: area.id };
  };
  return {
    matches,
    areaName: (areaId) => names.get(areaId) ?? String(areaId),
    place(code, name) {
      if (name.trim() === '') return { outside: code.trim() };
      const prefix = lsoaPrefix(name);
      let place = byKey.get(prefix);
      if (place === undefined) {
        place = placePrefix(prefix);
        byKey.set(prefix, place);
      }
      return place;
    },
  };
}

/**
 * Places an LSOA by its code in a lookup the user supplies: the lookup alone
 * decides, and a code it does not list is outside the partnership's areas
 * (reported under the LSOA name's local authority, or the code).
 */
export function areasByLookup(lookup: ReadonlyMap<string, number>, areaNames: ReadonlyMap<number, string>): LsoaAreas {
  const matches = new Map<string, string>();
  return {
    matches,
    areaName: (areaId) => areaNames.get(areaId) ?? String(areaId),
    place(code, name) {
      const areaId = lookup.get(code.trim());
      if (areaId === undefined) return { outside: name.trim() === '' ? code.trim() : lsoaPrefix(name) };
      if (!matches.has(code)) matches.set(code, areaNames.get(areaId) ?? String(areaId));
      return { areaId };
    },
  };
}
