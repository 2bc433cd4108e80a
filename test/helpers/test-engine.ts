import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { EngineName } from '../../db/engine';

/**
 * Which engine this test run's databases live on. The PostgreSQL project of
 * test/vitest.config.ts sets BOARDPACK_TEST_ENGINE=postgres and runs the
 * repository and API suites again, each test on a database of its own on the
 * real server its global setup started (postgres-global-setup.ts).
 */
export const TEST_ENGINE: EngineName = process.env.BOARDPACK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** Set by the global setup: the test server's superuser URL (database "postgres"). */
export const POSTGRES_ADMIN_URL_VARIABLE = 'BOARDPACK_TEST_POSTGRES_URL';
/** Migrated once per run; every test's database is cloned from it. */
export const TEMPLATE_DATABASE = 'boardpack_template';

export function postgresAdminUrl(): string {
  const url = process.env[POSTGRES_ADMIN_URL_VARIABLE];
  if (!url) {
    throw new Error(
      `${POSTGRES_ADMIN_URL_VARIABLE} is not set: run this test in the "postgres" project of test/vitest.config.ts, ` +
        'whose global setup starts PostgreSQL (Debian package postgresql)',
    );
  }
  return url;
}

/** The same server's URL for another database (and optionally another role). */
export function postgresUrlFor(database: string, user?: { name: string; password: string }): string {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${database}`;
  if (user) {
    url.username = encodeURIComponent(user.name);
    url.password = encodeURIComponent(user.password);
  }
  return url.toString();
}

/** Runs statements as the test server's superuser, on `database` ("postgres" unless named). */
export async function asPostgresAdmin<T>(work: (client: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const client = new pg.Client(postgresUrlFor(database));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A new database on the test server: migrated (cloned from the template), or
 * empty, or a copy of another database on the server that no one has open
 * (`template`). `icuLocale` makes an empty one whose text sorts by a
 * language's rules (ICU: "en-GB"), as a council's server may be set up.
 * Returns its URL; `drop` removes it, closing any connection left to it.
 */
export async function newPostgresDatabase(
  options: { empty?: boolean; template?: string; icuLocale?: string } = {},
): Promise<{
  url: string;
  name: string;
  drop(): Promise<void>;
}> {
  const name = `bp_${randomBytes(6).toString('hex')}`;
  const template = options.template ?? (options.empty || options.icuLocale ? 'template0' : TEMPLATE_DATABASE);
  const collation = options.icuLocale ? ` locale_provider icu icu_locale '${options.icuLocale}'` : '';
  await asPostgresAdmin((client) => client.query(`create database ${name} template ${template}${collation}`));
  return {
    url: postgresUrlFor(name),
    name,
    drop: () =>
      asPostgresAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
