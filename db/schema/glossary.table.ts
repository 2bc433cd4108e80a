import type { Generated, Insertable, Selectable } from 'kysely';

export interface GlossaryTermTable {
  id: Generated<number>;
  term: string;
  definition: string;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export type GlossaryTermRow = Selectable<GlossaryTermTable>;
export type NewGlossaryTerm = Insertable<GlossaryTermTable>;
