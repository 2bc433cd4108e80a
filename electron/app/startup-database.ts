import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase, type OpenDatabase } from '../../db/open-database';
import type { Writer } from '../../db/repositories/change-log';
import { fileExists } from '../../db/sqlite/sqlite-file';
import { BoardpackError, formatError, type ErrorData } from '../../shared/errors';
import type { Settings } from './settings';

export interface StartupOptions {
  readonly settings: Settings;
  /** userData/boardpack.db: the demo database, created on first run. */
  readonly demoDatabase: string;
  readonly demoDir: string;
  readonly writer: Writer;
}

export interface Startup {
  readonly database: OpenDatabase;
  /** True when this run created the demo database. */
  readonly createdDemo: boolean;
  /** Set when the last open file could not be reopened: what went wrong, to show the user. */
  readonly fallback: { readonly path: string; readonly error: ErrorData } | null;
}

/** A thrown value as error data: a BoardpackError keeps its code and where. */
export function errorData(error: unknown): ErrorData {
  if (error instanceof BoardpackError) return error.toData();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** The sentence shown when the last file could not be reopened and the demo opened instead. */
export function fallbackMessage(fallback: NonNullable<Startup['fallback']>, demoDatabase: string): string {
  return `${formatError(fallback.error)}\n\nBoardpack opened the demo database instead:\n${demoDatabase}`;
}

/**
 * The database the app opens at start: the last open file, or the demo database
 * in the user-data folder, created with the demo dataset on first run. A last
 * file that is gone or refused (not a Boardpack file, from a newer Boardpack)
 * is reported and the demo database opened instead.
 */
export async function openStartupDatabase(options: StartupOptions): Promise<Startup> {
  const last = options.settings.lastOpened;
  let fallback: Startup['fallback'] = null;
  if (last !== null && last !== options.demoDatabase) {
    try {
      return { database: await openDatabase(last, { dailyBackup: true }), createdDemo: false, fallback: null };
    } catch (error) {
      fallback = { path: last, error: errorData(error) };
    }
  }
  const created = !fileExists(options.demoDatabase);
  const database = created
    ? await createDemoDatabase(options.demoDatabase, options.demoDir, options.writer)
    : await openDatabase(options.demoDatabase, { dailyBackup: true });
  return { database, createdDemo: created, fallback };
}

/** Creates a database with the demo dataset; a failure leaves no half-made file behind. */
export async function createDemoDatabase(path: string, demoDir: string, writer: Writer): Promise<OpenDatabase> {
  mkdirSync(dirname(path), { recursive: true });
  const database = await openDatabase(path, { create: true });
  try {
    await loadDemoDataset(database.db, writer, demoDir);
    return database;
  } catch (error) {
    await database.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    throw error;
  }
}
