import type { MethodName } from '../../shared/api/contract';

/** The record entities the grids edit, by their contract prefix. */
export const ENTITIES = [
  'plans',
  'priorities',
  'activities',
  'deliveryGroups',
  'partners',
  'people',
  'areas',
  'periods',
  'indicators',
  'fundingLines',
  'grants',
  'glossary',
] as const;
export type Entity = (typeof ENTITIES)[number];

export type Verb = 'list' | 'create' | 'update' | 'delete' | 'deleteImpact';

export const methodOf = (entity: Entity, verb: Verb) => `${entity}.${verb}` as MethodName;

/** What a "data changed" event for one table makes stale besides itself (deletes cascade, names show elsewhere). */
const DEPENDENTS: Readonly<Record<string, readonly string[]>> = {
  plans: ['priorities', 'activities', 'fundingLines', 'statedTotals'],
  priorities: ['activities', 'fundingLines', 'deliveryGroupPriorities'],
  activities: [],
  deliveryGroups: ['deliveryGroupPriorities'],
  partners: ['people'],
  areas: ['figures', 'plans'],
  periods: ['figures'],
  indicators: ['figures'],
  fundingLines: ['statedTotals'],
  figures: [],
  meetings: ['meeting', 'packBuild', 'packVersions', 'packCompare'],
  agenda: ['meeting', 'meetings', 'packBuild', 'packCompare'],
  attachments: ['packBuild'],
  pack: ['meetings', 'packVersions', 'packCompare'],
  // Notes: a write to one refreshes the notes lists and previews; an exchange (import, export) does too.
  annotations: [],
  exchange: ['annotations'],
};

/** The query-key heads to refresh when these tables changed; '*' refreshes everything. */
export function staleKeys(tables: readonly string[]): Set<string> | 'all' {
  if (tables.includes('*')) return 'all';
  const keys = new Set<string>();
  for (const table of tables) {
    keys.add(table);
    for (const dependent of DEPENDENTS[table] ?? []) keys.add(dependent);
  }
  return keys;
}
