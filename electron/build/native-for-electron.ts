import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * better-sqlite3 in node_modules is built for Node (the tests and the CLI load
 * it). Electron needs a build for its own ABI: `npm start` puts one in
 * out/node_modules/, which Node's resolution finds first from out/main.cjs, and
 * leaves node_modules alone. Packaged builds get theirs from electron-builder
 * (npmRebuild) instead.
 */

/** The packages better-sqlite3 loads at run time. */
const RUNTIME_PACKAGES = ['better-sqlite3', 'bindings', 'file-uri-to-path'] as const;
const MARKER = '.boardpack-electron-version';

export interface CommandResult {
  readonly code: number;
  readonly output: string;
}

export interface NativeOptions {
  /** The repository root (holds node_modules/). */
  readonly root: string;
  /** Where the Electron build goes: out/node_modules/. */
  readonly target: string;
  readonly electronVersion: string;
  /** Runs `node ARGS` in a folder. */
  readonly runNode: (args: readonly string[], cwd: string) => Promise<CommandResult>;
  /** node-gyp's script, for a build from source when no prebuilt binary can be fetched. */
  readonly nodeGyp?: string | undefined;
}

const nativeFile = (dir: string) => join(dir, 'build', 'Release', 'better_sqlite3.node');

/** True when out/node_modules already holds better-sqlite3 built for this Electron. */
export function isPreparedFor(target: string, electronVersion: string): boolean {
  const dir = join(target, 'better-sqlite3');
  try {
    return readFileSync(join(dir, MARKER), 'utf8').trim() === electronVersion && existsSync(nativeFile(dir));
  } catch {
    return false;
  }
}

/** The last line of a command's output: what it said when it failed. */
function lastLine(output: string): string {
  return (
    output
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? 'no output'
  );
}

/**
 * Copies better-sqlite3 (and what it loads) to `target` and fetches its prebuilt
 * binary for Electron, or builds it against Electron's headers. Both need the
 * network; the failure says why in one line.
 */
export async function prepareNativeForElectron(options: NativeOptions): Promise<'ready' | 'prepared'> {
  if (isPreparedFor(options.target, options.electronVersion)) return 'ready';
  const require = createRequire(join(options.root, 'package.json'));
  mkdirSync(options.target, { recursive: true });
  for (const name of RUNTIME_PACKAGES) {
    const source = dirname(require.resolve(`${name}/package.json`));
    const destination = join(options.target, name);
    rmSync(destination, { recursive: true, force: true });
    cpSync(source, destination, {
      recursive: true,
      filter: (path) => !path.startsWith(join(source, 'build')) && !path.startsWith(join(source, 'node_modules')),
    });
  }
  const dir = join(options.target, 'better-sqlite3');
  const prebuild = createRequire(join(dir, 'package.json')).resolve('prebuild-install/bin.js', {
    paths: [dirname(require.resolve('better-sqlite3/package.json')), options.root],
  });
  const version = options.electronVersion;
  const fetched = await options.runNode(
    [prebuild, '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform],
    dir,
  );
  if (fetched.code !== 0) {
    if (options.nodeGyp === undefined) throw new Error(`no prebuilt binary (${lastLine(fetched.output)})`);
    const built = await options.runNode(
      [
        options.nodeGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${version}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      dir,
    );
    if (built.code !== 0) {
      throw new Error(`no prebuilt binary and the build failed (${lastLine(built.output)})`);
    }
  }
  if (!existsSync(nativeFile(dir))) throw new Error('the binary is missing after the build');
  writeFileSync(join(dir, MARKER), `${version}\n`);
  return 'prepared';
}

/** node-gyp as npm ships it: the script npm names when it runs ours, or the one beside this Node. */
export function findNodeGyp(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
}
