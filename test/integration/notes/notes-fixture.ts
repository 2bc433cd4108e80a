import { readFileSync, writeFileSync } from 'node:fs';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import { openDatabase } from '../../../db/open-database';
import type { ApiEvent } from '../../../shared/api/result';
import type { NotesImportResult } from '../../../shared/api/notes-contract';
import { dispatch, type DispatchContext } from '../../../electron/api/dispatch';
import { callerOn, type TestApi } from '../../helpers/api-context';
import { closeAfterTest, copyOfDatabase, newLocation, tempPath } from '../../helpers/temp-files';

/**
 * The two sides of the offline exchange: the secretary's database on this
 * run's engine (the demo dataset with version 1 of the March 2014 pack issued,
 * built once per test file and copied for each test) and the chair's pack file
 * (always a file) written from it through the API, each behind the real dispatch.
 */

export const MARCH_2014 = 1;

export interface FileApi extends TestApi {
  /** The database's location: a pack file's or database file's path, or a team database's URL. */
  readonly path: string;
}

/** The real dispatch on a database (a file or a URL); its clock moves a second on at every write, as a person's would. */
export async function apiOnFile(path: string, actor: string): Promise<FileApi> {
  const database = closeAfterTest(await openDatabase(path));
  let tick = Date.parse('2026-11-26T10:00:00.000Z');
  const events: ApiEvent[] = [];
  const context: DispatchContext = {
    db: database.db,
    writer: { actor, now: () => new Date((tick += 1000)).toISOString() },
    databaseLocation: path,
    version: '0.0.0-test',
    emit: (event) => events.push(event),
  };
  return {
    path,
    db: database.db,
    events,
    ...callerOn(context),
  };
}

let template: string | null = null;

/**
 * A demo database with v1 of the March 2014 pack issued, on this run's engine:
 * a fresh copy of one built once per test file. Returns its location.
 */
export async function secretaryFile(): Promise<string> {
  if (template === null) {
    const location = await newLocation({ suite: true });
    const database = await openDatabase(location, { create: true });
    try {
      await loadDemoDataset(database.db, { actor: 'test', now: () => '2026-11-26T09:00:00.000Z' });
      const issued = await dispatch(
        {
          db: database.db,
          writer: { actor: 'secretary', now: () => '2026-11-26T09:30:00.000Z' },
          databaseLocation: location,
          version: 'test',
        },
        'pack.issue',
        { meetingId: MARCH_2014 },
      );
      if (!issued.ok) throw new Error(issued.error.message);
    } finally {
      await database.close();
    }
    template = location;
  }
  return copyOfDatabase(template);
}

export async function secretary(): Promise<FileApi> {
  return apiOnFile(await secretaryFile(), 'secretary');
}

/** The chair's pack file of a version, exported through the API as the app saves it, opened as the chair. */
export async function chairPackFile(from: FileApi, version = 1, reviewer = 'Jane Chair'): Promise<FileApi> {
  const file = await from.call('exchange.exportPackFile', { meetingId: MARCH_2014, version, reviewer });
  const path = tempPath(file.fileName);
  writeFileSync(path, Buffer.from(file.content, 'base64'));
  return apiOnFile(path, 'chair');
}

/** The chair's notes exported to a `.boardnotes` file; returns its path. */
export async function exportNotes(chair: FileApi, name = 'chair.boardnotes'): Promise<string> {
  const file = await chair.call('exchange.exportNotes', {});
  const path = tempPath(name);
  writeFileSync(path, file.content);
  return path;
}

export const importNotes = (into: FileApi, path: string): Promise<NotesImportResult> =>
  into.call('exchange.importNotes', { source: { path } });

export const counts = (result: NotesImportResult) => ({
  added: result.added,
  updated: result.updated,
  conflicted: result.conflicted,
  deleted: result.deleted,
  unchanged: result.unchanged,
});

/** The file's text, for tests that damage it. */
export const textOf = (path: string): string => readFileSync(path, 'utf8');
