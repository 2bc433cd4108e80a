import type { Selectable } from 'kysely';
import type { IsoDateTime } from '../../shared/domain';

/** The database's own random id, made by migration 0006: files exchanged with a reviewer carry it. */
export interface DatabaseIdentityTable {
  id: string;
  createdAt: IsoDateTime;
}

/** A deleted annotation: its id and version when deleted, so the deletion travels and an older file cannot revive it. */
export interface AnnotationTombstoneTable {
  id: string;
  meetingId: number;
  packVersionId: number | null;
  version: number;
  deletedAt: IsoDateTime;
}

/** The one row of a reviewer's `.boardpack` file: the pack it holds, for whom, and when it was written. */
export interface PackFileTable {
  /** Always 1: a pack file holds one pack. */
  id: number;
  /** The pack file format (electron/exchange/pack-file.ts). */
  format: number;
  /** The database_identity id of the database the pack was exported from. */
  sourceDatabaseId: string;
  meetingId: number;
  /** The issued version's number. */
  version: number;
  /** SHA-256 of the issued version's snapshot, as stored. */
  snapshotSha256: string;
  reviewer: string | null;
  exportedAt: IsoDateTime;
}

export type AnnotationTombstoneRow = Selectable<AnnotationTombstoneTable>;
export type PackFileRow = Selectable<PackFileTable>;
