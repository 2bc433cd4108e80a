import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema/database';
import { tempDir } from '../../helpers/temp-files';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export const INDEX_HTML =
  '<!doctype html><title>Boardpack</title><script type="module" src="./assets/app.js"></script>';
export const APP_JS = 'console.log("boardpack");';

/**
 * An app folder laid out as Electron's app path is: out/renderer with a page and
 * a script, and resources/demo (the real demo dataset, linked).
 */
export function appFolder(): string {
  const appPath = tempDir();
  mkdirSync(join(appPath, 'out', 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), INDEX_HTML);
  writeFileSync(join(appPath, 'out', 'renderer', 'assets', 'app.js'), APP_JS);
  mkdirSync(join(appPath, 'resources'), { recursive: true });
  symlinkSync(join(REPO, 'resources', 'demo'), join(appPath, 'resources', 'demo'), 'dir');
  return appPath;
}

/** The demo partnership's name, read from the dataset rather than typed here. */
export const DEMO_PARTNERSHIP = (
  JSON.parse(readFileSync(join(REPO, 'resources', 'demo', 'partnership.json'), 'utf8')) as { name: string }
).name;

export async function glossaryCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('glossaryTerm')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
