import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { describeLocation } from '../../shared/database-location';
import { BoardpackError } from '../../shared/errors';
import type { OpenDatabase, OpeningOptions } from '../database-handle';
import { migrateToLatest, pendingMigrations } from '../migrate';
import type { Database } from '../schema/database';
import { fromPostgresError } from './postgres-error';

/**
 * PostgreSQL returns 8-byte integers (bigint, count(*), sum of integers) and
 * numerics as text, so no digit is ever lost. Boardpack's integers are ids,
 * counts and pence, all far inside 2^53, so they are read as numbers, the way
 * SQLite hands them over.
 */
const NUMBER_TYPES = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);

/** Boardpack reads every column in text format (pg's default), so only text parsers are needed. */
function parserFor(oid: number): (value: string) => unknown {
  if (NUMBER_TYPES.has(oid)) return Number;
  return pg.types.getTypeParser(oid, 'text') as (value: string) => unknown;
}

const types = { getTypeParser: parserFor as typeof pg.types.getTypeParser };

/** At most this many connections per open database: the app's screens and one import. */
const POOL_SIZE = 8;

export function kyselyForUrl(url: string, poolSize = POOL_SIZE): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    application_name: 'Boardpack',
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection the server drops must not crash the app; the next query reconnects.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

async function tablesIn(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.rows.map((row) => row.name);
}

/**
 * Opens a team database at a postgres:// URL and brings its schema up to date
 * with the same migrations as a file. `create` asks for an empty database (a
 * copy or a new partnership goes into one); without it, the database must
 * already hold a Boardpack schema.
 */
export async function openPostgresDatabase(url: string, options: OpeningOptions): Promise<OpenDatabase> {
  const shown = describeLocation(url);
  const db = kyselyForUrl(url);
  try {
    const tables = await tablesIn(db);
    if (options.create && tables.length > 0) {
      throw new BoardpackError(
        'conflict',
        `the team database ${shown} is not empty (${tables.length} tables); Boardpack only creates a database in an empty one`,
        { file: shown },
      );
    }
    if (!options.create && tables.length === 0) {
      throw new BoardpackError(
        'not-found',
        `the team database ${shown} holds no Boardpack data yet. Copy a partnership into it with ` +
          `boardpack copy --from FILE --to URL, or start one with boardpack init --db URL`,
        { file: shown },
      );
    }
    if (tables.length > 0 && !tables.includes('kysely_migration')) {
      throw new BoardpackError('not-a-boardpack-file', `the database ${shown} is not a Boardpack database`, {
        file: shown,
      });
    }
    const pending = await pendingMigrations(db, options.migrations, shown);
    if (pending.names.length > 0) await migrateToLatest(db, options.migrations, shown);
  } catch (error) {
    await db.destroy();
    const mapped = fromPostgresError(error, (table) => table);
    if (mapped instanceof BoardpackError) throw mapped;
    throw new BoardpackError('io', `cannot open the team database ${shown}: ${(error as Error).message}`, {
      file: shown,
    });
  }
  return { db, engine: 'postgres', location: url, backups: [], close: () => db.destroy() };
}
