import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeLocation, parseLocation } from '../../shared/database-location';
import { BoardpackError } from '../../shared/errors';
import { openDatabase, type OpenDatabase } from '../open-database';
import { COPY_TABLES, MIGRATION_TABLES } from './copy-tables';

/** Where a copy is written, opened with the migrations applied and nothing else in it yet. */
export interface CopyTarget {
  readonly opened: OpenDatabase;
  /** The target as it may be shown: a file's path, a URL without its password. */
  readonly shown: string;
  /** Keeps the copy: closes it and, for a file, renames it into place. */
  finish(): Promise<void>;
  /** Leaves the target as it was found: a file's partial copy removed, a team database empty again. */
  abandon(): Promise<void>;
}

/** The files SQLite keeps for a database file. */
const sqliteFiles = (path: string) => [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];

/**
 * A new file: written as `<file>.partial` and renamed only once the copy is
 * verified, so an interrupted or refused copy never leaves a file that looks
 * finished under the name asked for.
 */
async function fileTarget(path: string): Promise<CopyTarget> {
  if (existsSync(path)) {
    throw new BoardpackError('conflict', `${path} already exists; a copy is written to a new file only`, {
      file: path,
    });
  }
  if (!existsSync(dirname(path))) {
    throw new BoardpackError('not-found', `the folder of ${path} does not exist`, { file: path });
  }
  const partial = `${path}.partial`;
  if (existsSync(partial)) {
    throw new BoardpackError(
      'conflict',
      `${partial} is there: another copy is writing it, or one was interrupted. Once no copy is running, delete it and copy again`,
      { file: partial },
    );
  }
  const opened = await openDatabase(partial, { create: true });
  return {
    opened,
    shown: partial,
    async finish() {
      await opened.close();
      if (existsSync(`${partial}-wal`)) {
        throw new BoardpackError('io', `${partial} was not closed cleanly, so it was not renamed to ${path}`, {
          file: partial,
        });
      }
      if (existsSync(path)) {
        throw new BoardpackError('conflict', `${path} appeared while copying; the copy is kept as ${partial}`, {
          file: path,
        });
      }
      renameSync(partial, path);
    },
    async abandon() {
      await opened.close();
      for (const file of sqliteFiles(partial)) rmSync(file, { force: true });
    },
  };
}

/**
 * The tables the migrations made in a team database that was empty, dropped
 * again: referring tables before the tables they refer to. (COPY_TABLES names
 * every table the migrations make; a test keeps it so.)
 */
async function dropMigratedTables(db: OpenDatabase['db']): Promise<void> {
  const names = [...COPY_TABLES.map((table) => table.name).reverse(), ...MIGRATION_TABLES];
  await db.transaction().execute(async (trx) => {
    for (const name of names) await trx.schema.dropTable(name).ifExists().execute();
  });
}

/** An empty team database: the migrations create its schema; a failed copy drops it again. */
async function teamTarget(url: string): Promise<CopyTarget> {
  const opened = await openDatabase(url, { create: true });
  return {
    opened,
    shown: describeLocation(url),
    finish: () => opened.close(),
    async abandon() {
      try {
        await dropMigratedTables(opened.db);
      } finally {
        await opened.close();
      }
    },
  };
}

/**
 * Opens the target of a copy: a file that does not exist yet, or a team
 * database that holds no tables; anything else is refused with nothing written.
 */
export async function openCopyTarget(location: string): Promise<CopyTarget> {
  const where = parseLocation(location);
  try {
    return where.engine === 'postgres' ? await teamTarget(where.url) : await fileTarget(where.path);
  } catch (error) {
    if (error instanceof BoardpackError) throw error;
    throw new BoardpackError(
      'io',
      `cannot write the copy to ${describeLocation(location)}: ${(error as Error).message}`,
    );
  }
}
