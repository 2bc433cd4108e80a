import type BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import { dailyBackupDue, takeBackup } from '../backups';
import { migrateToLatest, pendingMigrations } from '../migrate';
import type { OpenDatabase, OpeningOptions } from '../database-handle';
import type { Database } from '../schema/database';
import { BoardpackSqliteDialect } from './sqlite-dialect';
import { damageFound, fileExists, openSqliteFile } from './sqlite-file';

/** Kysely over one better-sqlite3 connection, with the camelCase ↔ snake_case mapping (sqlite-dialect.ts). */
export function kyselyFor(sqlite: BetterSqlite3.Database): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new BoardpackSqliteDialect(sqlite),
    plugins: [new CamelCasePlugin()],
  });
}

/** A damaged file: what SQLite found, and what to do, naming the file. */
function damaged(path: string, found: string): BoardpackError {
  return new BoardpackError(
    'corrupt',
    `${path} is damaged, so Boardpack cannot use it (SQLite found: ${found}); nothing was changed. ` +
      `Restore one of its backups: boardpack backup restore --db "${path}" --latest`,
    { file: path },
  );
}

/** SQLite's own words for a damaged file become a "corrupt" error naming the file. */
function asOpenError(error: unknown, path: string): unknown {
  if (error instanceof BoardpackError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/malformed|not a database|corrupt/i.test(message)) return damaged(path, message);
  return new BoardpackError('io', `cannot open ${path}: ${message}`, { file: path });
}

/**
 * Opens (or creates) a Boardpack database file and brings its schema up to date.
 * When migrations are pending on a file that already holds data, the file is
 * backed up first with SQLite's online backup API.
 */
export async function openSqliteDatabase(path: string, options: OpeningOptions): Promise<OpenDatabase> {
  const create = options.create ?? false;
  if (create && fileExists(path)) {
    throw new BoardpackError('conflict', `${path} already exists; choose another file name`, { file: path });
  }
  const sqlite = openSqliteFile(path, { create });
  const db = kyselyFor(sqlite);
  const backups: string[] = [];
  try {
    const found = options.dailyBackup ? damageFound(sqlite) : null;
    if (found !== null) throw damaged(path, found);
    const pending = await pendingMigrations(db, options.migrations, path);
    const holdsData = pending.applied.length > 0;
    const now = (options.now ?? (() => new Date()))();
    if (holdsData && options.dailyBackup && dailyBackupDue(path, now)) {
      backups.push((await takeBackup(sqlite, path, 'daily', now)).file);
    }
    if (pending.names.length > 0 && holdsData) {
      backups.push((await takeBackup(sqlite, path, `before-${pending.names[0] ?? ''}`, now)).file);
    }
    await migrateToLatest(db, options.migrations, path);
  } catch (error) {
    await db.destroy();
    // Kysely closes the connection only once it has run a query through it.
    if (sqlite.open) sqlite.close();
    throw asOpenError(error, path);
  }
  return {
    db,
    engine: 'sqlite',
    location: path,
    backups,
    close: () => db.destroy(),
  };
}
