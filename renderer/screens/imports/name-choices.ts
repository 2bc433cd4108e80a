import type { FigureMappingInput } from '../../../shared/figure-mapping';
import type { UnknownNameData } from '../../../shared/imports';

/** What the person chose for a name the database does not know: create it, or an existing record (by id). */
export type NameChoice = { readonly create: true } | { readonly existing: number };

/** An existing indicator, area or period, as the "map to an existing one" list offers it. */
export interface ExistingName {
  readonly id: number;
  readonly name: string;
  /** Other names it answers to (an area's aliases). */
  readonly aliases?: readonly string[];
}

const GROUPS = { indicator: 'indicators', area: 'areas', period: 'periods' } as const;

export const nameKey = (unknown: Pick<UnknownNameData, 'kind' | 'name'>): string =>
  `${unknown.kind}\u0000${unknown.name}`;

/**
 * The mapping with each chosen name filed under its kind: `{ create: {} }`, or
 * `{ id }` of the existing record (an id, not a name: names and aliases can be
 * ambiguous, an id is not).
 */
export function withNameChoices(
  mapping: FigureMappingInput,
  unknown: readonly UnknownNameData[],
  choices: ReadonlyMap<string, NameChoice>,
): FigureMappingInput {
  const names = {
    indicators: { ...mapping.names?.indicators },
    areas: { ...mapping.names?.areas },
    periods: { ...mapping.names?.periods },
  };
  for (const name of unknown) {
    const choice = choices.get(nameKey(name));
    if (!choice) continue;
    names[GROUPS[name.kind]][name.name] = 'create' in choice ? { create: {} } : { id: choice.existing };
  }
  return { ...mapping, names };
}

/** The suggested records first (in the order suggested, a suggested alias standing for its record), then every other one by name. */
export function existingOptions(
  suggestions: readonly string[],
  all: readonly ExistingName[],
): { readonly suggested: readonly ExistingName[]; readonly rest: readonly ExistingName[] } {
  const taken = new Set<number>();
  const suggested = suggestions.flatMap((name) =>
    all.filter((record) => {
      const answers = record.name === name || (record.aliases ?? []).includes(name);
      if (!answers || taken.has(record.id)) return false;
      taken.add(record.id);
      return true;
    }),
  );
  const rest = all.filter((record) => !taken.has(record.id)).sort((a, b) => a.name.localeCompare(b.name));
  return { suggested, rest };
}
