import type { Generated, Insertable, Selectable } from 'kysely';
import type { IsoDateTime } from '../../shared/domain';

/** A figure-import mapping saved by name (migration 0004); `mapping` is JSON of shared/figure-mapping.ts. */
export interface ImportMappingTable {
  id: Generated<number>;
  name: string;
  layout: string | null;
  mapping: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export type ImportMappingRow = Selectable<ImportMappingTable>;
export type NewImportMapping = Insertable<ImportMappingTable>;
