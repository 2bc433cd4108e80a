import type { Kysely, Migration } from 'kysely';
import type { EngineName } from './engine';
import type { Database } from './schema/database';

/** An open Boardpack database on either engine (open-database.ts opens one). */
export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly engine: EngineName;
  /** Where the database lives: the file's path, or the team database's postgres:// URL (shared/database-location.ts). */
  readonly location: string;
  /** Backups taken while opening (a file's daily backup and the one before migrations), newest last. */
  readonly backups: readonly string[];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /**
   * Make a new database: a file that must not exist yet, or a team database
   * that must hold no tables yet.
   */
  readonly create?: boolean;
  /** Replaces the bundled migrations (tests of the migration path). */
  readonly migrations?: Readonly<Record<string, Migration>>;
  /** Clock for backup names (tests). */
  readonly now?: () => Date;
  /**
   * Back a file up when no backup is younger than a day (the app and the command line; tests opt in).
   * The file is checked first (SQLite's quick_check): a damaged file is refused, never backed up over good backups.
   * A team database is backed up by its server, not by Boardpack.
   */
  readonly dailyBackup?: boolean;
}

/** The options an engine's opener is given: the migrations are always named. */
export type OpeningOptions = OpenDatabaseOptions & { readonly migrations: Readonly<Record<string, Migration>> };
