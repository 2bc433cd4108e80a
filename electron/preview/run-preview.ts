import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { openOrCreateDemo } from '../../db/demo/open-or-create-demo';
import { openDatabase } from '../../db/open-database';
import { localWriter } from '../../db/writer';
import { isPostgresUrl } from '../../shared/database-location';
import { DatabaseSession } from '../app/database-session';
import { openTeamDatabase, previewTeamAccess } from '../app/team-database';
import { startBridge, type Bridge } from '../bridge/server';
import { JobRunner, spawnTypeScriptWorker } from '../jobs/job-runner';
import { playwrightPrinter } from '../pack/pdf/playwright-printer';

export const RENDERER_OUT = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const VITE_CONFIG = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../../package.json', import.meta.url));

export interface PreviewOptions {
  /**
   * The database to serve: a file (created with the demo dataset when
   * `createDemo` and missing) or a team database's postgres:// URL.
   */
  readonly location: string;
  readonly createDemo?: boolean;
  /** Build the renderer first (default true); tests build once and pass false. */
  readonly build?: boolean;
  /** The built renderer to serve (default out/renderer/). */
  readonly rendererDir?: string;
  readonly port?: number;
}

export interface Preview {
  readonly bridge: Bridge;
  /** The database it was started on (another may be open since: team.connect). */
  readonly location: string;
  close(): Promise<void>;
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(PACKAGE, 'utf8')) as { version: string }).version;
}

/** Builds the renderer with Vite into out/renderer/, or into `outDir`. */
export async function buildRenderer(outDir?: string): Promise<void> {
  await build({
    configFile: VITE_CONFIG,
    logLevel: 'warn',
    ...(outDir === undefined ? {} : { build: { outDir, emptyOutDir: true } }),
  });
}

/**
 * The browser preview: the real renderer served with the same handler table over
 * the HTTP bridge, against a real database (a file, or a team database on
 * PostgreSQL). What the end-to-end tests drive and what anyone without
 * Electron's binary can open.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  if (options.build !== false) await buildRenderer(options.rendererDir);
  // A team database's refusal is said without its password.
  const database = isPostgresUrl(options.location)
    ? await openTeamDatabase(options.location)
    : options.createDemo
      ? await openOrCreateDemo(options.location)
      : await openDatabase(options.location);
  const jobs = new JobRunner(spawnTypeScriptWorker, (event) => bridge.emit(event));
  // Chromium starts on the first PDF export only.
  const printer = playwrightPrinter();
  const session: DatabaseSession = new DatabaseSession(database, {
    version: appVersion(),
    writer: localWriter(),
    emit: (event) => bridge.emit(event),
    jobs,
    printer,
    teamDatabase: previewTeamAccess(() => session),
    contextChanged: (context) => bridge.setContext(context),
  });
  const bridge: Bridge = await startBridge({
    context: session.context(),
    staticDir: options.rendererDir ?? RENDERER_OUT,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return {
    bridge,
    location: options.location,
    close: async () => {
      await jobs.stopAll();
      await bridge.close();
      await printer.close();
      await session.close();
    },
  };
}
