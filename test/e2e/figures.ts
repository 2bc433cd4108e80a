import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningApp } from './harness';

/** The Figures screen in a window, and the figures behind it, for the tests of editing together. */

export const figuresGrid = (page: Page): Locator => page.getByRole('grid', { name: 'Figures', exact: true });
export const figureRows = (page: Page): Locator => figuresGrid(page).locator('[role="row"][data-row-id]');
/** The status bar's word on saving. */
export const saveStatus = (page: Page): Locator =>
  page.getByRole('status').filter({ hasText: /Saved|Saving|Failed|saved as you type/ });

/** Opens the Figures screen and narrows the grid with its column filters (column name → text). */
export async function showFigures(page: Page, filters: Readonly<Record<string, string>>): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Figures', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Figures');
  for (const [column, text] of Object.entries(filters)) {
    await figuresGrid(page)
      .getByRole('searchbox', { name: `Filter ${column}`, exact: true })
      .fill(text);
  }
}

/** Starts editing a value cell and types, without committing. */
export async function typeInto(page: Page, cell: Locator, text: string): Promise<void> {
  await cell.click();
  await page.keyboard.press('Enter');
  await page.locator('[role="gridcell"] .cell-editor:focus').fill(text);
}

/** Types into a value cell, commits it with Enter, and waits for the status bar to say it saved. */
export async function saveInto(page: Page, cell: Locator, text: string): Promise<void> {
  await typeInto(page, cell, text);
  await page.keyboard.press('Enter');
  await expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toMatch(/Saved/);
}

/** An area's domestic burglaries of Apr-Dec 2013 as stored, with the row's version. */
export function storedBurglaries(app: RunningApp, area: string): { value: number; version: number } | undefined {
  return app.query<{ value: number; version: number }>(
    `select f.value, f.version from figure f join area a on a.id = f.area_id join period p on p.id = f.period_id
     join indicator i on i.id = f.indicator_id
     where i.name = 'Domestic burglary' and a.name = ? and p.label = 'Apr-Dec 2013'`,
    area,
  )[0];
}
