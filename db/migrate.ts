import { Migrator, type Kysely, type Migration } from 'kysely';
import { BoardpackError } from '../shared/errors';

export interface PendingMigrations {
  /** Names already applied to the file, oldest first. */
  readonly applied: readonly string[];
  /** Names this build would apply, oldest first. */
  readonly names: readonly string[];
}

function providerFor(migrations: Readonly<Record<string, Migration>>) {
  return { getMigrations: () => Promise.resolve({ ...migrations }) };
}

async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === 'kysely_migration')) return [];
  const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((row: { name: string }) => row.name);
}

/**
 * What opening this file would apply. A file that has a migration this build
 * does not know was written by a newer Boardpack: refuse it rather than guess.
 */
export async function pendingMigrations(
  db: Kysely<any>,
  migrations: Readonly<Record<string, Migration>>,
  file: string,
): Promise<PendingMigrations> {
  const applied = await appliedMigrations(db);
  const unknown = applied.filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new BoardpackError(
      'newer-version',
      `${file} was written by a newer version of Boardpack (schema ${unknown.at(-1)}); update Boardpack to open it`,
      { file },
    );
  }
  const names = Object.keys(migrations)
    .filter((name) => !applied.includes(name))
    .sort();
  return { applied, names };
}

export async function migrateToLatest(
  db: Kysely<any>,
  migrations: Readonly<Record<string, Migration>>,
  file: string,
): Promise<void> {
  const migrator = new Migrator({ db, provider: providerFor(migrations) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new BoardpackError('internal', `migration ${failed} failed on ${file}: ${(error as Error).message}`, {
      file,
    });
  }
}
