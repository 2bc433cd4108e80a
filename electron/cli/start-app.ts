import { homedir } from 'node:os';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase } from '../../db/open-database';
import { fileExists } from '../../db/sqlite/sqlite-file';
import { localWriter } from '../../db/writer';

/** Where Electron keeps a user's data for an app called Boardpack, by platform. */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Boardpack');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Boardpack');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Boardpack');
}

/**
 * Opens (creating on first run) the demo database in the user-data folder, the
 * file the desktop app will open, and says where it is and what to run.
 */
export async function startApp(): Promise<number> {
  const folder = userDataFolder();
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'boardpack.db');
  const firstRun = !fileExists(path);
  const database = await openDatabase(path, { create: firstRun });
  try {
    if (firstRun) await loadDemoDataset(database.db, localWriter());
  } finally {
    await database.close();
  }
  process.stdout.write(
    [
      `Boardpack database: ${path}${firstRun ? ' (created with the demo dataset)' : ''}`,
      'The desktop window is not built yet; the command line works on this file now, for example:',
      `  npx boardpack compare --db "${path}" --indicator "Domestic burglary" --base "Apr-Dec 2012" --current "Apr-Dec 2013"`,
      `  npx boardpack check --db "${path}"`,
      '',
    ].join('\n'),
  );
  return 0;
}
