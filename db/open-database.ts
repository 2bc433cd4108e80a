import { parseLocation } from '../shared/database-location';
import type { OpenDatabase, OpenDatabaseOptions } from './database-handle';
import { MIGRATIONS } from './migrations';
import { openPostgresDatabase } from './postgres/postgres-database';
import { openSqliteDatabase } from './sqlite/sqlite-database';

export type { OpenDatabase, OpenDatabaseOptions } from './database-handle';

/**
 * Opens a Boardpack database from its location, a file path or a postgres://
 * URL, and brings its schema up to date with the same migrations on either engine.
 */
export async function openDatabase(location: string, options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  const where = parseLocation(location);
  const withMigrations = { ...options, migrations: options.migrations ?? MIGRATIONS };
  return where.engine === 'postgres'
    ? openPostgresDatabase(where.url, withMigrations)
    : openSqliteDatabase(where.path, withMigrations);
}
