import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, seriousViolations, type RunningApp } from './harness';

/**
 * The renderer in real Chromium, through the preview bridge, against a real
 * database: the secretary's week in one session, then the database read back
 * with SQL, not only on screen.
 */

let browser: Browser;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser);
  page = app.page;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const SCREENS = [
  'Plans',
  'Delivery groups',
  'Partners & people',
  'Areas',
  'Periods',
  'Indicators',
  'Figures',
  'Funding',
  'Glossary',
] as const;

const grid = (label: string): Locator => page.getByRole('grid', { name: label, exact: true });
const status = (): Locator => page.getByRole('status').filter({ hasText: /Saved|Saving|Failed|saved as you type/ });

async function go(screen: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: screen, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(screen);
}

/** Narrows a grid to rows whose column contains `text`, through its filter input. */
async function filter(gridLabel: string, column: string, text: string): Promise<void> {
  await grid(gridLabel)
    .getByRole('searchbox', { name: `Filter ${column}`, exact: true })
    .fill(text);
}

function cell(gridLabel: string, rowText: string, column: string): Locator {
  return grid(gridLabel)
    .getByRole('row')
    .filter({ hasText: rowText })
    .first()
    .locator(`[role="gridcell"][data-column="${column}"]`);
}

async function editCell(target: Locator, text: string): Promise<void> {
  await target.click();
  await page.keyboard.press('Enter');
  // The cell's editor is the focused control once Enter starts an edit.
  const editor = page.locator('[role="gridcell"] .cell-editor:focus');
  await editor.fill(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => status().textContent(), { timeout: 10_000 }).toMatch(/Saved/);
}

describe('the workspace in Chromium', () => {
  it('opens on the demo data', async () => {
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Safer Buckinghamshire Board');
    await go('Plans');
    await expect
      .poll(() => grid('Plans').getByRole('row').filter({ hasText: 'Safer Bucks Plan 2014-15' }).count())
      .toBe(1);
  });

  it.each(SCREENS)(
    'shows the %s screen with no serious accessibility violation and keeps a screenshot',
    async (screen) => {
      await go(screen);
      await page.waitForLoadState('networkidle');
      await screenshot(page, `screen-${screen.toLowerCase().replace(/[^a-z]+/g, '-')}`);
      expect(await seriousViolations(page)).toEqual([]);
    },
  );

  it("edits an activity's desired outcome", async () => {
    await go('Plans');
    await grid('Plans').getByRole('row').filter({ hasText: 'Safer Bucks Plan 2014-15' }).first().click();
    await grid('Priorities').getByRole('row').filter({ hasText: 'Reducing violence' }).first().click();
    await filter('Activities', 'Activity', 'MARAC IDVAs');
    await editCell(cell('Activities', 'MARAC IDVAs', 'desiredOutcome'), 'Fewer high risk DV victims harmed again');
    await screenshot(page, 'edit-activity');
  });

  it('adds a priority', async () => {
    await page.getByRole('button', { name: 'Add priority' }).click();
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toMatch(/Saved/);
    const added = grid('Priorities')
      .locator('[role="gridcell"][data-column="title"]')
      .filter({ hasText: /New priority/ });
    await editCell(added.first(), 'Tackling violence against women and girls');
  });

  it('pastes a 3×4 block of figures as new rows, after a preview', async () => {
    await go('Figures');
    const block = [
      'Domestic burglary\tAylesbury\t2013/14\t301',
      'Domestic burglary\tChiltern & South Bucks\t2013/14\t598',
      'Domestic burglary\tWycombe\t2013/14\t"1,021"',
    ].join('\n');
    const box = page.getByRole('textbox', { name: /add figures|paste/i }).first();
    await box.focus();
    await page.evaluate((text) => {
      const target = document.activeElement as HTMLElement;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, block);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toMatch(/Add/);
    await screenshot(page, 'paste-preview');
    await dialog
      .getByRole('button', { name: /write|add|confirm/i })
      .first()
      .click();
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toMatch(/Saved/);
  });

  it('sorts and filters the figures by their headers and moves through them by keyboard', async () => {
    await go('Figures');
    const figures = grid('Figures');
    // Rows in screen order: the grid reuses row elements while scrolling, so DOM order is not screen order.
    const shown = (column: string) =>
      figures.locator('[role="row"][data-row-id]').evaluateAll(
        (rows, name) =>
          rows
            .map((row) => ({
              at: Number(row.getAttribute('aria-rowindex')),
              text: row.querySelector(`[data-column="${name}"]`)?.textContent ?? '',
            }))
            .sort((a, b) => a.at - b.at)
            .map((row) => row.text),
        column,
      );
    const areaHeader = figures.getByRole('columnheader', { name: /^Area/ });
    await areaHeader.click();
    await expect.poll(() => areaHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await shown('areaId');
    const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
    expect(ascending).toEqual([...ascending].sort(collator.compare));
    await areaHeader.click();
    await expect.poll(() => areaHeader.getAttribute('aria-sort')).toBe('descending');
    // The rendered rows are the first of 124; the first row sorted Z to A comes after every one of them.
    const descending = await shown('areaId');
    expect(descending).toEqual([...descending].sort(collator.compare).reverse());
    expect(collator.compare(descending[0] ?? '', ascending.at(-1) ?? '')).toBeGreaterThanOrEqual(0);
    await filter('Figures', 'Area', 'wycombe');
    await expect.poll(async () => (await shown('areaId')).every((area) => area === 'Wycombe')).toBe(true);
    await expect.poll(() => page.locator('.grid-count').first().textContent()).toMatch(/ of /);
    await figures.locator('[role="row"][aria-rowindex="3"] [data-column="indicatorId"]').click();
    await page.keyboard.press('Control+End');
    const last = await figures.getAttribute('aria-rowcount');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex')))
      .toBe(last);
    await filter('Figures', 'Area', '');
    await areaHeader.click();
    await expect.poll(() => areaHeader.getAttribute('aria-sort')).toBe('none');
  });

  it('undoes one edit', async () => {
    await go('Glossary');
    await filter('Glossary', 'Term', 'IDVA');
    await editCell(cell('Glossary', 'IDVA', 'definition'), 'A typo the secretary regrets');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toMatch(/Saved|Undone/);
    await expect
      .poll(() => cell('Glossary', 'IDVA', 'definition').textContent())
      .toBe('Independent Domestic Violence Advocate');
  });

  it('after a reload, the database holds exactly what was done', async () => {
    await page.reload();
    await go('Plans');
    expect(
      app.query<{ desired_outcome: string }>(
        "select desired_outcome from activity where activity = 'Support continuation of effective MARAC IDVAs'",
      ),
    ).toEqual([{ desired_outcome: 'Fewer high risk DV victims harmed again' }]);
    expect(
      app
        .query<{ ref: string; title: string }>(
          "select p.ref, p.title from priority p join plan on plan.id = p.plan_id where plan.key = 'sbp-2014-15' order by p.position",
        )
        .map((row) => row.title),
    ).toEqual([
      'Reducing violence',
      'Reducing acquisitive crime and reducing reoffending',
      'Reducing anti-social behaviour',
      'Working with communities to address the negative impact of drug and alcohol misuse',
      'Working together to address emerging concerns',
      'Addressing concerns and issues relating to gangs',
      'Countywide priorities for supporting stronger communities',
      'Protecting the vulnerable',
      'Tackling violence against women and girls',
    ]);
    expect(
      app.query<{ area: string; value: number }>(
        `select a.name as area, f.value from figure f join area a on a.id = f.area_id join period p on p.id = f.period_id
         join indicator i on i.id = f.indicator_id where i.name = 'Domestic burglary' and p.label = '2013/14' order by a.name`,
      ),
    ).toEqual([
      { area: 'Aylesbury', value: 301 },
      { area: 'Chiltern & South Bucks', value: 598 },
      { area: 'Wycombe', value: 1021 },
    ]);
    expect(app.query<{ definition: string }>("select definition from glossary_term where term = 'IDVA'")).toEqual([
      { definition: 'Independent Domestic Violence Advocate' },
    ]);
    expect(app.pageErrors).toEqual([]);
  });
});
