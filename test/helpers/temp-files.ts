import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open-database';

const dirs: string[] = [];
const suiteDirs: string[] = [];
const open: OpenDatabase[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((database) => database.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterAll(() => {
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

/** A new database file with the real migrations applied, closed after the test. */
export async function newDatabase(path = tempPath()): Promise<OpenDatabase> {
  const database = await openDatabase(path, { create: true });
  open.push(database);
  return database;
}

/** Closes a database opened by the test itself once the test ends. */
export function closeAfterTest(database: OpenDatabase): OpenDatabase {
  open.push(database);
  return database;
}
