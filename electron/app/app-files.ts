import { join } from 'node:path';

/** Where the desktop app finds its own files and keeps the user's. */
export interface AppFiles {
  /** The bundled preload script (one file: a sandboxed preload cannot require our modules). */
  readonly preload: string;
  /** The built renderer, served through the app:// protocol and nothing else. */
  readonly rendererDir: string;
  /** The demo dataset loaded into the first-run database. */
  readonly demoDir: string;
  /** The window icon (Linux and Windows use it; macOS takes the bundle's). */
  readonly icon: string;
  /** The settings file: the last open database and the recent files. */
  readonly settings: string;
  /** The demo database created on first run. */
  readonly demoDatabase: string;
  /** The team database's URL, encrypted by the system keychain (never in plain text anywhere). */
  readonly teamDatabase: string;
  /** The folder of the bundled import worker: outside the asar archive, where a worker thread can load it. */
  readonly workerDir: string;
}

/**
 * `appPath` is Electron's app path: the repository root in development (`electron .`),
 * the app.asar in a packaged build; both hold out/ and resources/.
 */
export function appFiles(appPath: string, userData: string): AppFiles {
  return {
    preload: join(appPath, 'out', 'preload.cjs'),
    rendererDir: join(appPath, 'out', 'renderer'),
    demoDir: join(appPath, 'resources', 'demo'),
    icon: join(appPath, 'resources', 'icons', '512x512.png'),
    settings: join(userData, 'settings.json'),
    demoDatabase: join(userData, 'boardpack.db'),
    teamDatabase: join(userData, 'team-database.bin'),
    workerDir: join(appPath, 'out').replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked'),
  };
}
