import type { Kysely } from 'kysely';
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase } from '../../db/open-database';
import type { Database } from '../../db/schema/database';
import type { DispatchContext } from '../../electron/api/dispatch';
import { callerOn, type ApiCaller } from './api-context';
import { closeAfterTest, newDatabase } from './temp-files';
import { TEST_ENGINE } from './test-engine';

/**
 * Two people editing one database through the real dispatch (issue 9, point
 * 3): Ana and Ben, each with their own connection (on PostgreSQL their own
 * pool, so two real sessions) and their own clock.
 */

/** Local times, so the messages read "at 10:42" whatever the machine's time zone. */
export const ANA_AT = new Date(2026, 10, 26, 10, 42).toISOString();
export const BEN_AT = new Date(2026, 10, 26, 10, 45).toISOString();

/** One person's calls on a database, as `actor`, at `at`. */
export function editor(db: Kysely<Database>, location: string, actor: string, at: string): ApiCaller {
  const context: DispatchContext = {
    db,
    writer: { actor, now: () => at },
    databaseLocation: location,
    version: '0.0.0-test',
  };
  return callerOn(context);
}

/** The role this run's connections log in as: the test server's admin on PostgreSQL, none in a file. */
export function roleOf(location: string): string | null {
  return TEST_ENGINE === 'postgres' ? decodeURIComponent(new URL(location).username) : null;
}

/** The demo database on this run's engine, with Ana on it and Ben on a second connection. */
export async function sharedDemo() {
  const first = await newDatabase();
  await loadDemoDataset(first.db, { actor: 'loader', now: () => '2026-11-25T09:00:00.000Z' });
  const second = closeAfterTest(await openDatabase(first.location));
  const role = roleOf(first.location);
  return {
    db: first.db,
    location: first.location,
    ana: editor(first.db, first.location, 'Ana', ANA_AT),
    ben: editor(second.db, first.location, 'Ben', BEN_AT),
    /** How the change log names a person: "Ana", or "Ana (role boardpack_admin)" on PostgreSQL. */
    who: (name: string) => (role === null ? name : `${name} (role ${role})`),
  };
}
