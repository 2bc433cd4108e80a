import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase, type OpenDatabase } from '../../db/open-database';
import type { Writer } from '../../db/repositories/change-log';
import { fileExists } from '../../db/sqlite/sqlite-file';
import { BoardpackError, formatError, type ErrorData } from '../../shared/errors';
import { errorData } from './error-data';
import { withOpened, withoutRecent, type Settings } from './settings';
import { openTeamDatabase } from './team-database';
import type { TeamUrlStore } from './team-url-store';

export { errorData } from './error-data';

export interface StartupOptions {
  readonly settings: Settings;
  /** userData/boardpack.db: the demo database, created on first run. */
  readonly demoDatabase: string;
  readonly demoDir: string;
  readonly writer: Writer;
  /** The team database's URL, kept encrypted: reopened when the settings say it was open last. */
  readonly teamUrls?: Pick<TeamUrlStore, 'read'>;
}

/** Why the database open last could not be reopened (the demo database was opened instead), to show the user. */
export type StartupFallback =
  | { readonly kind: 'file'; readonly path: string; readonly error: ErrorData }
  | {
      readonly kind: 'team';
      readonly error: ErrorData;
      /** The server could not be reached: the next start tries the team database again. */
      readonly retry: boolean;
    };

export interface Startup {
  readonly database: OpenDatabase;
  /** True when this run created the demo database. */
  readonly createdDemo: boolean;
  readonly fallback: StartupFallback | null;
}

/** The title of the message shown when the last database could not be reopened. */
export function fallbackTitle(fallback: StartupFallback): string {
  return fallback.kind === 'team'
    ? 'Boardpack could not reopen the team database'
    : 'Boardpack could not reopen the last file';
}

/** The sentences shown when the last database could not be reopened and the demo opened instead. */
export function fallbackMessage(fallback: StartupFallback, demoDatabase: string): string {
  const instead = `${formatError(fallback.error)}\n\nBoardpack opened the demo database instead:\n${demoDatabase}`;
  if (fallback.kind === 'file') return instead;
  return fallback.retry
    ? `${instead}\n\nBoardpack will try the team database again at the next start.`
    : `${instead}\n\nTo work on it again, choose File ▸ Connect to team database….`;
}

/** The team database the settings say was open last, from its kept URL; a refusal says why. */
async function reopenTeamDatabase(teamUrls: Pick<TeamUrlStore, 'read'>): Promise<OpenDatabase> {
  const url = await teamUrls.read();
  if (url === null) {
    throw new BoardpackError('not-found', "the team database's address is no longer kept on this computer");
  }
  return openTeamDatabase(url);
}

/**
 * The database the app opens at start: the one open last (a file, or the team
 * database whose URL is kept encrypted), or the demo database in the user-data
 * folder, created with the demo dataset on first run. One that is gone or
 * refused (not a Boardpack file, from a newer Boardpack, a server that cannot
 * be reached or refuses the password) is reported and the demo database opened instead.
 */
export async function openStartupDatabase(options: StartupOptions): Promise<Startup> {
  const last = options.settings.lastOpened;
  let fallback: StartupFallback | null = null;
  if (options.settings.teamDatabase && options.teamUrls) {
    try {
      return { database: await reopenTeamDatabase(options.teamUrls), createdDemo: false, fallback: null };
    } catch (error) {
      const data = errorData(error);
      fallback = { kind: 'team', error: data, retry: data.code === 'io' };
    }
  } else if (last !== null && last !== options.demoDatabase) {
    try {
      return { database: await openDatabase(last, { dailyBackup: true }), createdDemo: false, fallback: null };
    } catch (error) {
      fallback = { kind: 'file', path: last, error: errorData(error) };
    }
  }
  const created = !fileExists(options.demoDatabase);
  const database = created
    ? await createDemoDatabase(options.demoDatabase, options.demoDir, options.writer)
    : await openDatabase(options.demoDatabase, { dailyBackup: true });
  return { database, createdDemo: created, fallback };
}

/**
 * What the settings remember once the app has started: the file it opened
 * (a file that could not be reopened leaves the recent list). A team database
 * that could not be reached is left as it was, to be tried again at the next
 * start; one refused for good is let go, like a file.
 */
export function settingsAfterStart(settings: Settings, startup: Startup): Settings {
  const { fallback, database } = startup;
  if (fallback?.kind === 'team' && fallback.retry) return settings;
  const kept = fallback?.kind === 'file' ? withoutRecent(settings, fallback.path) : settings;
  return database.engine === 'sqlite' ? withOpened(kept, database.location) : kept;
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
