import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureRows, saveInto, showFigures, storedBurglaries, typeInto } from './figures';
import { openTwoWindows, screenshot, seriousViolations, type RunningApp } from './harness';

/**
 * A pasted block and someone else's save (issue 9, point 3), in real Chromium:
 * window 2 previews a block over figures that window 1 then saves. Writing the
 * block is refused whole, the dialog says who saved what and marks the lines
 * with what is saved now, and the user writes over theirs or cancels and keeps
 * them. Nothing is overwritten unseen.
 */

let app: RunningApp;
let first: Page;
let second: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, first, second, close } = await openTwoWindows());
}, 60_000);

afterAll(() => close?.());

const valueCell = (page: Page, area: string): Locator =>
  figureRows(page).filter({ hasText: area }).locator('[role="gridcell"][data-column="value"]');

/** The Figures screen narrowed to the domestic burglaries of Apr-Dec 2013, Aylesbury's and Wycombe's. */
async function showBurglaries(page: Page): Promise<void> {
  await showFigures(page, { Indicator: 'Domestic burglary', Area: 'y', Period: 'Apr-Dec 2013' });
  await expect.poll(() => figureRows(page).count()).toBeGreaterThanOrEqual(2);
}

/** Pastes a block at a cell, as Ctrl+V of cells copied from a spreadsheet does. */
async function pasteAt(page: Page, cell: Locator, text: string): Promise<void> {
  await cell.click();
  await page.evaluate((block) => {
    const data = new DataTransfer();
    data.setData('text/plain', block);
    (document.activeElement as HTMLElement).dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

const stored = (area: string) => storedBurglaries(app, area);

describe('a block pasted over a figure someone else saves meanwhile', () => {
  it('is refused whole, says who saved what, and marks the line with what is saved now', async () => {
    await showBurglaries(first);
    await showBurglaries(second);
    const wycombe = stored('Wycombe');
    const aylesbury = stored('Aylesbury');
    if (!wycombe || !aylesbury) throw new Error('the demo has no burglaries for Wycombe and Aylesbury');
    // Aylesbury sorts before Wycombe: the block's two lines land on Aylesbury, then the next row.
    await expect.poll(() => valueCell(second, 'Wycombe').count()).toBe(1);
    const order = await figureRows(second).evaluateAll((found) =>
      found
        .map((row) => ({
          at: Number(row.getAttribute('aria-rowindex')),
          area: row.querySelector('[data-column="areaId"]')?.textContent ?? '',
        }))
        .sort((a, b) => a.at - b.at)
        .map((row) => row.area),
    );
    const next = order[order.indexOf('Aylesbury') + 1];
    expect(next).toBeDefined();

    await pasteAt(second, valueCell(second, 'Aylesbury'), '333\n444');
    const dialog = second.getByRole('dialog', { name: 'Paste figures' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('#paste-summary').textContent()).toMatch(/adds 0 figures and changes 2 figures/);

    // Meanwhile the first window saves Aylesbury's figure.
    await saveInto(first, valueCell(first, 'Aylesbury'), '312');
    expect(stored('Aylesbury')).toEqual({ value: 312, version: aylesbury.version + 1 });

    await dialog.getByRole('button', { name: 'Write 2 figures' }).click();
    const refusal = dialog.locator('.error-text');
    await expect.poll(() => refusal.textContent(), { timeout: 10_000 }).toMatch(/^Nothing was written: /);
    expect(await refusal.textContent()).toMatch(
      /someone else saved a figure of this block since you loaded it \(line 1: .* changed Aylesbury, Domestic burglary, Apr-Dec 2013 from \d+ to 312 at \d\d:\d\d; your 333 was not saved\)\. The line saved since is marked with what is saved now: write again to put yours over theirs, or cancel to keep theirs\./,
    );
    const marked = dialog.getByRole('row').filter({ hasText: 'Saved since by someone else: 312' });
    expect(await marked.count()).toBe(1);
    // The marked line is listed first.
    expect(await dialog.locator('tbody tr').first().textContent()).toContain('Saved since by someone else: 312');
    await screenshot(second, 'stale-paste-refused');
    expect(await seriousViolations(second)).toEqual([]);
    // Nothing of the block was written, not even the line nobody else touched.
    expect(stored('Aylesbury')).toEqual({ value: 312, version: aylesbury.version + 1 });
  });

  it('writes over theirs when its author writes again, and the change log holds both saves', async () => {
    const dialog = second.getByRole('dialog', { name: 'Paste figures' });
    await dialog.getByRole('button', { name: 'Write over theirs: 2 figures' }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => second.locator('.written').textContent()).toMatch(/0 figures added, 2 changed/);
    expect(stored('Aylesbury')?.value).toBe(333);
    await expect.poll(() => valueCell(first, 'Aylesbury').textContent(), { timeout: 10_000 }).toBe('333');
    const log = app.query<{ new_values: string }>(
      `select c.new_values from change_log c join figure f on f.id = c.row_id join area a on a.id = f.area_id
       join indicator i on i.id = f.indicator_id join period p on p.id = f.period_id
       where c.table_name = 'figure' and c.operation = 'update' and a.name = 'Aylesbury'
         and i.name = 'Domestic burglary' and p.label = 'Apr-Dec 2013' order by c.id`,
    );
    expect(log.map((entry) => entry.new_values)).toEqual(['{"value":312}', '{"value":333}']);
  });

  it('keeps theirs when its author cancels', async () => {
    await pasteAt(second, valueCell(second, 'Aylesbury'), '555');
    const dialog = second.getByRole('dialog', { name: 'Paste figures' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await typeInto(first, valueCell(first, 'Aylesbury'), '320');
    await first.keyboard.press('Enter');
    await expect.poll(() => stored('Aylesbury')?.value, { timeout: 10_000 }).toBe(320);
    await dialog.getByRole('button', { name: 'Write 1 figure' }).click();
    await expect
      .poll(() => dialog.getByRole('row').filter({ hasText: 'Saved since by someone else: 320' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(stored('Aylesbury')?.value).toBe(320);
    await expect.poll(() => valueCell(second, 'Aylesbury').textContent(), { timeout: 10_000 }).toBe('320');
    expect(app.pageErrors).toEqual([]);
  });
});
