import type { Generated, Insertable, Selectable } from 'kysely';
import type { Pence } from '../../shared/domain';

export interface FundingLineTable {
  id: Generated<number>;
  planId: number;
  /** The plan year the line funds ("2014/15"). */
  year: string;
  priorityId: number | null;
  activityId: number | null;
  description: string;
  amountPence: Pence;
  /** As printed: "CSF/PCC", "BCC", "CADEX". */
  fundingSource: string;
  /** 0 while the document marks the amount "to be confirmed". */
  confirmed: number;
  note: string | null;
  source: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

/** A total as a document states it, checked against the lines it covers. */
export interface StatedTotalTable {
  id: Generated<number>;
  planId: number;
  year: string;
  label: string;
  fundingSource: string;
  amountPence: Pence;
  source: string | null;
}

/** The lines' funding sources a stated total covers. */
export interface StatedTotalSourceTable {
  statedTotalId: number;
  fundingSource: string;
}

/** Money granted to the partnership ("grant" is a reserved word in SQL). */
export interface GrantAwardTable {
  id: Generated<number>;
  funder: string;
  recipient: string;
  year: string;
  amountPence: Pence;
  purpose: string;
  statedChangePercent: number | null;
  statedChangePence: Pence | null;
  source: string | null;
  /** 1, and one more with every change; a save made from an older one is refused (migration 0008). */
  version: Generated<number>;
}

export type FundingLineRow = Selectable<FundingLineTable>;
export type NewFundingLine = Insertable<FundingLineTable>;
export type StatedTotalRow = Selectable<StatedTotalTable>;
export type GrantAwardRow = Selectable<GrantAwardTable>;
export type NewGrantAward = Insertable<GrantAwardTable>;
