import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open-database';
import { parseLocation } from '../../shared/database-location';
import { newPostgresDatabase, TEST_ENGINE } from './test-engine';

const dirs: string[] = [];
const suiteDirs: string[] = [];
const open: OpenDatabase[] = [];
const drops: (() => Promise<void>)[] = [];
const suiteOpen: OpenDatabase[] = [];
const suiteDrops: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((database) => database.close()));
  for (const drop of drops.splice(0)) await drop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  await Promise.all(suiteOpen.splice(0).map((database) => database.close()));
  for (const drop of suiteDrops.splice(0)) await drop();
  for (const dir of suiteDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A path in a fresh temp folder kept for the whole file's tests (for beforeAll). */
export function suitePath(name = 'boardpack.db'): string {
  const dir = mkdtempSync(join(tmpdir(), 'boardpack-suite-'));
  suiteDirs.push(dir);
  return join(dir, name);
}

/** A fresh folder under the system temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'boardpack-test-'));
  dirs.push(dir);
  return dir;
}

/** A path in a fresh temp folder, for a file the test creates. */
export function tempPath(name = 'boardpack.db'): string {
  return join(tempDir(), name);
}

/**
 * A new database with the real migrations applied, closed after the test.
 * Without a path it lives on this run's engine (test-engine.ts): a temp file,
 * or a database of its own on the PostgreSQL test server, dropped after the
 * test. With a path it is always that SQLite file.
 */
export async function newDatabase(path?: string): Promise<OpenDatabase> {
  if (path === undefined && TEST_ENGINE === 'postgres') {
    const created = await newPostgresDatabase();
    drops.push(() => created.drop());
    const database = await openDatabase(created.url);
    open.push(database);
    return database;
  }
  const database = await openDatabase(path ?? tempPath(), { create: true });
  open.push(database);
  return database;
}

/**
 * The same for a whole test file (for beforeAll): a new database on this run's
 * engine with the real migrations applied, closed (and a PostgreSQL one
 * dropped) when the file's tests end.
 */
export async function suiteDatabase(): Promise<OpenDatabase> {
  if (TEST_ENGINE === 'postgres') {
    const created = await newPostgresDatabase();
    suiteDrops.push(() => created.drop());
    const database = await openDatabase(created.url);
    suiteOpen.push(database);
    return database;
  }
  const database = await openDatabase(suitePath(), { create: true });
  suiteOpen.push(database);
  return database;
}

/**
 * Where a new, empty database may be made on this run's engine, as
 * `boardpack init --db` takes it: a path in a fresh temp folder, or the URL of
 * an empty database on the PostgreSQL test server. Removed after the test
 * (`suite`: after the file's tests).
 */
export async function newLocation(options: { suite?: boolean } = {}): Promise<string> {
  if (TEST_ENGINE === 'postgres') {
    const created = await newPostgresDatabase({ empty: true });
    (options.suite ? suiteDrops : drops).push(() => created.drop());
    return created.url;
  }
  return options.suite ? suitePath() : tempPath();
}

/**
 * A copy of a database no one has open, on its engine, removed after the test:
 * a copy of the file, or a PostgreSQL database cloned from it.
 */
export async function copyOfDatabase(location: string): Promise<string> {
  const where = parseLocation(location);
  if (where.engine === 'sqlite') {
    const copy = tempPath();
    copyFileSync(where.path, copy);
    return copy;
  }
  const created = await newPostgresDatabase({ template: new URL(where.url).pathname.slice(1) });
  drops.push(() => created.drop());
  return created.url;
}

/** Closes a database opened by the test itself once the test ends. */
export function closeAfterTest(database: OpenDatabase): OpenDatabase {
  open.push(database);
  return database;
}
