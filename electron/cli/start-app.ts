import { homedir } from 'node:os';
import { join } from 'node:path';
import { BoardpackError, formatError } from '../../shared/errors';

/** Where Electron keeps a user's data for an app called Boardpack, by platform. */
export function userDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Boardpack');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Boardpack');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Boardpack');
}

export type FetchOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** What `npm start` does to the world; the real ones are in electron/build/launch-effects.ts, tests inject fakes. */
export interface LaunchEffects {
  /** esbuild for main and preload, Vite for the renderer. */
  build(): Promise<void>;
  /** The Electron executable, or null when its binary is not installed. */
  findElectron(): string | null;
  /** Runs Electron's own install script (which downloads the binary). */
  fetchElectron(): Promise<FetchOutcome>;
  /** better-sqlite3 built for Electron's ABI; throws saying why it cannot be. */
  prepareNativeModules(): Promise<void>;
  /** Opens the desktop app and resolves with Electron's exit code. */
  runElectron(binary: string): Promise<number>;
  /** Serves the app in the browser; resolves with the URL to open once it listens. */
  startPreview(): Promise<{ readonly url: string; readonly dbPath: string }>;
  print(line: string): void;
}

const messageOf = (error: unknown): string =>
  error instanceof BoardpackError
    ? formatError(error.toData())
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * `npm start`: build, then open the desktop window. Where Electron's binary is
 * missing, fetch it with Electron's own install script; where that fails (no
 * network), say so in one line and serve the same app in the browser preview.
 * Resolves with the exit code; with the preview running it resolves 0 and the
 * server keeps the process alive.
 */
export async function launch(effects: LaunchEffects): Promise<number> {
  try {
    await effects.build();
  } catch (error) {
    effects.print(`Boardpack: the build failed: ${messageOf(error)}`);
    return 1;
  }

  let binary = effects.findElectron();
  let reason: string | null = null;
  if (binary === null) {
    const fetched = await effects.fetchElectron();
    if (fetched.ok) {
      binary = effects.findElectron();
      if (binary === null) reason = "Electron's install script finished but left no binary";
    } else {
      reason = `Electron's binary is not installed and fetching it failed (${fetched.reason})`;
    }
  }
  if (binary !== null) {
    try {
      await effects.prepareNativeModules();
      return await effects.runElectron(binary);
    } catch (error) {
      reason = `better-sqlite3 could not be prepared for Electron (${messageOf(error)})`;
    }
  }

  effects.print(`Boardpack: the desktop window cannot open here: ${reason}; opening the browser preview instead.`);
  try {
    const preview = await effects.startPreview();
    effects.print(`Boardpack preview of ${preview.dbPath}: open ${preview.url} (Ctrl+C stops it)`);
    return 0;
  } catch (error) {
    effects.print(`Boardpack: the browser preview could not start either: ${messageOf(error)}`);
    return 1;
  }
}

/** "22.12.0" from an engines range such as ">= 22.12.0". */
export function minimumVersion(range: string | undefined): string | null {
  return /(\d+\.\d+\.\d+)/.exec(range ?? '')?.[1] ?? null;
}

/** True when dotted version `a` is lower than `b`. */
export function isLowerVersion(a: string, b: string): boolean {
  const left = a.replace(/^v/, '').split('.').map(Number);
  const right = b.replace(/^v/, '').split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference < 0;
  }
  return false;
}

/**
 * Why Electron's install script failed, in a few words: its error's message
 * ("fetch failed") rather than its stack, and the Node version it asks for
 * when this Node is older.
 */
export function fetchFailureReason(
  output: string,
  code: number | null,
  nodeVersion: string,
  requiredNode: string | null,
): string {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const errorLine = lines.map((line) => /^(?:[A-Za-z]*Error|error): (.+)$/.exec(line)?.[1]).find(Boolean);
  const said =
    errorLine ?? lines.find((line) => !line.startsWith('at ')) ?? `its install script exited with code ${code}`;
  const node =
    requiredNode !== null && isLowerVersion(nodeVersion, requiredNode)
      ? `; it asks for Node ${requiredNode} or later and this is Node ${nodeVersion.replace(/^v/, '')}`
      : '';
  return `${said}${node}`;
}

/** `npm start` with the real effects. */
export async function startApp(): Promise<number> {
  const { launchEffects } = await import('../build/launch-effects');
  return launch(launchEffects());
}
