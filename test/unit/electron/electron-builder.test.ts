import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './app-fixture';

/**
 * electron-builder cannot run here (it downloads Electron), so its configuration
 * is checked the way electron-builder itself checks it first: against its schema.
 */

const builderRequire = createRequire(
  createRequire(join(REPO, 'package.json')).resolve('electron-builder/package.json'),
);
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = createRequire(builderRequire.resolve('app-builder-lib/package.json'))(
  './out/util/config/config.js',
) as { validateConfiguration: (config: unknown, logger: unknown) => Promise<void> };
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  readonly appId: string;
  readonly productName: string;
  readonly files: readonly string[];
  readonly asarUnpack: readonly string[];
  readonly npmRebuild: boolean;
  readonly nsis: Record<string, unknown>;
  readonly win: { readonly target: unknown; readonly icon: string };
  readonly mac: { readonly target: unknown; readonly icon: string };
  readonly linux: { readonly target: unknown; readonly icon: string };
}

const config = yaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema check', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsisOneClick: false }, new DebugLogger(false))).rejects.toThrow(
      /unknown property 'nsisOneClick'/,
    );
  });

  it('names the app and installs per user on Windows, with a dmg, an AppImage and a deb', () => {
    expect([config.appId, config.productName]).toEqual(['org.boardpack.desktop', 'Boardpack']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac.target).toBe('dmg');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('packs the bundles, the demo data and package.json, with better-sqlite3 rebuilt for Electron and unpacked', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**', 'resources/demo/**', 'package.json', '!out/node_modules/**']),
    );
    expect(config.asarUnpack).toEqual([
      '**/node_modules/better-sqlite3/**',
      '**/node_modules/@resvg/**',
      'out/import-worker.cjs',
    ]);
    expect(config.npmRebuild).toBe(true);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main.cjs');
  });

  it('points at icons that exist', () => {
    for (const icon of [config.win.icon, config.mac.icon, join(config.linux.icon, '512x512.png')]) {
      expect(existsSync(join(REPO, icon)), icon).toBe(true);
    }
    const ico = readFileSync(join(REPO, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 4]);
    const png = readFileSync(join(REPO, config.mac.icon));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
