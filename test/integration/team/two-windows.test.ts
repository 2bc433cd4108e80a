import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import { openDatabase } from '../../../db/open-database';
import { buildRenderer, startPreview, type Preview } from '../../../electron/preview/run-preview';
import { describeLocation } from '../../../shared/database-location';
import { launchChromium, screenshot } from '../../e2e/harness';
import { suitePath } from '../../helpers/temp-files';
import { asPostgresAdmin, newPostgresDatabase } from '../../helpers/test-engine';

/**
 * Issue 9's done-when: the app works against the team database in the
 * preview with two browser windows editing at once, one refused stale save
 * shown and resolved. Two Chromium windows on one preview of a PostgreSQL
 * database holding the demo: both open Wycombe's domestic burglaries for
 * Apr-Dec 2013 (201), the first saves 210, the second's 215 (typed from 201)
 * is refused and shown, and the second keeps theirs over it deliberately.
 * The database ends with 215 and the two changes in its change log.
 */

let team: { url: string; name: string; drop(): Promise<void> };
let preview: Preview;
let browser: Browser;
let first: Page;
let second: Page;
let figureId: number;
const pageErrors: string[] = [];

async function window(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(preview.bridge.pageUrl);
  return page;
}

beforeAll(async () => {
  // A renderer of this file's own: the postgres project builds none, and out/renderer may be rebuilt meanwhile.
  const rendererDir = join(suitePath('renderer'), 'out');
  await buildRenderer(rendererDir);
  team = await newPostgresDatabase();
  const database = await openDatabase(team.url);
  await loadDemoDataset(database.db, { actor: 'secretary', now: () => '2026-11-26T09:00:00.000Z' });
  await database.close();
  const found = await asPostgresAdmin(
    (client) =>
      client.query<{ id: number }>(
        `select f.id from figure f join indicator i on i.id = f.indicator_id join area a on a.id = f.area_id
         join period p on p.id = f.period_id
         where i.name = 'Domestic burglary' and a.name = 'Wycombe' and p.label = 'Apr-Dec 2013'`,
      ),
    team.name,
  );
  figureId = Number(found.rows[0]?.id);
  preview = await startPreview({ location: team.url, build: false, rendererDir });
  browser = await launchChromium();
  first = await window();
  second = await window();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await team?.drop();
});

/** The figure both windows edit, in a window's Figures grid. */
function valueCell(page: Page): Locator {
  return page
    .getByRole('grid', { name: 'Figures', exact: true })
    .getByRole('row')
    .filter({ has: page.locator('[data-column="areaId"]', { hasText: /^Wycombe$/ }) })
    .locator('[role="gridcell"][data-column="value"]');
}

const saveStatus = (page: Page) => page.getByTestId('save-status');

async function openTheFigure(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Figures', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Figures', exact: true });
  for (const [column, text] of [
    ['Indicator', 'Domestic burglary'],
    ['Area', 'Wycombe'],
    ['Period', 'Apr-Dec 2013'],
  ] as const) {
    await grid.getByRole('searchbox', { name: `Filter ${column}`, exact: true }).fill(text);
  }
  await expect.poll(() => valueCell(page).textContent(), { timeout: 15_000 }).toBe('201');
}

/** Starts an edit of the figure's value and types, without committing it yet. */
async function typeValue(page: Page, text: string): Promise<void> {
  await valueCell(page).click();
  await page.keyboard.press('Enter');
  const editor = page.locator('[role="gridcell"] .cell-editor:focus');
  await editor.fill(text);
}

async function figureNow(): Promise<{ value: number; version: number }> {
  const row = await asPostgresAdmin(
    (client) =>
      client.query<{ value: number; version: number }>('select value, version from figure where id = $1', [figureId]),
    team.name,
  );
  const found = row.rows[0];
  if (!found) throw new Error(`figure ${figureId} is gone`);
  return { value: Number(found.value), version: Number(found.version) };
}

describe('two windows on the team database, editing the same figure at once', () => {
  it('both show the team database and the same figure', async () => {
    for (const page of [first, second]) {
      await expect
        .poll(() => page.getByTestId('database-path').textContent())
        .toBe(`Team database ${describeLocation(team.url)}`);
      await openTheFigure(page);
    }
    expect(await figureNow()).toMatchObject({ value: 201 });
  });

  it('saves the first window’s value, while the second window is typing its own', async () => {
    await typeValue(second, '215');
    await typeValue(first, '210');
    await first.keyboard.press('Enter');
    await expect.poll(() => saveStatus(first).textContent(), { timeout: 15_000 }).toBe('Saved');
    expect(await figureNow()).toMatchObject({ value: 210 });
  });

  it('refuses the second window’s save, made from 201, and shows who saved what instead', async () => {
    await second.keyboard.press('Enter');
    const question = second.getByRole('alertdialog', { name: 'Someone else saved this first' });
    await question.waitFor({ timeout: 15_000 });
    const said = (await question.textContent()) ?? '';
    expect(said).toContain('Your value was not saved.');
    expect(said).toMatch(/Saved now\s*210/);
    expect(said).toMatch(/Yours, not saved\s*215/);
    expect(await figureNow()).toMatchObject({ value: 210 });
    await expect.poll(() => valueCell(first).textContent()).toBe('210');
    await screenshot(first, 'team-two-windows-first');
    await screenshot(second, 'team-two-windows-second-refused');
  });

  it('keeps the second window’s value when its user chooses "Keep mine", over 210 deliberately', async () => {
    const question = second.getByRole('alertdialog', { name: 'Someone else saved this first' });
    await question.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => question.count()).toBe(0);
    await expect.poll(() => saveStatus(second).textContent(), { timeout: 15_000 }).toBe('Saved');
    await expect.poll(() => valueCell(second).textContent()).toBe('215');
    // The first window is told, and shows the value chosen.
    await expect.poll(() => valueCell(first).textContent(), { timeout: 15_000 }).toBe('215');
    await screenshot(second, 'team-two-windows-second-resolved');
    await screenshot(first, 'team-two-windows-first-after');
  });

  it('leaves the database with the value chosen and both changes in its change log, nothing overwritten silently', async () => {
    expect(await figureNow()).toEqual({ value: 215, version: 3 });
    const log = await asPostgresAdmin(
      (client) =>
        client.query<{ old_values: string; new_values: string; db_role: string | null }>(
          `select old_values, new_values, db_role from change_log
           where table_name = 'figure' and row_id = $1 and operation = 'update' order by id`,
          [String(figureId)],
        ),
      team.name,
    );
    const changes = log.rows.map((row) => ({
      from: (JSON.parse(row.old_values) as { value: number }).value,
      to: (JSON.parse(row.new_values) as { value: number }).value,
      role: row.db_role,
    }));
    const role = new URL(team.url).username;
    expect(changes).toEqual([
      { from: 201, to: 210, role },
      { from: 210, to: 215, role },
    ]);
    expect(pageErrors).toEqual([]);
  });
});
