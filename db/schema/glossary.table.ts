import type { Generated, Insertable, Selectable } from 'kysely';

export interface GlossaryTermTable {
  id: Generated<number>;
  term: string;
  definition: string;
}

export type GlossaryTermRow = Selectable<GlossaryTermTable>;
export type NewGlossaryTerm = Insertable<GlossaryTermTable>;
