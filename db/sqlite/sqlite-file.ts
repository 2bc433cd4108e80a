import { closeSync, openSync, readSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { BoardpackError } from '../../shared/errors';

/** "BPK1": marks a SQLite file as a Boardpack database (PRAGMA application_id). */
export const BOARDPACK_APPLICATION_ID = 0x42504b31;

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** True when the file starts with SQLite's 16-byte header. An empty file is not SQLite. */
export function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface OpenSqliteOptions {
  /** Create the file when it does not exist. */
  readonly create: boolean;
  readonly readonly?: boolean;
}

/**
 * Opens a SQLite file for Boardpack: WAL, foreign keys on, a busy timeout so a
 * second connection (a worker) waits instead of failing. Refuses files that are
 * not SQLite, and SQLite files that belong to another application.
 */
export function openSqliteFile(path: string, options: OpenSqliteOptions): BetterSqlite3.Database {
  const exists = fileExists(path);
  if (!exists && !options.create) {
    throw new BoardpackError('not-found', `no such database file: ${path}`, { file: path });
  }
  if (exists && statSync(path).size > 0 && !hasSqliteHeader(path)) {
    throw new BoardpackError('not-a-boardpack-file', `${path} is not a Boardpack database (not a SQLite file)`, {
      file: path,
    });
  }
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(path, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  } catch (error) {
    throw new BoardpackError('io', `cannot open ${path}: ${(error as Error).message}`, { file: path });
  }
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    if (!options.readonly) sqlite.pragma('journal_mode = WAL');
    const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    const tableCount = (
      sqlite.prepare("select count(*) as n from sqlite_schema where type = 'table'").get() as { n: number }
    ).n;
    if (applicationId === 0 && tableCount === 0 && !options.readonly) {
      sqlite.pragma(`application_id = ${BOARDPACK_APPLICATION_ID}`);
    } else if (applicationId !== BOARDPACK_APPLICATION_ID) {
      throw new BoardpackError('not-a-boardpack-file', `${path} is a SQLite file, but not a Boardpack database`, {
        file: path,
      });
    }
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** A consistent copy of a live database, taken with SQLite's online backup API. */
export async function backupSqliteFile(sqlite: BetterSqlite3.Database, destination: string): Promise<void> {
  await sqlite.backup(destination);
}
