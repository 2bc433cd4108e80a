import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPath } from '../helpers/temp-files';
import { launchChromium, openApp, screenshot, seriousViolations, type RunningApp } from './harness';

/**
 * The Import screen in real Chromium through the preview (uploads, no native
 * dialog): the 2014 violence table with an area the database does not know is
 * mapped, checked, imported, imported again, and its mapping saved and reused;
 * police.uk files are counted; a large police import is cancelled with nothing written.
 */

let browser: Browser;
let app: RunningApp;
let page: Page;

const SHOTS = '/tmp/shots';
const VIOLENCE = 'Violence against the person';

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser);
  page = app.page;
  mkdirSync(SHOTS, { recursive: true });
  // The demo holds the plan's violence figures already: remove them, so the import has something to create.
  const db = new BetterSqlite3(app.dbPath);
  try {
    db.prepare(
      `delete from figure where indicator_id = (select id from indicator where name = ?)
         and period_id in (select id from period where label in ('Apr-Dec 2012', 'Apr-Dec 2013'))`,
    ).run(VIOLENCE);
  } finally {
    db.close();
  }
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const violenceFigures = () =>
  app.query<{ area: string; period: string; value: number }>(
    `select area.name as area, period.label as period, figure.value as value from figure
       join indicator on indicator.id = figure.indicator_id join area on area.id = figure.area_id
       join period on period.id = figure.period_id
     where indicator.name = ? and period.label in ('Apr-Dec 2012', 'Apr-Dec 2013') order by area.name, period.label`,
    VIOLENCE,
  );

const figureCount = () => app.query<{ n: number }>('select count(*) as n from figure')[0]?.n ?? 0;

/** The whole screen: the app scrolls inside its main area, so the viewport grows to show all of it first. */
async function shoot(name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1400, height: 900 };
  const height = await page.evaluate(() => document.querySelector('.app-main')?.scrollHeight ?? 900);
  await page.setViewportSize({ width: size.width, height: Math.min(height + 160, 4000) });
  await page.waitForTimeout(200);
  await screenshot(page, name);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize(size);
}

async function go(screen: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: screen, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(screen);
}

/** The 2014 plan's violence table (police areas, Apr-Dec 2012 and 2013), with the local policing area's name for Aylesbury. */
function violenceCsv(): string {
  const path = tempPath('violence-2014.csv');
  writeFileSync(
    path,
    [
      'Police Area,Apr-Dec 2012,Apr-Dec 2013,Difference,% Change',
      'Aylesbury LPA,976,"1,074",98,10%',
      'Chiltern & South Bucks,720,684,-36,-5%',
      'Wycombe,"1,003",994,-9,-1%',
      'Total Bucks,"2,699","2,752",53,2%',
    ].join('\r\n'),
  );
  return path;
}

const POLICE_HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** A police.uk street-level file: `rows` burglaries in Wycombe, plus what is given. */
function policeCsv(name: string, rows: number, extra: readonly string[] = []): string {
  const path = tempPath(name);
  const lines = [POLICE_HEADER];
  for (let index = 0; index < rows; index += 1) {
    lines.push(
      `c${index},2024-04,Thames Valley Police,Thames Valley Police,-0.75,51.63,On or near High Street,E01017${String(index % 90).padStart(3, '0')},Wycombe 0${String(index % 20).padStart(2, '0')}A,Burglary,Under investigation,`,
    );
  }
  writeFileSync(path, `${[...lines, ...extra].join('\n')}\n`);
  return path;
}

const status = (): Locator => page.getByTestId('import-status');
const figuresFile = (): Locator => page.getByLabel('Figures file (CSV or XLSX)');
const summaryValue = (term: string): Locator => page.getByTestId(`summary-${term}`);

describe('the Import screen', () => {
  it('previews the violence table with each column’s role and asks for its indicator', async () => {
    await go('Import');
    await figuresFile().setInputFiles(violenceCsv());
    // The file cannot say which indicator its periods are of: the screen asks, in its own words, beside the box.
    const indicator = page.getByLabel('Indicator (the file has one column per period)');
    await expect
      .poll(
        async () => {
          const asked = await indicator.getAttribute('aria-describedby');
          return asked ? page.locator(`[id="${asked}"]`).textContent() : null;
        },
        { timeout: 10_000 },
      )
      .toMatch(
        /^This file has one column per period, so all its figures are for one indicator: name it under "Indicator"/,
      );
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /--indicator|field indicator/ })
        .count(),
    ).toBe(0);
    // No column has a role yet, and none is shown as a placeholder.
    expect(
      await page
        .getByRole('table', { name: /first 4 rows/ })
        .getByRole('columnheader')
        .allTextContents(),
    ).toEqual(['Police Area', 'Apr-Dec 2012', 'Apr-Dec 2013', 'Difference', '% Change']);
    await indicator.fill(VIOLENCE);
    const preview = page.getByRole('table', { name: /first 4 rows/ });
    await expect
      .poll(() => preview.getByRole('columnheader').allTextContents(), { timeout: 10_000 })
      .toEqual([
        'Police Areaarea',
        'Apr-Dec 2012period',
        'Apr-Dec 2013period',
        'Differencechecked difference',
        '% Changechecked % change',
      ]);
    expect(await preview.getByRole('row').nth(1).textContent()).toContain('Aylesbury LPA');
    await shoot('import-preview');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('lists the area it does not know, maps it to Aylesbury, checks and shows the printed-difference checks', async () => {
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const names = page.getByRole('table', { name: /name in the file the database does not know/i });
    await expect.poll(() => names.getByRole('row').count(), { timeout: 20_000 }).toBe(2);
    expect(await names.getByRole('row').nth(1).textContent()).toMatch(/areaAylesbury LPA.*violence-2014\.csv, row 2/);
    const choice = page.getByRole('combobox', { name: 'Use for area Aylesbury LPA' });
    // Create it, or map it to an existing one: the nearest names first.
    expect(await choice.locator('option').nth(1).textContent()).toBe('Create area “Aylesbury LPA”');
    expect(await choice.locator('optgroup').first().getAttribute('label')).toBe('Nearest names');
    expect(await choice.locator('optgroup').first().locator('option').first().textContent()).toBe('Aylesbury');
    await shoot('import-unknown-names');
    expect(await seriousViolations(page)).toEqual([]);
    await choice.selectOption({ label: 'Aylesbury' });
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Checked: 8 figures would be created, 0 updated, 0 unchanged. Nothing was written.');
    expect(await page.getByRole('heading', { name: /Printed differences checked: 10 agree/ }).count()).toBe(1);
    expect(violenceFigures()).toEqual([]);
    await shoot('import-checked');
  }, 60_000);

  it('imports the figures in one go, and the Figures screen shows them', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Imported: 8 figures created, 0 updated, 0 unchanged.');
    expect(await summaryValue('figures-created').textContent()).toBe('8');
    expect(violenceFigures()).toEqual([
      { area: 'Aylesbury', period: 'Apr-Dec 2012', value: 976 },
      { area: 'Aylesbury', period: 'Apr-Dec 2013', value: 1074 },
      { area: 'Buckinghamshire', period: 'Apr-Dec 2012', value: 2699 },
      { area: 'Buckinghamshire', period: 'Apr-Dec 2013', value: 2752 },
      { area: 'Chiltern & South Bucks', period: 'Apr-Dec 2012', value: 720 },
      { area: 'Chiltern & South Bucks', period: 'Apr-Dec 2013', value: 684 },
      { area: 'Wycombe', period: 'Apr-Dec 2012', value: 1003 },
      { area: 'Wycombe', period: 'Apr-Dec 2013', value: 994 },
    ]);
    await shoot('import-done');

    await go('Figures');
    const grid = page.getByRole('grid', { name: 'Figures', exact: true });
    await grid.getByRole('searchbox', { name: 'Filter Indicator', exact: true }).fill('violence against');
    await grid.getByRole('searchbox', { name: 'Filter Area', exact: true }).fill('aylesbury');
    await expect
      .poll(() => grid.locator('[role="row"][data-row-id]').allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringMatching(/Violence against the person.*Aylesbury.*Apr-Dec 2013.*1,?074/));
  }, 60_000);

  it('imports the same file again and changes nothing', async () => {
    await go('Import');
    await figuresFile().setInputFiles(violenceCsv());
    await page.getByLabel('Indicator (the file has one column per period)').fill(VIOLENCE);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('combobox', { name: 'Use for area Aylesbury LPA' }).selectOption({ label: 'Aylesbury' });
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toMatch(/^Checked: 0 figures would be created/);
    const changes = app.query<{ n: number }>('select count(*) as n from change_log')[0]?.n;
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Imported: 0 figures created, 0 updated, 8 unchanged.');
    expect(app.query<{ n: number }>('select count(*) as n from change_log')[0]?.n).toBe(changes);
  }, 60_000);

  it('saves the mapping and reuses it: the same file then needs no questions', async () => {
    await page.getByLabel('Save this mapping as…').fill('Police violence table');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved the mapping' }).textContent())
      .toBe('Saved the mapping "Police violence table" for next time.');
    const [stored] = app.query<{ name: string; layout: string; mapping: string }>(
      'select name, layout, mapping from import_mapping',
    );
    expect(stored).toMatchObject({ name: 'Police violence table', layout: 'wide-period' });
    expect(JSON.parse(stored?.mapping ?? '{}')).toMatchObject({
      indicator: VIOLENCE,
      names: {
        areas: {
          'Aylesbury LPA': { id: app.query<{ id: number }>("select id from area where name = 'Aylesbury'")[0]?.id },
        },
      },
    });

    await go('Figures');
    await go('Import');
    await figuresFile().setInputFiles(violenceCsv());
    await page.getByLabel('Use a saved mapping').selectOption({ label: 'Police violence table' });
    await expect
      .poll(() => page.getByLabel('Indicator (the file has one column per period)').inputValue())
      .toBe(VIOLENCE);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 20_000 })
      .toBe('Checked: 0 figures would be created, 0 updated, 8 unchanged. Nothing was written.');
    expect(await page.getByRole('table', { name: /does not know/ }).count()).toBe(0);
    await shoot('import-saved-mapping');
  }, 60_000);

  it('counts a police.uk file: ASB without a Crime ID counts, rows outside the areas and without an LSOA are named', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('radio', { name: 'police.uk street-level crime' }).check();
    // Outside the areas: Oxford twice, then 52 other places once each, more than the 50 names the summary lists.
    const elsewhere = Array.from(
      { length: 52 },
      (_, index) =>
        `e${index},2024-04,Thames Valley Police,Thames Valley Police,-1.3,51.8,On or near Road,E0110${index},Place ${String(index).padStart(2, '0')} 001A,Burglary,Under investigation,`,
    );
    const file = policeCsv('2024-04-thames-valley-street.csv', 1_200, [
      ',2024-04,Thames Valley Police,Thames Valley Police,-0.75,51.63,On or near Park,E01017002,Wycombe 002A,Anti-social behaviour,,',
      ',2024-04,Thames Valley Police,Thames Valley Police,-0.76,51.64,On or near Lane,E01017003,Wycombe 003A,Anti-social behaviour,,',
      'o1,2024-04,Thames Valley Police,Thames Valley Police,-1.25,51.75,On or near Broad Street,E01028522,Oxford 008A,Burglary,Under investigation,',
      'o2,2024-04,Thames Valley Police,Thames Valley Police,-1.26,51.76,On or near High Street,E01028523,Oxford 009A,Burglary,Under investigation,',
      ...elsewhere,
      'n1,2024-04,Thames Valley Police,Thames Valley Police,,,No location,,,Vehicle crime,Under investigation,',
      ',2024-04,Thames Valley Police,Thames Valley Police,,,No location,,,Anti-social behaviour,,',
    ]);
    await page.getByLabel('police.uk street-level files (CSV)').setInputFiles(file);
    await page.getByRole('button', { name: 'Import crimes' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 30_000 })
      .toBe('Imported 1,202 crimes from 1,258 rows of police.uk data.');
    expect(await summaryValue('months').textContent()).toBe('2024-04');
    expect(await summaryValue('rows-read').textContent()).toBe('1,258');
    expect(await summaryValue('rows-counted').textContent()).toBe('1,202');
    expect(await summaryValue('outside-the-areas').textContent()).toBe('54');
    expect(await summaryValue('without-an-lsoa').textContent()).toBe('2');
    // What was left out is named, not only counted, in lists titled for a screen reader: most rows first, at most 50.
    const outside = page.getByRole('region', { name: 'Outside the partnership’s areas (not counted)' });
    const places = await outside.getByRole('listitem').allTextContents();
    expect(places).toHaveLength(51);
    expect(places.slice(0, 3)).toEqual(['Oxford (2)', 'Place 00 (1)', 'Place 01 (1)']);
    expect(places.at(-1)).toBe('and 3 more (3 rows)');
    const withoutLsoa = page.getByRole('region', { name: 'No LSOA (not counted)' });
    expect(await withoutLsoa.getByRole('listitem').allTextContents()).toEqual([
      'Anti-social behaviour (1)',
      'Vehicle crime (1)',
    ]);
    // A burglary and an ASB figure for Wycombe in April; no quarter is complete yet.
    expect(await page.getByTestId('police-figures').textContent()).toMatch(/: 2 created, 0 updated, 0 unchanged\.$/);
    expect(await page.getByTestId('police-new-indicators').textContent()).toBe(
      'New indicators: Burglary (police.uk), Anti-social behaviour (police.uk)',
    );
    await shoot('import-police');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 900 });
  }, 60_000);

  it('cancels a large police.uk import, which then writes nothing', async () => {
    const before = figureCount();
    const months = app.query<{ n: number }>('select count(*) as n from police_month')[0]?.n;
    const big = policeCsv('2024-05-thames-valley-street.csv', 250_000);
    await page.getByLabel('police.uk street-level files (CSV)').setInputFiles(big);
    await expect
      .poll(() => page.getByText('Chosen: 2024-05-thames-valley-street.csv').count(), { timeout: 30_000 })
      .toBe(1);
    // Hold the upload until Cancel has been pressed, so a busy machine cannot finish the job before the test sees it:
    // Cancel pressed while the file is still on its way stops the job at its first progress.
    let releaseUpload = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      releaseUpload = resolve;
    });
    await page.route('**/api/imports.run', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Import crimes' }).click();
    const bar = page.getByRole('progressbar', { name: /Importing 2024-05/ });
    await bar.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      await shoot('import-cancel-failed');
      throw error;
    });
    expect([await bar.getAttribute('aria-valuemin'), await bar.getAttribute('aria-valuemax')]).toEqual(['0', '100']);
    // The job is not running yet, so Cancel can only be remembered: wait for the app's answer before releasing the upload.
    const cancelAnswered = page.waitForResponse('**/api/jobs.cancel');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await cancelAnswered;
    releaseUpload();
    await page.screenshot({ path: join(SHOTS, 'import-progress.png') });
    await expect.poll(() => status().textContent(), { timeout: 60_000 }).toBe('Cancelled: nothing was written.');
    expect(figureCount()).toBe(before);
    expect(app.query<{ n: number }>('select count(*) as n from police_month')[0]?.n).toBe(months);
    await shoot('import-cancelled');
    await page.unroute('**/api/imports.run');
    expect(app.pageErrors).toEqual([]);
  }, 120_000);

  it('imports populations and says what it inserted, updated and left', async () => {
    await page.getByRole('radio', { name: 'Population' }).check();
    const path = tempPath('populations.csv');
    writeFileSync(
      path,
      'area,year,residents,households\nBuckinghamshire,2012,512000,\nWycombe,2024,"175,000","70,100"\n',
    );
    await page.getByLabel('Population file (CSV)').setInputFiles(path);
    await page.getByRole('button', { name: 'Import populations' }).click();
    await expect
      .poll(() => status().textContent(), { timeout: 30_000 })
      .toBe('Imported populations: 1 inserted, 1 updated, 0 unchanged.');
    expect(
      app.query<{ residents: number; households: number }>(
        "select residents, households from population join area on area.id = population.area_id where area.name = 'Wycombe' and year = 2024",
      ),
    ).toEqual([{ residents: 175000, households: 70100 }]);
    await shoot('import-population');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});
