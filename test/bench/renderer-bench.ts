import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { openDatabase } from '../../db/open-database';
import { localWriter } from '../../db/writer';
import { startBridge } from '../../electron/bridge/server';
import { appVersion } from '../../electron/preview/run-preview';
import { launchChromium } from '../e2e/chromium';
import { median, type Measurement } from './measure';
import { buildSyntheticDatabase, type SyntheticShape } from './synthetic-database';

/**
 * The Figures screen in real Chromium (Debian's, through playwright-core) against
 * the preview bridge and a 100,000-figure database: how soon the grid shows its
 * first rows, how much main-thread work a frame of scrolling costs, and how long
 * an edit takes from the Enter that commits it to "Saved" in the status bar.
 * Every time is taken inside the page (performance.now()), so the DevTools
 * protocol's round trips are not in it.
 */

/** 100 areas × 10 indicators × 100 periods. */
export const RENDERER_SHAPE: SyntheticShape = { areas: 100, indicators: 10, periods: 100 };
const FIGURES = RENDERER_SHAPE.areas * RENDERER_SHAPE.indicators * RENDERER_SHAPE.periods;
const COUNT = FIGURES.toLocaleString('en-GB');

export const FIRST_RENDER_BUDGET_MS = 1000;
export const SCROLL_FRAME_BUDGET_MS = 16;
export const EDIT_BUDGET_MS = 50;
const RENDER_RUNS = 5;
const SCROLL_RUNS = 5;
const EDIT_RUNS = 10;
/** Ten screens, one every SCROLL_EVERY frames. */
const SCREENS = 10;
const SCROLL_EVERY = 3;

export interface RendererLine {
  readonly measurement: Measurement;
  readonly floor?: Measurement;
}

export interface RendererBench {
  readonly lines: readonly RendererLine[];
  /** What the scroll frames looked like as a whole, for the report below the table. */
  readonly frameNote: string;
}

/**
 * page.evaluate for functions with inner named functions: tsx (esbuild's
 * keepNames) wraps them in a `__name` helper that exists only in Node, so the
 * function is sent as source with a stand-in for it.
 */
function inPage<Arg, Result>(page: Page, fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result> {
  return page.evaluate<Result>(
    `(() => { const __name = (target) => target; return (${fn.toString()})(${JSON.stringify(arg)}); })()`,
  );
}

const line = (name: string, runs: readonly number[], budgetMs: number): Measurement => ({
  name,
  runs: runs.length,
  medianMs: median(runs),
  budgetMs,
});

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** A fresh page (empty query cache) on the Plans screen, its first requests settled. */
async function freshApp(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.getByRole('navigation').getByRole('link', { name: 'Figures', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * From the click on "Figures" in the navigation to the first frame in which the
 * Figures grid holds every figure (aria-rowcount) and shows at least ten rows
 * with their values: measured in the page, ending at the animation frame after
 * the rows are in the DOM (the frame that paints them).
 */
async function firstRender(page: Page, url: string): Promise<number> {
  await freshApp(page, url);
  return inPage(
    page,
    ([expectedRowCount]: readonly [number]) =>
      new Promise<number>((resolve, reject) => {
        const link = [...document.querySelectorAll<HTMLAnchorElement>('nav a')].find(
          (anchor) => anchor.textContent === 'Figures',
        );
        if (!link) {
          reject(new Error('no Figures link'));
          return;
        }
        const start = performance.now();
        link.click();
        const shown = () => {
          const grid = document.querySelector('[role="grid"][aria-label="Figures"]');
          if (grid?.getAttribute('aria-rowcount') !== String(expectedRowCount)) return false;
          const values = grid.querySelectorAll('[role="row"][data-row-id] [data-column="value"]');
          return values.length >= 10 && [...values].slice(0, 10).every((cell) => cell.textContent !== '');
        };
        const poll = () => {
          if (shown()) requestAnimationFrame(() => resolve(performance.now() - start));
          else if (performance.now() - start > 60_000) reject(new Error('the Figures grid never showed its rows'));
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }),
    [FIGURES + 2] as const,
  );
}

/** The floor of the first render: the same figures.list call made by fetch in the page, and its JSON parsed. */
async function rawList(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
    const start = performance.now();
    const response = await fetch('/api/figures.list', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const result = (await response.json()) as { ok: boolean };
    if (!result.ok) throw new Error('figures.list failed');
    return performance.now() - start;
  });
}

interface ScrollRun {
  /** Per frame: from the frame's first scroll event to its style and layout done (script + style + layout). */
  readonly work: number[];
  /** Intervals between consecutive animation frames while scrolling (total frame time as the page sees it). */
  readonly intervals: number[];
}

/**
 * Scrolls the Figures grid ten screens down, one screen every few frames, and
 * times each frame's main-thread work: from its first scroll event (a capture
 * listener on window runs before the grid's own) to the end of style and
 * layout, forced in the frame's animation callback. Paint and raster follow
 * on other threads and are not in it; the frame intervals are reported beside.
 */
async function scrollTen(page: Page, from: number): Promise<ScrollRun> {
  return inPage(
    page,
    ([screens, every, startRow]: readonly [number, number, number]) =>
      new Promise<ScrollRun>((resolve, reject) => {
        const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Figures"]');
        if (!grid) throw new Error('no Figures grid');
        const head = grid.querySelector<HTMLElement>('.grid-head')?.offsetHeight ?? 0;
        const screen = grid.clientHeight - head;
        grid.scrollTop = startRow * 34;
        const work: number[] = [];
        const intervals: number[] = [];
        let scrollStart = -1;
        const onScroll = () => {
          if (scrollStart < 0) scrollStart = performance.now();
        };
        let frame = 0;
        let scrolled = 0;
        let last = -1;
        const tick = (time: number) => {
          if (scrollStart >= 0) {
            // Style and layout of what the scroll handlers changed, done now rather than after this callback.
            void grid.querySelector('.grid-body')?.getBoundingClientRect();
            work.push(performance.now() - scrollStart);
            scrollStart = -1;
          }
          if (last >= 0 && scrolled > 0) intervals.push(time - last);
          last = time;
          frame += 1;
          if (frame % every === 0 && scrolled < screens) {
            grid.scrollTop += screen;
            scrolled += 1;
          }
          if (scrolled < screens || frame % every !== 1) requestAnimationFrame(tick);
          else {
            window.removeEventListener('scroll', onScroll, { capture: true });
            // The rows now in view are the ones ten screens down, with their values: the frames did render them.
            const expected = Math.floor(grid.scrollTop / 34) + 3;
            const shown = [...grid.querySelectorAll('[role="row"][data-row-id]')].filter(
              (row) => Math.abs(Number(row.getAttribute('aria-rowindex')) - expected) <= 2,
            );
            if (shown.length === 0 || shown.some((row) => !row.querySelector('[data-column="value"]')?.textContent)) {
              reject(new Error(`no rendered rows around row ${expected} after scrolling`));
            } else resolve({ work, intervals });
          }
        };
        // Let the jump to the start settle first; only then listen, so that jump is not counted.
        setTimeout(() => {
          window.addEventListener('scroll', onScroll, { capture: true });
          requestAnimationFrame(tick);
        }, 300);
      }),
    [SCREENS, SCROLL_EVERY, from] as const,
  );
}

interface EditTiming {
  readonly ms: number;
  readonly text: string;
}

/**
 * One edit of a value cell: click, Enter, type, then the Enter that commits is
 * timed in the page, from its keydown to the frame after the status bar
 * (role=status) turns from "Saving…" to "Saved" (which the app shows only when
 * the API answered that the write is committed).
 */
async function editOnce(page: Page, rowIndex: number, value: number): Promise<EditTiming> {
  // By position on screen (aria-rowindex: the header rows are 1 and 2), not DOM order, which the grid's row reuse shuffles.
  const cell = page
    .getByRole('grid', { name: 'Figures', exact: true })
    .locator(`[role="row"][aria-rowindex="${rowIndex + 3}"]`)
    .locator('[role="gridcell"][data-column="value"]');
  await cell.click();
  await page.keyboard.press('Enter');
  await page.locator('[role="gridcell"] .cell-editor:focus').fill(String(value));
  await inPage(
    page,
    () => {
      const status = document.querySelector('[data-testid="save-status"]');
      if (!status) throw new Error('no status bar');
      const done = new Promise<{ ms: number; text: string }>((resolve) => {
        let start = -1;
        let saving = false;
        window.addEventListener(
          'keydown',
          (event) => {
            if (event.key === 'Enter') start = performance.now();
          },
          { capture: true, once: true },
        );
        const observer = new MutationObserver(() => {
          const text = status.textContent ?? '';
          if (text.startsWith('Saving')) saving = true;
          if (saving && (text === 'Saved' || text.startsWith('Failed'))) {
            observer.disconnect();
            requestAnimationFrame(() => resolve({ ms: performance.now() - start, text }));
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      });
      (window as unknown as { benchEdit: typeof done }).benchEdit = done;
    },
    null,
  );
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as unknown as { benchEdit: Promise<EditTiming> }).benchEdit);
}

type UpdateAnswer = {
  ok: boolean;
  value?: { version: number };
  error?: { current?: { record: { version: number } } };
};

/** One figures.update by fetch in the page, and how long it took. (No named functions inside: tsx would wrap them.) */
function fetchUpdate(page: Page, id: number, value: number, version: number) {
  return page.evaluate(
    async ([figureId, newValue, fromVersion]) => {
      const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
      const start = performance.now();
      const response = await fetch('/api/figures.update', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: figureId, version: fromVersion, changes: { value: newValue } }),
      });
      const answer = (await response.json()) as UpdateAnswer;
      return { ms: performance.now() - start, answer };
    },
    [id, value, version] as const,
  );
}

/** The figure's version as the floor last saved it: learnt once, untimed, from a stale refusal's current record. */
const floorVersions = new WeakMap<Page, number>();

/** The floor of an edit: the same figures.update call made by fetch in the page, from the figure's version. */
async function rawUpdate(page: Page, id: number, value: number): Promise<number> {
  let version = floorVersions.get(page);
  if (version === undefined) {
    const probe = (await fetchUpdate(page, id, value, 1)).answer;
    version = probe.value?.version ?? probe.error?.current?.record.version ?? 1;
  }
  const { ms, answer } = await fetchUpdate(page, id, value, version);
  if (!answer.ok || !answer.value) throw new Error('figures.update failed');
  floorVersions.set(page, answer.value.version);
  return ms;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const VITE_CONFIG = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));

/**
 * Builds the renderer and a 100,000-figure database in `folder`, serves them
 * through the preview's bridge, and measures the three figures of the Figures
 * screen in Chromium. The renderer is built for production into `folder`, not
 * out/renderer: the end-to-end tests build there too (under vitest, as a React
 * development build), and a run of them must not change what is measured.
 */
export async function benchRenderer(folder: string): Promise<RendererBench> {
  const staticDir = join(folder, 'renderer');
  await build({
    configFile: VITE_CONFIG,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: staticDir, emptyOutDir: true },
  });
  const dbPath = join(folder, 'renderer-figures.db');
  const database = await openDatabase(dbPath, { create: true });
  try {
    const written = await buildSyntheticDatabase(database.db, RENDERER_SHAPE);
    if (written !== FIGURES) throw new Error(`wrote ${written} figures, not ${FIGURES}`);
  } catch (error) {
    await database.close();
    throw error;
  }
  const bridge = await startBridge({
    context: { db: database.db, writer: localWriter('bench'), databaseLocation: dbPath, version: appVersion() },
    staticDir,
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const url = bridge.pageUrl;

    // 1. First render: one warm-up (the browser's caches of the bundle), then RENDER_RUNS.
    await firstRender(page, url);
    const renders: number[] = [];
    for (let run = 0; run < RENDER_RUNS; run += 1) renders.push(await firstRender(page, url));

    // 2. Scrolling, on the grid the last first render left.
    const work: number[] = [];
    const intervals: number[] = [];
    const p95s: number[] = [];
    for (let run = 0; run < SCROLL_RUNS; run += 1) {
      const result = await scrollTen(page, 1000 + run * 15_000);
      work.push(...result.work);
      intervals.push(...result.intervals);
      p95s.push(percentile(result.work, 95));
    }
    await page.locator('[role="grid"][aria-label="Figures"]').evaluate((grid) => (grid.scrollTop = 0));
    await pause(300);

    // 3. Edits: one warm-up, then EDIT_RUNS on the first rows' values.
    const edits: number[] = [];
    for (let run = 0; run <= EDIT_RUNS; run += 1) {
      const timing = await editOnce(page, run % 5, 5000 + run);
      if (timing.text !== 'Saved') throw new Error(`the edit ended "${timing.text}"`);
      if (run > 0) edits.push(timing.ms);
      await pause(150);
    }
    const firstId = Number(
      await page
        .getByRole('grid', { name: 'Figures', exact: true })
        .locator('[role="row"][data-row-id]')
        .first()
        .getAttribute('data-row-id'),
    );
    if (errors.length > 0) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    await page.close();
    const sqlite = new BetterSqlite3(dbPath, { readonly: true });
    try {
      const stored = sqlite.prepare('select count(*) as n from figure where value between 5001 and 5010').get() as {
        n: number;
      };
      if (stored.n === 0) throw new Error('the edits are not in the database');
    } finally {
      sqlite.close();
    }

    // Floors: the same API calls by fetch from a blank page of the same origin (no app in it to refetch).
    const blank = await context.newPage();
    await blank.route(`${bridge.url}/bench-blank`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }),
    );
    await blank.goto(`${bridge.url}/bench-blank#token=${bridge.token}`);
    await rawList(blank);
    const lists: number[] = [];
    for (let run = 0; run < RENDER_RUNS; run += 1) lists.push(await rawList(blank));
    const updates: number[] = [];
    for (let run = 0; run <= EDIT_RUNS; run += 1) {
      const time = await rawUpdate(blank, firstId, 9000 + run);
      if (run > 0) updates.push(time);
    }

    const frames = intervals.length;
    const long = intervals.filter((interval) => interval > 1000 / 60 + 4).length;
    return {
      lines: [
        {
          measurement: line(
            `Figures screen, first rows of ${COUNT} figures in Chromium`,
            renders,
            FIRST_RENDER_BUDGET_MS,
          ),
          floor: line('floor: figures.list fetched and parsed in a blank page', lists, Number.POSITIVE_INFINITY),
        },
        {
          measurement: line(
            `scroll ${COUNT} figures, 10 screens: main-thread script+style+layout per frame, p95`,
            p95s,
            SCROLL_FRAME_BUDGET_MS,
          ),
        },
        {
          measurement: line(`edit a figure among ${COUNT}: Enter to "Saved"`, edits, EDIT_BUDGET_MS),
          floor: line('floor: figures.update fetched in a blank page', updates, Number.POSITIVE_INFINITY),
        },
      ],
      frameNote:
        `scroll frames: ${frames} intervals, p95 ${percentile(intervals, 95).toFixed(1)} ms, median ${median(intervals).toFixed(1)} ms, ` +
        `${long} longer than a 60 Hz frame (headless software rendering); per-frame work p50 ${median(work).toFixed(1)} ms, max ${Math.max(...work).toFixed(1)} ms`,
    };
  } finally {
    await browser.close();
    await bridge.close();
    await database.close();
  }
}
