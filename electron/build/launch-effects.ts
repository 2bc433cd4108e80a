import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BoardpackError } from '../../shared/errors';
import { fetchFailureReason, minimumVersion, userDataFolder, type LaunchEffects } from '../cli/start-app';
import { buildMain, ROOT } from './build-main';
import { findNodeGyp, prepareNativeForElectron, type CommandResult } from './native-for-electron';

/** What `npm start` really does: builds, finds or fetches Electron, runs it, or serves the preview. */

const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');

interface ElectronPackage {
  readonly version: string;
  readonly engines?: { readonly node?: string };
}

const electronPackage = (): ElectronPackage =>
  JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')) as ElectronPackage;

/** Runs a command, keeping its output (Electron's installer prints a stack trace we never show). */
function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error) => resolve({ code: 1, output: `${output}\nError: ${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The environment without the variable that makes Electron's installer skip the download. */
function fetchEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return env;
}

/** The executable Electron's package points at (path.txt), when it is there. */
export function findElectronBinary(dir: string = ELECTRON_DIR, env: NodeJS.ProcessEnv = process.env): string | null {
  let relative: string;
  try {
    relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

export function launchEffects(): LaunchEffects {
  return {
    async build() {
      await buildMain();
      const config = join(ROOT, 'renderer', 'vite.config.ts');
      if (!existsSync(config))
        throw new BoardpackError('not-found', `the renderer's Vite config is missing: ${config}`);
      const { build } = await import('vite');
      await build({ configFile: config, logLevel: 'warn' });
    },
    findElectron: () => findElectronBinary(),
    async fetchElectron() {
      const result = await run(process.execPath, [join(ELECTRON_DIR, 'install.js')], {
        cwd: ELECTRON_DIR,
        env: fetchEnvironment(),
      });
      if (result.code === 0) return { ok: true };
      const required = minimumVersion(electronPackage().engines?.node);
      return { ok: false, reason: fetchFailureReason(result.output, result.code, process.version, required) };
    },
    async prepareNativeModules() {
      await prepareNativeForElectron({
        root: ROOT,
        target: join(ROOT, 'out', 'node_modules'),
        electronVersion: electronPackage().version,
        runNode: (args, cwd) => run(process.execPath, args, { cwd }),
        nodeGyp: findNodeGyp(),
      });
    },
    runElectron(binary) {
      return new Promise((resolve) => {
        const env = { ...process.env };
        delete env.ELECTRON_RUN_AS_NODE;
        const child = spawn(binary, ['.'], { cwd: ROOT, env, stdio: 'inherit' });
        const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
        process.on('SIGINT', forward('SIGINT'));
        process.on('SIGTERM', forward('SIGTERM'));
        child.on('error', () => resolve(1));
        child.on('close', (code) => resolve(code ?? 1));
      });
    },
    async startPreview() {
      const { startPreview } = await import('../preview/run-preview');
      const dbPath = join(userDataFolder(), 'boardpack.db');
      const preview = await startPreview({ location: dbPath, createDemo: true, build: false });
      const stop = () => void preview.close().finally(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return { url: preview.bridge.pageUrl, dbPath };
    },
    print: (line) => process.stdout.write(`${line}\n`),
  };
}
