import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase } from '../../db/open-database';
import { startPreview, type Preview } from '../../electron/preview/run-preview';
import { suitePath } from '../helpers/temp-files';
import { launchChromium } from './chromium';

export { CHROMIUM, launchChromium } from './chromium';

export const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** The window's size where a test does not choose one. */
const VIEWPORT = { width: 1400, height: 900 };

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
  const context = await browser.newContext({ viewport: VIEWPORT });
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

export interface TwoWindows {
  /** The app, whose page is the first window. */
  readonly app: RunningApp;
  readonly first: Page;
  readonly second: Page;
  /** Closes both windows, the preview servers and Chromium. */
  readonly close: () => Promise<void>;
}

export interface TwoWindowsOptions {
  /** Both windows' size; 1400 × 900 by default. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /**
   * Opens the second window through a preview server of its own on the same database file, as two laptops on
   * one team database: neither hears of the other's saves. By default both windows share one preview server.
   */
  readonly ownServer?: boolean;
}

/**
 * Two windows on one database, for editing together: Chromium, openApp's page
 * as the first window, and a second window in a browser context of its own.
 */
export async function openTwoWindows(options: TwoWindowsOptions = {}): Promise<TwoWindows> {
  const closing: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const step of closing.splice(0).reverse()) await step();
  };
  try {
    const browser = await launchChromium();
    closing.push(() => browser.close());
    const app = await openApp(browser);
    closing.push(() => app.close());
    if (options.viewport) await app.page.setViewportSize(options.viewport);
    let server = app.preview;
    if (options.ownServer) {
      const own = await startPreview({ location: app.dbPath, build: false });
      closing.push(() => own.close());
      server = own;
    }
    const context = await browser.newContext({ viewport: options.viewport ?? VIEWPORT });
    closing.push(() => context.close());
    const second = await context.newPage();
    await second.goto(server.bridge.pageUrl);
    return { app, first: app.page, second, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A full-page screenshot under test-results/, kept as an artifact to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Where the e2e tests also keep their screenshots, to look at while working. */
export const SHOTS = '/tmp/shots';

/**
 * The whole screen, though the app scrolls inside its main area: the window is
 * made as tall as the main area for the shot, and put back. Kept under
 * test-results/ and /tmp/shots/.
 */
export async function screenshotWhole(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? VIEWPORT;
  const height = await page.evaluate(() => document.querySelector('.app-main')?.scrollHeight ?? 900);
  await page.setViewportSize({ width: size.width, height: Math.min(height + 160, 4000) });
  await page.waitForTimeout(300);
  const path = await screenshot(page, name);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(path, join(SHOTS, `${name}.png`));
  await page.setViewportSize(size);
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
