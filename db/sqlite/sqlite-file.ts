import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
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

/** True when this process may write to `path` (a file or a folder). */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses to open for writing a file, or a folder, this process cannot write
 * to: SQLite would open it and fail at the first save, and in WAL mode it
 * writes working files beside it (-wal, -shm, and our backups folder).
 */
function refuseReadOnly(path: string): void {
  if (!writable(path)) {
    throw new BoardpackError(
      'io',
      `${path} is read-only: Boardpack saves each change into the file as it is made, so it must be able to ` +
        "write to it. Change the file's permissions, or copy it to a folder you can write to",
      { file: path },
    );
  }
  if (!writable(dirname(path))) {
    throw new BoardpackError(
      'io',
      `the folder of ${path} is read-only: Boardpack keeps its working files and backups beside the database, ` +
        'so it must be able to write there. Copy the file to a folder you can write to',
      { file: path },
    );
  }
}

/**
 * The first problem SQLite's quick_check finds in the file (its pages and
 * their structure, in one pass), or null when it finds none. A page too
 * damaged to read makes SQLite throw rather than report: that is a problem too.
 */
export function damageFound(sqlite: BetterSqlite3.Database): string | null {
  try {
    const rows = sqlite.pragma('quick_check(1)') as { quick_check: string }[];
    const first = rows[0]?.quick_check ?? 'ok';
    if (first === 'ok') return null;
    // "*** in database main ***\nTree 37 page 37: …" on one line, without the banner.
    return first
      .replace(/\*\*\* in database \w+ \*\*\*/, '')
      .replace(/\s+/g, ' ')
      .trim();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Opens a SQLite file for Boardpack: WAL, foreign keys on, a busy timeout so a
 * second connection (a worker) waits instead of failing. Refuses files that are
 * not SQLite, SQLite files that belong to another application, and (unless
 * opened read-only) a file or folder this process cannot write to.
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
  if (exists && !options.readonly) refuseReadOnly(path);
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
