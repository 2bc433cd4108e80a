import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { PartnerKind } from '../../shared/domain';

export interface PartnershipTable {
  id: Generated<number>;
  name: string;
  shortName: string;
  areaId: number | null;
}

export interface PartnerTable {
  id: Generated<number>;
  name: string;
  shortName: string | null;
  kind: PartnerKind;
  /** 1 when the partner sits on the board, 0 otherwise. */
  boardMember: number;
  source: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export interface PersonTable {
  id: Generated<number>;
  /** Null where a document gives only the role. */
  name: string | null;
  role: string;
  partnerId: number | null;
  source: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export type PartnershipRow = Selectable<PartnershipTable>;
export type NewPartnership = Insertable<PartnershipTable>;
export type PartnerRow = Selectable<PartnerTable>;
export type NewPartner = Insertable<PartnerTable>;
export type PartnerUpdate = Updateable<PartnerTable>;
export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
