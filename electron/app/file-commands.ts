import { basename, extname } from 'node:path';
import { backupFolder, listBackups } from '../../db/backups';
import { openDatabase, type OpenDatabase } from '../../db/open-database';
import type { InputOf, MethodName, OutputOf } from '../../shared/api/contract';
import type { NotesImportResult } from '../../shared/api/notes-contract';
import type { Result } from '../../shared/api/result';
import { describeLocation } from '../../shared/database-location';
import { formatError } from '../../shared/errors';
import { notesImportSource, notesImportText } from '../../shared/notes/import-text';
import { dispatch } from '../api/dispatch';
import { NOTES_FILE_EXTENSION } from '../exchange/exchange-formats';
import { writeAtomically } from '../files/write-atomically';
import type { DatabaseSession } from './database-session';
import { clearedRecent, withOpened, withoutRecent, type SettingsStore } from './settings';
import { errorData } from './error-data';
import type { TeamUrlStore } from './team-url-store';

/** The file dialogs and messages the File menu needs; Electron's dialogs in the app, fakes in tests. */
export interface FileDialogs {
  /** An existing database to open, or null when cancelled. */
  chooseDatabaseToOpen(): Promise<string | null>;
  /** Where a new, empty database goes, or null. */
  chooseNewDatabasePath(): Promise<string | null>;
  /** Where a copy of the open database goes, or null. */
  chooseCopyPath(suggestedName: string): Promise<string | null>;
  /** A backup to put back, chosen in the backups folder, or null. */
  chooseBackup(folder: string): Promise<string | null>;
  /** Asks before something that cannot be undone from the app; true to go ahead. */
  confirm(title: string, message: string, button: string): Promise<boolean>;
  showError(title: string, message: string): Promise<void>;
  showInfo(title: string, message: string): Promise<void>;
}

export interface FileCommandDeps {
  readonly session: DatabaseSession;
  readonly settings: SettingsStore;
  readonly dialogs: FileDialogs;
  /** After the open file or the recent list changes: rebuild the menu, retitle the window. */
  readonly changed: () => void;
  /** Tells the operating system's own recent-documents list (a no-op in tests). */
  readonly addRecentDocument?: (path: string) => void;
  /** The team database's encrypted URL: forgotten once a file is opened instead (the next start opens the file). */
  readonly teamUrls?: Pick<TeamUrlStore, 'forget'>;
}

/** The dialogs of File ▸ Import annotations… and Export annotations…, beside the database ones. */
export interface AnnotationDialogs {
  /** A reviewer's `.boardnotes` file to import, or null. */
  chooseAnnotationsToImport(): Promise<string | null>;
  /** Where the open pack file's `.boardnotes` file goes, or null. */
  chooseAnnotationsPath(suggestedName: string): Promise<string | null>;
}

export interface AnnotationCommandDeps extends FileCommandDeps {
  readonly dialogs: FileDialogs & AnnotationDialogs;
}

/** The extension new databases get when the name typed has none. */
export const DATABASE_EXTENSION = '.db';

export function withDatabaseExtension(path: string): string {
  return extname(path) === '' ? `${path}${DATABASE_EXTENSION}` : path;
}

async function switchTo(deps: FileCommandDeps, open: () => Promise<OpenDatabase>, path: string): Promise<boolean> {
  let database: OpenDatabase;
  try {
    database = await open();
  } catch (error) {
    const data = errorData(error);
    if (data.code === 'not-found') deps.settings.update((settings) => withoutRecent(settings, path));
    await deps.dialogs.showError('Boardpack could not open the file', formatError(data));
    deps.changed();
    return false;
  }
  await deps.session.replace(database);
  // A team database's URL may hold a password: it is never written to the settings or the recent list.
  if (database.engine === 'sqlite') {
    deps.settings.update((settings) => withOpened(settings, database.location));
    deps.addRecentDocument?.(database.location);
    await deps.teamUrls?.forget();
  }
  deps.changed();
  return true;
}

/** File ▸ Open… and Open recent: the file replaces the open one; a refused file leaves it open. */
export function openDatabaseFile(deps: FileCommandDeps, path: string): Promise<boolean> {
  return switchTo(deps, () => openDatabase(path, { dailyBackup: true }), path);
}

export async function openFromDialog(deps: FileCommandDeps): Promise<boolean> {
  const path = await deps.dialogs.chooseDatabaseToOpen();
  return path === null ? false : openDatabaseFile(deps, path);
}

/** File ▸ New database…: an empty database (the schema, no records); an existing file is never overwritten. */
export async function newDatabaseFromDialog(deps: FileCommandDeps): Promise<boolean> {
  const chosen = await deps.dialogs.chooseNewDatabasePath();
  if (chosen === null) return false;
  const path = withDatabaseExtension(chosen);
  return switchTo(deps, () => openDatabase(path, { create: true }), path);
}

/** File ▸ Save a copy…: SQLite's online backup of the open database; the window keeps working on the original. */
export async function saveCopyFromDialog(deps: FileCommandDeps): Promise<boolean> {
  let source: string;
  try {
    source = deps.session.filePath('Save a copy');
  } catch (error) {
    await deps.dialogs.showError('Boardpack could not save a copy', formatError(errorData(error)));
    return false;
  }
  const suggested = `${basename(source, extname(source))} copy${extname(source) || DATABASE_EXTENSION}`;
  const chosen = await deps.dialogs.chooseCopyPath(suggested);
  if (chosen === null) return false;
  const destination = withDatabaseExtension(chosen);
  try {
    await deps.session.saveCopy(destination);
  } catch (error) {
    await deps.dialogs.showError('Boardpack could not save a copy', formatError(errorData(error)));
    return false;
  }
  await deps.dialogs.showInfo('Copy saved', `A copy of ${source} was saved to ${destination}.`);
  return true;
}

/** File ▸ Restore from backup…: choose one of the file's backups; the file as it is now is backed up first. */
export async function restoreFromDialog(deps: FileCommandDeps, now: () => Date = () => new Date()): Promise<boolean> {
  let path: string;
  try {
    path = deps.session.filePath('Restore from backup');
  } catch (error) {
    await deps.dialogs.showError('Boardpack cannot restore a backup', formatError(errorData(error)));
    return false;
  }
  const backups = listBackups(path);
  if (backups.length === 0) {
    await deps.dialogs.showInfo('No backups yet', `There are no backups of ${path} yet.`);
    return false;
  }
  const chosen = await deps.dialogs.chooseBackup(backupFolder(path));
  if (chosen === null) return false;
  const go = await deps.dialogs.confirm(
    'Restore from backup',
    `Put ${basename(chosen)} back into ${path}? The file as it is now is backed up first, so this can be undone ` +
      'by restoring that backup.',
    'Restore',
  );
  if (!go) return false;
  try {
    const safety = await deps.session.restore(chosen, now());
    await deps.dialogs.showInfo(
      'Backup restored',
      `${basename(chosen)} was restored. The file as it was is kept in ${safety.file}.`,
    );
  } catch (error) {
    await deps.dialogs.showError('Boardpack could not restore the backup', formatError(errorData(error)));
    return false;
  } finally {
    deps.changed();
  }
  return true;
}

/** One contract method on the open database, through dispatch: the path (and the rules) every call takes. */
function callOpen<Name extends MethodName>(
  deps: Pick<FileCommandDeps, 'session'>,
  name: Name,
  input: InputOf<Name>,
): Promise<Result<OutputOf<Name>>> {
  return dispatch(deps.session.context(), name, input) as Promise<Result<OutputOf<Name>>>;
}

/** Whether the open file is a reviewer's `.boardpack` (File ▸ Export annotations… is offered then). */
export async function isPackFileOpen(deps: Pick<FileCommandDeps, 'session'>): Promise<boolean> {
  const result = await callOpen(deps, 'exchange.packFile', {});
  return result.ok && result.value !== null;
}

/**
 * File ▸ Import annotations…: a reviewer's `.boardnotes` file merged into the
 * open database through exchange.importNotes (all or nothing; open screens
 * refresh on its "data changed"), then what it did, counted, or why it was refused.
 */
export async function importAnnotationsFromDialog(deps: AnnotationCommandDeps): Promise<NotesImportResult | null> {
  const path = await deps.dialogs.chooseAnnotationsToImport();
  if (path === null) return null;
  const result = await callOpen(deps, 'exchange.importNotes', { source: { path } });
  if (!result.ok) {
    await deps.dialogs.showError('Boardpack could not import the annotations', formatError(result.error));
    return null;
  }
  await deps.dialogs.showInfo(
    'Annotations imported',
    `${notesImportSource(result.value)}, from ${basename(path)}:\n${notesImportText(result.value)}.`,
  );
  return result.value;
}

/** "… pack v1 notes.boardnotes" beside a pack file named "… pack v1.boardpack": what exchange.exportNotes names it. */
export function annotationsFileName(packFilePath: string): string {
  return `${basename(packFilePath, extname(packFilePath))} notes${NOTES_FILE_EXTENSION}`;
}

const withNotesExtension = (path: string): string => (extname(path) === '' ? `${path}${NOTES_FILE_EXTENSION}` : path);

/**
 * File ▸ Export annotations… (a reviewer's pack file only): where to save,
 * then exchange.exportNotes, written through a temporary file and a rename.
 * Returns the file written, or null when cancelled or refused (said in a message).
 */
export async function exportAnnotationsFromDialog(deps: AnnotationCommandDeps): Promise<string | null> {
  if (!(await isPackFileOpen(deps))) {
    await deps.dialogs.showInfo(
      'No pack file is open',
      'Annotations are exported from a reviewer’s pack file (.boardpack). To bring a reviewer’s notes into this database, use Import annotations….',
    );
    return null;
  }
  const chosen = await deps.dialogs.chooseAnnotationsPath(annotationsFileName(deps.session.location));
  if (chosen === null) return null;
  const path = withNotesExtension(chosen);
  const file = await callOpen(deps, 'exchange.exportNotes', {});
  if (!file.ok) {
    await deps.dialogs.showError('Boardpack could not export the annotations', formatError(file.error));
    return null;
  }
  try {
    await writeAtomically(path, file.value.content, 'the annotations file');
  } catch (error) {
    await deps.dialogs.showError('Boardpack could not export the annotations', formatError(errorData(error)));
    return null;
  }
  await deps.dialogs.showInfo(
    'Annotations exported',
    `Your shared notes were saved to ${path}. Send this file to the secretary; private notes stay in your pack file.`,
  );
  return path;
}

export function clearRecent(deps: FileCommandDeps): void {
  deps.settings.update(clearedRecent);
  deps.changed();
}

/** Help ▸ About Boardpack. */
export function aboutText(version: string, databaseLocation: string): string {
  return `Boardpack ${version}\n\nOpen database:\n${describeLocation(databaseLocation)}`;
}
