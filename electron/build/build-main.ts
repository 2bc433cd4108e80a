import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the main process to out/main.cjs and the preload to out/preload.cjs.
 * The preload runs sandboxed, where `require` knows only a few Electron modules:
 * it must be one file with nothing external but `electron`. Main keeps its
 * native modules external: better-sqlite3 (rebuilt for Electron's ABI) and
 * @resvg/resvg-js (a prebuilt binary per platform, for the pack's chart images).
 * `pg` (the team database's client) is bundled in its pure-JavaScript form; its
 * optional libpq binding, pg-native, is never installed, so it is left out.
 */

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Electron 45: Chromium 140, Node 22. */
const CHROME_TARGET = 'chrome140';
const NODE_TARGET = 'node22';

export interface BuildMainOptions {
  /** Where main.cjs and preload.cjs go; out/ by default. */
  readonly outDir?: string;
  readonly minify?: boolean;
}

const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: ROOT,
};

export async function buildMain(options: BuildMainOptions = {}): Promise<{ main: string; preload: string }> {
  const outDir = options.outDir ?? join(ROOT, 'out');
  const main = join(outDir, 'main.cjs');
  const preload = join(outDir, 'preload.cjs');
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(ROOT, 'electron/main.ts')],
      outfile: main,
      platform: 'node',
      target: NODE_TARGET,
      external: ['electron', 'better-sqlite3', '@resvg/resvg-js', 'pg-native'],
      minify: options.minify ?? false,
      // Modules written as ESM read import.meta.url (db/demo/load-demo.ts); in the
      // CommonJS bundle it is this file's URL. Main passes the demo folder explicitly.
      define: { 'import.meta.url': '__boardpackImportMetaUrl' },
      banner: { js: 'const __boardpackImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    }),
    build({
      ...common,
      // Imports run in a worker thread beside main (electron/jobs/job-runner.ts spawnBundledWorker).
      entryPoints: [join(ROOT, 'electron/jobs/import-worker.ts')],
      outfile: join(outDir, 'import-worker.cjs'),
      platform: 'node',
      target: NODE_TARGET,
      external: ['electron', 'better-sqlite3', '@resvg/resvg-js', 'pg-native'],
      minify: options.minify ?? false,
      define: { 'import.meta.url': '__boardpackImportMetaUrl' },
      banner: { js: 'const __boardpackImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    }),
    build({
      ...common,
      entryPoints: [join(ROOT, 'electron/preload.ts')],
      outfile: preload,
      platform: 'browser',
      target: CHROME_TARGET,
      external: ['electron'],
      minify: options.minify ?? false,
    }),
  ]);
  return { main, preload };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await buildMain();
  process.stdout.write(`built ${built.main} and ${built.preload}\n`);
}
