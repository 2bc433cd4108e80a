import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMain } from '../../../electron/build/build-main';
import { METHOD_NAMES } from '../../../shared/api/contract';
import { suitePath, tempDir } from '../../helpers/temp-files';
import { appFolder, DEMO_PARTNERSHIP, REPO } from './app-fixture';
import { createFakeElectron, fakeEvent, type FakeElectron } from './fake-electron';

/**
 * The bundles Electron actually loads, built by the real build script and run
 * here against the fake `electron` module: the preload as a sandbox runs it
 * (a `require` that knows only `electron`), main as Electron's Node runs it.
 */

let built: { main: string; preload: string };

beforeAll(async () => {
  built = await buildMain({ outDir: dirname(suitePath('out/main.cjs')) });
}, 60_000);

const requiredModules = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? '');

/** Runs a CommonJS bundle with the given `require`, returning its exports. */
function run(file: string, require: (id: string) => unknown): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const code = readFileSync(file, 'utf8');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const evaluate = new Function('exports', 'require', 'module', '__filename', '__dirname', code) as (
    ...args: unknown[]
  ) => void;
  evaluate(module.exports, require, module, file, dirname(file));
  return module.exports;
}

describe('the preload bundle', () => {
  it('is one file that requires nothing but electron', () => {
    expect(new Set(requiredModules(built.preload))).toEqual(new Set(['electron']));
  });

  it('runs in a sandbox, exposing the contract and onEvent', () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    };
    run(built.preload, (id) => {
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id} (a sandboxed preload can require only electron)`);
    });
    expect(Object.keys(exposed.get('boardpack') ?? {}).sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
  });
});

describe('the main bundle', () => {
  const fakes: FakeElectron[] = [];

  afterAll(async () => {
    for (const fake of fakes) {
      fake.app.emit('will-quit', fakeEvent());
      await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    }
  });

  it('keeps only electron, the native modules (better-sqlite3, resvg) and Node’s own modules outside', () => {
    const outside = new Set(requiredModules(built.main));
    const node = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect([...outside].filter((id) => !node.has(id)).sort()).toEqual([
      '@resvg/resvg-js',
      'better-sqlite3',
      'electron',
      'pg-native',
    ]);
  });

  it('starts: creates the demo database on first run and answers the window', async () => {
    const userData = join(tempDir(), 'Boardpack');
    const fake = createFakeElectron({ userData, appPath: appFolder() });
    fakes.push(fake);
    const nodeRequire = createRequire(join(REPO, 'package.json'));
    const exports = run(built.main, (id) => (id === 'electron' ? fake.module : nodeRequire(id)));
    await exports.mainReady;
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(existsSync(join(userData, 'boardpack.db'))).toBe(true);
    const info = fake.handlers.get('api:app.info');
    const event = {
      sender: { id: fake.windows[0]?.webContents.id },
      senderFrame: { url: 'app://boardpack/index.html', parent: null },
    };
    expect(await info?.(event, {})).toEqual({
      ok: true,
      value: {
        version: '0.1.0',
        databaseLocation: join(userData, 'boardpack.db'),
        engine: 'sqlite',
        partnership: DEMO_PARTNERSHIP,
        nativeFileDialogs: true,
      },
    });
  });
});

describe('the import worker bundle', () => {
  it('is built beside main and keeps only better-sqlite3, pg-native (never installed) and Node’s own modules outside', () => {
    const worker = join(dirname(built.main), 'import-worker.cjs');
    expect(existsSync(worker)).toBe(true);
    const node = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect([...new Set(requiredModules(worker))].filter((id) => !node.has(id)).sort()).toEqual([
      'better-sqlite3',
      'pg-native',
    ]);
  });
});
