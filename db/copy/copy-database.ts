import { describeLocation, parseLocation } from '../../shared/database-location';
import { BoardpackError } from '../../shared/errors';
import { openDatabase } from '../open-database';
import { copyRows, type CopiedTable, type CopyRowsOptions } from './copy-rows';
import { openCopyTarget, type CopyTarget } from './copy-target';
import type { RawDatabase } from './raw-database';
import { sameLocation } from './same-location';

export type { CopiedTable } from './copy-rows';

/** What a copy did: from where to where (passwords hidden), each table's rows and SHA-256, and the totals. */
export interface CopyReport {
  readonly from: string;
  readonly to: string;
  readonly tables: readonly CopiedTable[];
  readonly rows: number;
  /**
   * Backups of the source taken when it was brought up to this Boardpack's
   * schema before copying (a file from an older Boardpack is migrated, as
   * opening it anywhere would, and backed up first).
   */
  readonly sourceBackups: readonly string[];
}

export type CopyOptions = CopyRowsOptions;

/** An error opening one side of the copy, naming which database it is about when it does not say. */
function naming(location: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof BoardpackError && error.where?.file === undefined) {
      throw new BoardpackError(error.code, error.message, { ...error.where, file: describeLocation(location) });
    }
    throw error;
  };
}

/** Leaves the target as it was found, then fails with the error that stopped the copy. */
async function abandon(target: CopyTarget, error: unknown): Promise<never> {
  try {
    await target.abandon();
  } catch (cleanup) {
    throw new BoardpackError(
      'io',
      `${(error as Error).message}; and what was written to ${target.shown} could not be removed ` +
        `(${(cleanup as Error).message}): remove it before copying again`,
    );
  }
  throw error;
}

/**
 * Copies a partnership's whole database from one location to another (a
 * file, or a team database on PostgreSQL; either way round), verified table by
 * table before it is committed. The target must be new: a file that does not
 * exist, or a team database with no tables. Refused or failed, it writes nothing:
 * a file target is written under `<file>.partial` and renamed only when the copy
 * is verified; a team database is left empty again.
 */
export async function copyDatabase(from: string, to: string, options: CopyOptions = {}): Promise<CopyReport> {
  parseLocation(from);
  parseLocation(to);
  if (sameLocation(from, to)) {
    throw new BoardpackError(
      'conflict',
      `the source and the target are the same database (${describeLocation(to)}); copy into a new file or an empty team database`,
    );
  }
  const target = await openCopyTarget(to).catch(naming(to));
  const source = await openDatabase(from)
    .catch(naming(from))
    .catch((error: unknown) => abandon(target, error));
  try {
    const tables = await copyRows(
      source.db.withoutPlugins() as RawDatabase,
      target.opened.db.withoutPlugins() as RawDatabase,
      options,
    ).catch((error: unknown) => abandon(target, error));
    await target.finish();
    return {
      from: describeLocation(from),
      to: describeLocation(to),
      tables,
      rows: tables.reduce((sum, table) => sum + table.rows, 0),
      sourceBackups: source.backups,
    };
  } finally {
    await source.close();
  }
}
