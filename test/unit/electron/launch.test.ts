import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findElectronBinary } from '../../../electron/build/launch-effects';
import {
  fetchFailureReason,
  isLowerVersion,
  launch,
  minimumVersion,
  userDataFolder,
  type LaunchEffects,
} from '../../../electron/cli/start-app';
import { BoardpackError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp-files';

/** What Electron 45's install script printed on this machine, without network, under Node 20. */
const OFFLINE_INSTALL_OUTPUT = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async FetchDownloader.download (file:///work/main/node_modules/@electron/get/dist/FetchDownloader.js:46:30)
`;

const BINARY = '/app/node_modules/electron/dist/electron';
const PREVIEW = { url: 'http://127.0.0.1:41234/#token=abc', dbPath: '/home/sec/.config/Boardpack/boardpack.db' };

/** Effects that record what happened, in order; each test changes what it needs. */
function effects(overrides: Partial<LaunchEffects> = {}) {
  const log: string[] = [];
  const printed: string[] = [];
  const base: LaunchEffects = {
    build: vi.fn(() => {
      log.push('build');
      return Promise.resolve();
    }),
    findElectron: vi.fn(() => {
      log.push('find');
      return BINARY;
    }),
    fetchElectron: vi.fn(() => {
      log.push('fetch');
      return Promise.resolve({ ok: true as const });
    }),
    prepareNativeModules: vi.fn(() => {
      log.push('native');
      return Promise.resolve();
    }),
    runElectron: vi.fn((binary: string) => {
      log.push(`run ${binary}`);
      return Promise.resolve(0);
    }),
    startPreview: vi.fn(() => {
      log.push('preview');
      return Promise.resolve(PREVIEW);
    }),
    print: (line: string) => {
      printed.push(line);
    },
  };
  return { effects: { ...base, ...overrides }, log, printed };
}

describe('npm start', () => {
  it('builds and opens the desktop window when Electron’s binary is there', async () => {
    const { effects: world, log, printed } = effects();
    expect(await launch(world)).toBe(0);
    expect(log).toEqual(['build', 'find', 'native', `run ${BINARY}`]);
    expect(printed).toEqual([]);
  });

  it('passes on Electron’s exit code', async () => {
    const { effects: world } = effects({ runElectron: () => Promise.resolve(3) });
    expect(await launch(world)).toBe(3);
  });

  it('fetches the binary with Electron’s own install script when it is missing, then opens the window', async () => {
    const found = [null, BINARY];
    const { effects: world, log, printed } = effects();
    world.findElectron = () => {
      log.push('find');
      return found.shift() ?? null;
    };
    expect(await launch(world)).toBe(0);
    expect(log).toEqual(['build', 'find', 'fetch', 'find', 'native', `run ${BINARY}`]);
    expect(printed).toEqual([]);
  });

  it('says in one line why the window cannot open when the fetch fails, and serves the preview', async () => {
    const {
      effects: world,
      log,
      printed,
    } = effects({
      findElectron: () => null,
      fetchElectron: () =>
        Promise.resolve({
          ok: false as const,
          reason: fetchFailureReason(OFFLINE_INSTALL_OUTPUT, 1, 'v20.20.2', '22.12.0'),
        }),
    });
    expect(await launch(world)).toBe(0);
    expect(log).toEqual(['build', 'preview']);
    expect(printed).toEqual([
      "Boardpack: the desktop window cannot open here: Electron's binary is not installed and fetching it failed (fetch failed; it asks for Node 22.12.0 or later and this is Node 20.20.2); opening the browser preview instead.",
      `Boardpack preview of ${PREVIEW.dbPath}: open ${PREVIEW.url} (Ctrl+C stops it)`,
    ]);
    expect(printed.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('falls back to the preview when better-sqlite3 cannot be built for Electron', async () => {
    const {
      effects: world,
      log,
      printed,
    } = effects({
      prepareNativeModules: () => Promise.reject(new Error('no prebuilt binary (404 Not Found)')),
    });
    expect(await launch(world)).toBe(0);
    expect(log).toEqual(['build', 'find', 'preview']);
    expect(printed[0]).toBe(
      'Boardpack: the desktop window cannot open here: better-sqlite3 could not be prepared for Electron (no prebuilt binary (404 Not Found)); opening the browser preview instead.',
    );
  });

  it('stops with one line and exit code 1 when the build fails', async () => {
    const {
      effects: world,
      log,
      printed,
    } = effects({
      build: () => Promise.reject(new BoardpackError('not-found', 'the renderer is missing')),
    });
    expect(await launch(world)).toBe(1);
    expect(log).toEqual([]);
    expect(printed).toEqual(['Boardpack: the build failed: the renderer is missing']);
  });

  it('stops with exit code 1 when the preview cannot start either', async () => {
    const { effects: world, printed } = effects({
      findElectron: () => null,
      fetchElectron: () => Promise.resolve({ ok: false as const, reason: 'fetch failed' }),
      startPreview: () => Promise.reject(new Error('port in use')),
    });
    expect(await launch(world)).toBe(1);
    expect(printed).toHaveLength(2);
    expect(printed[1]).toBe('Boardpack: the browser preview could not start either: port in use');
  });
});

describe('fetchFailureReason', () => {
  it('keeps the error’s message, never its stack', () => {
    expect(fetchFailureReason(OFFLINE_INSTALL_OUTPUT, 1, 'v22.12.0', '22.12.0')).toBe('fetch failed');
    expect(
      fetchFailureReason('RequestError: getaddrinfo ENOTFOUND github.com\n    at x', 1, 'v24.1.0', '22.12.0'),
    ).toBe('getaddrinfo ENOTFOUND github.com');
    expect(fetchFailureReason('', 7, 'v24.1.0', null)).toBe('its install script exited with code 7');
  });

  it('compares versions number by number', () => {
    expect(minimumVersion('>= 22.12.0')).toBe('22.12.0');
    expect(minimumVersion(undefined)).toBeNull();
    expect(isLowerVersion('v20.20.2', '22.12.0')).toBe(true);
    expect(isLowerVersion('v22.9.0', '22.12.0')).toBe(true);
    expect(isLowerVersion('v22.12.0', '22.12.0')).toBe(false);
    expect(isLowerVersion('v23.0.0', '22.12.0')).toBe(false);
  });
});

describe('findElectronBinary', () => {
  it('finds the executable path.txt names, and nothing when the download never happened', () => {
    const dir = tempDir();
    expect(findElectronBinary(dir, {})).toBeNull();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toBeNull();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });
});

describe('userDataFolder', () => {
  it('is where Electron keeps an app called Boardpack’s data', () => {
    expect(userDataFolder({ XDG_CONFIG_HOME: '/home/sec/.config' }, 'linux')).toBe('/home/sec/.config/Boardpack');
    expect(userDataFolder({ APPDATA: 'C:\\Users\\sec\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\sec\\AppData\\Roaming', 'Boardpack'),
    );
  });
});
