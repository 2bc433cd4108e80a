import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase } from '../../db/open-database';
import { startPreview, type Preview } from '../../electron/preview/run-preview';
import { suitePath } from '../helpers/temp-files';

export { CHROMIUM, launchChromium } from './chromium';

export const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

export interface RunningApp {
  readonly page: Page;
  readonly preview: Preview;
  readonly dbPath: string;
  /** Console errors and CSP violations the page reported. */
  readonly pageErrors: string[];
  /** Rows from the app's database file, read on a read-only connection of their own. */
  query<T>(sql: string, ...params: unknown[]): T[];
  close(): Promise<void>;
}

/**
 * The real renderer in real Chromium, through the preview bridge, on a fresh
 * copy of the demo database kept for the test file. The renderer is built once
 * by the global setup.
 */
export async function openApp(browser: Browser): Promise<RunningApp> {
  const dbPath = suitePath('e2e.db');
  const created = await openDatabase(dbPath, { create: true });
  await loadDemoDataset(created.db, { actor: 'e2e', now: () => '2026-11-26T09:00:00.000Z' });
  await created.close();
  const preview = await startPreview({ location: dbPath, build: false });
  // axe-core needs a page made through a context.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(preview.bridge.pageUrl);
  return {
    page,
    preview,
    dbPath,
    pageErrors,
    query: <T>(sql: string, ...params: unknown[]): T[] => {
      const db = new BetterSqlite3(dbPath, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    close: async () => {
      await context.close();
      await preview.close();
    },
  };
}

/** A full-page screenshot under test-results/, kept as an artifact to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}
