import { renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreBackup, type Backup } from '../../db/backups';
import { openDatabase, type OpenDatabase } from '../../db/open-database';
import type { Writer } from '../../db/repositories/change-log';
import { backupSqliteFile, openSqliteFile } from '../../db/sqlite/sqlite-file';
import type { ApiEvent } from '../../shared/api/result';
import { describeLocation } from '../../shared/database-location';
import { BoardpackError } from '../../shared/errors';
import type { DispatchContext } from '../api/dispatch';
import type { JobRunner } from '../jobs/job-runner';
import type { PdfPrinter } from '../pack/pdf-printer';
import type { FileChooser } from './import-dialogs';
import type { TeamDatabaseAccess } from '../api/context';

export interface DatabaseSessionOptions {
  readonly version: string;
  readonly writer: Writer;
  /** Where events go: the window's webContents. */
  readonly emit: (event: ApiEvent) => void;
  /** Runs imports in worker threads. */
  readonly jobs?: JobRunner;
  /** The native file dialog for imports. */
  readonly fileChooser?: FileChooser;
  /** Prints the pack's PDFs. */
  readonly printer?: PdfPrinter;
  /** Switches to a team database (team.connect): the desktop app's, with the keychain, or the preview's. */
  readonly teamDatabase?: TeamDatabaseAccess;
  /** Told the new context when another database is opened, before the screens are told to refresh (the preview's bridge). */
  readonly contextChanged?: (context: DispatchContext) => void;
}

/** Every open screen refreshes: another database is open. */
export const ALL_DATA_CHANGED: ApiEvent = { type: 'data-changed', tables: ['*'] };

/**
 * The database the window works on. Opening another swaps the dispatch context
 * (every later call goes to the new file), closes the old one and tells the renderer.
 */
export class DatabaseSession {
  #database: OpenDatabase;
  #context: DispatchContext;

  constructor(
    database: OpenDatabase,
    private readonly options: DatabaseSessionOptions,
  ) {
    this.#database = database;
    this.#context = this.#contextFor(database);
  }

  /** The open database's file path or team database URL. */
  get location(): string {
    return this.#database.location;
  }

  get engine(): OpenDatabase['engine'] {
    return this.#database.engine;
  }

  /** The open database's file; a team database is not a file, and what needs one is refused. */
  filePath(doing: string): string {
    if (this.#database.engine === 'sqlite') return this.#database.location;
    throw new BoardpackError(
      'invalid-input',
      `${doing} works on a database file; the team database ${describeLocation(this.#database.location)} ` +
        'is kept and backed up by its server',
    );
  }

  /** The context the next call runs in. */
  context(): DispatchContext {
    return this.#context;
  }

  async replace(database: OpenDatabase): Promise<void> {
    const previous = this.#database;
    this.#database = database;
    this.#context = this.#contextFor(database);
    this.options.contextChanged?.(this.#context);
    if (previous !== database) await previous.close();
    this.options.emit(ALL_DATA_CHANGED);
  }

  /**
   * A consistent copy of the open database at `destination`, taken with SQLite's
   * online backup API through a second, read-only connection (the first one stays
   * free for the window); written beside the destination first, then renamed over it.
   */
  async saveCopy(destination: string): Promise<void> {
    const path = this.filePath('Save a copy');
    if (resolve(destination) === resolve(path)) {
      throw new BoardpackError('conflict', 'a copy cannot replace the open database; choose another file name', {
        file: destination,
      });
    }
    const partial = `${destination}.${process.pid}.partial`;
    const source = openSqliteFile(path, { create: false, readonly: true });
    try {
      await backupSqliteFile(source, partial);
      renameSync(partial, destination);
    } catch (error) {
      rmSync(partial, { force: true });
      const message = error instanceof Error ? error.message : String(error);
      throw new BoardpackError('io', `cannot save a copy to ${destination}: ${message}`, { file: destination });
    } finally {
      source.close();
    }
  }

  /**
   * Puts a backup back into the open file: the file is closed, the backup checked
   * and copied in (the file as it was is backed up first), then opened again and
   * every screen refreshed. A refused backup leaves the file as it was, reopened.
   * Returns the backup of the file as it was.
   */
  async restore(backupFile: string, now: Date): Promise<Backup> {
    const path = this.filePath('Restore from backup');
    await this.#database.close();
    let safety: Backup | undefined;
    let failure: unknown;
    try {
      safety = await restoreBackup(path, backupFile, now);
    } catch (error) {
      failure = error;
    }
    await this.replace(await openDatabase(path));
    if (safety === undefined) throw failure;
    return safety;
  }

  async close(): Promise<void> {
    await this.#database.close();
  }

  #contextFor(database: OpenDatabase): DispatchContext {
    return {
      db: database.db,
      writer: this.options.writer,
      databaseLocation: database.location,
      version: this.options.version,
      emit: this.options.emit,
      ...(this.options.jobs ? { jobs: this.options.jobs } : {}),
      ...(this.options.fileChooser ? { fileChooser: this.options.fileChooser } : {}),
      ...(this.options.printer ? { printer: this.options.printer } : {}),
      ...(this.options.teamDatabase ? { teamDatabase: this.options.teamDatabase } : {}),
    };
  }
}
