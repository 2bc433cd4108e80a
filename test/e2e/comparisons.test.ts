import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, screenshotWhole, seriousViolations, type RunningApp } from './harness';

/** The views this test saves (the demo dataset's own, for its demo meetings, are left out). */
const DEMO_VIEWS = (
  JSON.parse(readFileSync(new URL('../../resources/demo/views.json', import.meta.url), 'utf8')) as { name: string }[]
).map((view) => `'${view.name.replaceAll("'", "''")}'`);
const SAVED_BY_TEST = `select name from comparison_view where name not in (${DEMO_VIEWS.join(', ')})`;

/**
 * The Comparisons screen in real Chromium against the demo database: a view is
 * built and saved, its table shows the engine's numbers, its chart is drawn with
 * its summary as the accessible name, and exports download real files.
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

const table = (): Locator => page.getByRole('table', { name: /Domestic burglary|Anti-social behaviour rate/ }).first();

/** A cell of the row headed by exactly this area. */
function cell(area: string, column: string): Locator {
  return table()
    .locator('tbody tr')
    .filter({ has: page.locator('th').getByText(area, { exact: true }) })
    .locator(`[data-column="${column}"]`);
}

async function pick(list: string, option: string): Promise<void> {
  await page
    .getByRole('listbox', { name: list, exact: true })
    .getByRole('option', { name: option, exact: false })
    .first()
    .click();
}

describe('the Comparisons screen', () => {
  it('builds the domestic burglary view and shows the computed -166 and -45% with its chart', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Comparisons', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Comparisons');

    await page.getByRole('textbox', { name: 'Name' }).fill('Domestic burglary by police area');
    await page.getByRole('searchbox', { name: 'Find indicators' }).fill('domestic burglary');
    await pick('Indicators', 'Domestic burglary');
    for (const area of [
      'Aylesbury (police area)',
      'Chiltern & South Bucks',
      'Wycombe (police area)',
      'Buckinghamshire',
    ]) {
      await pick('Areas (rows, in the order chosen)', area);
    }
    await page.getByRole('combobox', { name: 'Base period' }).selectOption({ label: 'Apr-Dec 2012' });
    await page.getByRole('combobox', { name: 'Current period' }).selectOption({ label: 'Apr-Dec 2013' });

    await expect.poll(() => cell('Wycombe', 'difference').textContent(), { timeout: 10_000 }).toBe('-166');
    expect(await cell('Wycombe', 'change').textContent()).toBe('-45%');
    expect(await cell('Total Buckinghamshire', 'difference').textContent()).toBe('-222');
    expect(await cell('Total Buckinghamshire', 'rag').textContent()).toBe('Green');
    expect(await cell('Total Buckinghamshire', 'target').textContent()).toBe('-2%');
    await expect.poll(() => page.getByText(/printed -116, computed -166/).count()).toBe(1);

    const chart = page.getByRole('img', { name: /^Bar chart of Domestic burglary/ });
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toContain('Wycombe 367 to 201');
    await expect.poll(() => chart.locator('svg rect').count(), { timeout: 10_000 }).toBeGreaterThan(5);

    await page.getByRole('button', { name: 'Save view' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Saved the view/ })
          .count(),
      )
      .toBe(1);
    expect(app.query<{ name: string }>(SAVED_BY_TEST)).toEqual([{ name: 'Domestic burglary by police area' }]);

    await page.waitForLoadState('networkidle');
    await screenshotWhole(page, 'comparisons-burglary');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sorts the table by a column header', async () => {
    await table().getByRole('button', { name: 'Difference' }).click();
    await expect
      .poll(() => table().locator('tbody th').allTextContents())
      .toEqual(['Total Buckinghamshire', 'Wycombe', 'Chiltern & South Bucks', 'Aylesbury']);
    expect(
      await table()
        .getByRole('columnheader', { name: /Difference/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');
  });

  it('shows the chart as a table on request', async () => {
    await page.getByText('Show as table').click();
    const alternative = page.getByRole('table', { name: /the figures the chart draws/ });
    await expect
      .poll(() => alternative.getByRole('row').filter({ hasText: 'Wycombe' }).textContent())
      .toMatch(/367.*201/);
  });

  it('exports the view to CSV and XLSX as downloads', async () => {
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('domestic-burglary-by-police-area.csv');
    const text = readFileSync((await csv.path()) ?? '', 'utf8');
    expect(text).toContain('Domestic burglary,count,Wycombe,367,201,-166,-45,,Green,');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export XLSX' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('domestic-burglary-by-police-area.xlsx');
    expect(
      readFileSync((await xlsx.path()) ?? '')
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('draws a trend of the anti-social behaviour rate with England and South East', async () => {
    try {
      await trend();
    } catch (error) {
      await screenshot(page, 'comparisons-trend-failed');
      throw error;
    }
  });

  async function trend() {
    await page.getByRole('combobox', { name: 'Saved views' }).selectOption({ label: 'New view' });
    await page.getByRole('textbox', { name: 'Name' }).fill('ASB rate trend');
    await page.getByRole('searchbox', { name: 'Find indicators' }).fill('anti-social behaviour rate');
    await pick('Indicators', 'Anti-social behaviour rate');
    await pick('Areas (rows, in the order chosen)', 'Buckinghamshire');
    await page.getByRole('radio', { name: 'A trend over several periods' }).check();
    for (const period of ['2021/22', '2018/19', '2019/20', '2020/21']) {
      await pick('Trend periods (shown in date order)', period);
    }
    await expect.poll(() => cell('England', 'period:15').textContent(), { timeout: 10_000 }).toBe('19.4');
    expect(await cell('Buckinghamshire', 'comparators').textContent()).toBe(
      'lower than England (19.4) and South East (15.8)',
    );
    // The rate is shown with its definition, as the annual report prints it under its crime-rate table.
    await expect
      .poll(() => page.getByRole('term').allTextContents())
      .toEqual(['Anti-social behaviour rate (rate per 1,000 residents)']);
    expect(await page.getByRole('definition').textContent()).toMatch(
      /^Anti-Social Behaviour: rate per 1,000 residents\. 12 month total of neighbourhood-level incidents/,
    );
    const chart = page.getByRole('img', { name: /^Line chart of Anti-social behaviour rate/ });
    await expect.poll(() => chart.count()).toBe(1);
    await expect.poll(() => chart.locator('svg path').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await screenshotWhole(page, 'comparisons-trend');
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('shows the RAG summary by priority', async () => {
    await page.getByRole('radio', { name: 'RAG summary by priority' }).check();
    const chart = page.getByRole('img', { name: /^RAG summary of 1 indicator by priority/ });
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toContain('1 green');
    await screenshotWhole(page, 'comparisons-rag-summary');
  });

  it('renames and deletes a saved view', async () => {
    await page
      .getByRole('combobox', { name: 'Saved views' })
      .selectOption({ label: 'Domestic burglary by police area' });
    await page.getByRole('textbox', { name: 'Name' }).fill('Burglary, police areas');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => app.query<{ name: string }>(SAVED_BY_TEST)).toEqual([{ name: 'Burglary, police areas' }]);
    await page.getByRole('button', { name: 'Delete view…' }).click();
    await page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => app.query(SAVED_BY_TEST)).toEqual([]);
  });

  it('draws nivo charts without injecting a <style> element or breaking the CSP', async () => {
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
    expect(app.pageErrors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([]);
  });
});
