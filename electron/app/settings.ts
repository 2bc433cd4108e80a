import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** What the desktop app remembers between runs, kept as JSON in the user-data folder. */
export interface Settings {
  /** The database open when the app last ran; reopened at start. */
  readonly lastOpened: string | null;
  /** Most recent first, no repeats. */
  readonly recent: readonly string[];
  /**
   * The team database was open last and is reopened at start. Its URL is never
   * here (it may hold a password): it is kept encrypted in team-database.bin
   * (team-url-store.ts). `lastOpened` stays the file to go back to.
   */
  readonly teamDatabase: boolean;
}

export const DEFAULT_SETTINGS: Settings = { lastOpened: null, recent: [], teamDatabase: false };

/** How many files File ▸ Open recent lists. */
export const RECENT_LIMIT = 10;

const settingsSchema = z.object({
  lastOpened: z.string().min(1).nullable().catch(null),
  recent: z.array(z.string().min(1)).catch([]),
  teamDatabase: z.boolean().catch(false),
});

/** Reads the settings file; a missing or damaged file gives the defaults rather than stopping the app. */
export function readSettings(path: string): Settings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return DEFAULT_SETTINGS;
  }
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return DEFAULT_SETTINGS;
    return {
      lastOpened: parsed.data.lastOpened,
      recent: parsed.data.recent.slice(0, RECENT_LIMIT),
      teamDatabase: parsed.data.teamDatabase,
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** Writes the settings through a temporary file and a rename, so a crash never leaves half a file. */
export function writeSettings(path: string, settings: Settings): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, 'utf8');
  renameSync(temporary, path);
}

/** The settings after opening `path`: it becomes the last opened file and the first recent one. */
export function withOpened(settings: Settings, path: string): Settings {
  return {
    lastOpened: path,
    recent: [path, ...settings.recent.filter((item) => item !== path)].slice(0, RECENT_LIMIT),
    teamDatabase: false,
  };
}

/** The settings after connecting to a team database: reopened at start only when its URL is remembered. */
export function withTeamDatabase(settings: Settings, remembered: boolean): Settings {
  return { ...settings, teamDatabase: remembered };
}

/** The settings without `path` among the recent files (it is gone or refused). */
export function withoutRecent(settings: Settings, path: string): Settings {
  return {
    ...settings,
    lastOpened: settings.lastOpened === path ? null : settings.lastOpened,
    recent: settings.recent.filter((item) => item !== path),
  };
}

export function clearedRecent(settings: Settings): Settings {
  return { ...settings, recent: [] };
}

/** The settings file with the current value in memory: every change is written at once. */
export interface SettingsStore {
  get(): Settings;
  update(change: (settings: Settings) => Settings): Settings;
}

export function settingsStore(path: string): SettingsStore {
  let current = readSettings(path);
  return {
    get: () => current,
    update(change) {
      current = change(current);
      writeSettings(path, current);
      return current;
    },
  };
}
