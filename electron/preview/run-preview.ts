import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { openOrCreateDemo } from '../../db/demo/open-or-create-demo';
import { openDatabase } from '../../db/open-database';
import { localWriter } from '../../db/writer';
import { startBridge, type Bridge } from '../bridge/server';
import { JobRunner, spawnTypeScriptWorker } from '../jobs/job-runner';
import { playwrightPrinter } from '../pack/pdf/playwright-printer';

export const RENDERER_OUT = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const VITE_CONFIG = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../../package.json', import.meta.url));

export interface PreviewOptions {
  /** The database to serve; created with the demo dataset when `createDemo` and missing. */
  readonly dbPath: string;
  readonly createDemo?: boolean;
  /** Build the renderer first (default true); tests build once and pass false. */
  readonly build?: boolean;
  readonly port?: number;
}

export interface Preview {
  readonly bridge: Bridge;
  readonly dbPath: string;
  close(): Promise<void>;
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(PACKAGE, 'utf8')) as { version: string }).version;
}

/** Builds the renderer with Vite into out/renderer/. */
export async function buildRenderer(): Promise<void> {
  await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
}

/**
 * The browser preview: the real renderer served with the same handler table over
 * the HTTP bridge, against a real database file. What the end-to-end tests drive
 * and what anyone without Electron's binary can open.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  if (options.build !== false) await buildRenderer();
  const database = options.createDemo ? await openOrCreateDemo(options.dbPath) : await openDatabase(options.dbPath);
  const jobs = new JobRunner(spawnTypeScriptWorker, (event) => bridge.emit(event));
  // Chromium starts on the first PDF export only.
  const printer = playwrightPrinter();
  const bridge: Bridge = await startBridge({
    context: {
      db: database.db,
      writer: localWriter(),
      databasePath: options.dbPath,
      version: appVersion(),
      jobs,
      printer,
    },
    staticDir: RENDERER_OUT,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return {
    bridge,
    dbPath: options.dbPath,
    close: async () => {
      await jobs.stopAll();
      await bridge.close();
      await printer.close();
      await database.close();
    },
  };
}
