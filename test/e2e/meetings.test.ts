import { readFileSync } from 'node:fs';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { launchChromium, openApp, screenshotWhole, type RunningApp } from './harness';

/**
 * The Meetings & packs screen in real Chromium against the demo database: the
 * demo meeting's pack previews, a new meeting gets a paper whose bound field
 * shows the live number, an unknown field blocks issuing and export, the agenda
 * reorders by keyboard and stays so after a reload, and v1 is issued and
 * exported to PDF and Word.
 */

let browser: Browser;
let app: RunningApp;
let page: Page;

const DEMO = 'Safer and Stronger Bucks Partnership Board — March 2014';
const MEETING = 'Community Safety Board — June 2026';
const BAD_LINE = 'Burglary is {{figure "Domestic burgalry" "Buckinghamshire" "Apr-Dec 2013"}}';

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser);
  page = app.page;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/**
 * axe-core's serious and critical violations on the screen, leaving out the pack
 * preview's document (the renderer's own HTML, checked where it is made; axe
 * takes minutes over a whole demo pack).
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('iframe.pack-preview').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

const saveStatus = (): Locator => page.getByTestId('save-status');
const preview = (): FrameLocator => page.frameLocator('iframe[title="Pack preview"]');
const editor = (): Locator => page.getByRole('textbox', { name: /^Text of the paper/ });
const agenda = (): Locator => page.getByRole('grid', { name: 'Agenda' });

async function openScreen(): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Meetings & packs', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Meetings & packs');
}

async function openMeeting(title: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Meetings' }).getByRole('option', { name: title }).click();
  await expect.poll(() => page.locator('#meeting-heading').textContent()).toBe(title);
}

async function tab(name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

async function saved(): Promise<void> {
  await expect.poll(() => saveStatus().textContent(), { timeout: 10_000 }).toBe('Saved');
}

async function agendaTitles(): Promise<string[]> {
  return agenda().locator('.agenda-title').allTextContents();
}

async function download(button: Locator): Promise<Buffer> {
  try {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 40_000 }), button.click()]);
    return readFileSync((await file.path()) ?? '');
  } catch (error) {
    await screenshotWhole(page, 'meetings-download-failed');
    throw error;
  }
}

describe('the Meetings & packs screen', () => {
  it('opens the demo meeting with its agenda and previews its pack', async () => {
    await openScreen();
    await openMeeting(DEMO);
    await expect.poll(() => agendaTitles()).toContain('Domestic burglary by Local Policing Area');
    expect((await agendaTitles()).length).toBe(11);
    await expect
      .poll(() => agenda().locator('.agenda-number').allTextContents())
      .toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    await screenshotWhole(page, 'meetings-demo-agenda');
    expect(await seriousViolations(page)).toEqual([]);

    await tab(/^Pack/);
    await expect
      .poll(() => preview().locator('body').textContent(), { timeout: 20_000 })
      .toContain('Domestic burglary by Local Policing Area');
    expect(await preview().locator('body').textContent()).toContain('886');
    await screenshotWhole(page, 'meetings-demo-pack');
    expect(await seriousViolations(page)).toEqual([]);
  }, 90_000);

  it('creates a meeting and records its details and people', async () => {
    await page.getByRole('button', { name: 'New meeting…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New meeting' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(MEETING);
    await dialog.getByLabel('Date').fill('2026-06-10');
    await dialog.getByRole('button', { name: 'Create meeting' }).click();
    await expect.poll(() => page.locator('#meeting-heading').textContent()).toBe(MEETING);

    await tab(/^Meeting details/);
    await page.getByRole('textbox', { name: 'Venue' }).fill('Council Chamber, Aylesbury');
    await page.getByRole('combobox', { name: 'Protective marking' }).selectOption('OFFICIAL-SENSITIVE');
    await page.getByRole('button', { name: 'Add attendee' }).click();
    await page.getByRole('textbox', { name: 'Attendees 1: name' }).fill('Jane Smith');
    await page.getByRole('textbox', { name: 'Attendees 1: role' }).fill('Chair');
    await page.getByRole('textbox', { name: 'Attendees 1: role' }).blur();
    await saved();
    await expect
      .poll(() =>
        app.query<{ venue: string; marking: string }>('select venue, marking from meeting where title = ?', MEETING),
      )
      .toEqual([{ venue: 'Council Chamber, Aylesbury', marking: 'OFFICIAL-SENSITIVE' }]);
    await expect
      .poll(() =>
        app.query<{ name: string; role: string; attendance: string }>(
          'select p.name, p.role, p.attendance from meeting_person p join meeting m on m.id = p.meeting_id where m.title = ?',
          MEETING,
        ),
      )
      .toEqual([{ name: 'Jane Smith', role: 'Chair', attendance: 'attending' }]);
    await screenshotWhole(page, 'meetings-details');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('writes a paper whose bound field shows the live number in the preview', async () => {
    await tab(/^Agenda/);
    await page.getByRole('button', { name: 'Add item…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an agenda item' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill("Chair's update");
    await dialog.getByRole('textbox', { name: 'Presenter' }).fill('Jane Smith');
    await dialog.getByRole('button', { name: 'Add item' }).click();
    await expect.poll(() => agendaTitles()).toEqual(["Chair's update"]);

    await editor().click();
    await page.keyboard.type('Domestic burglaries fell to ');
    await page.getByRole('button', { name: 'Insert field…' }).click();
    const insert = page.getByRole('dialog', { name: 'Insert a field bound to data' });
    await insert.getByRole('combobox', { name: 'Indicator' }).selectOption({ label: 'Domestic burglary' });
    await insert.getByRole('combobox', { name: 'Area' }).selectOption({ label: 'Buckinghamshire' });
    await insert.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Apr-Dec 2013' });
    await insert.getByRole('button', { name: 'Insert field' }).click();
    await page.keyboard.type(' this year.');
    await expect
      .poll(() => editor().textContent())
      .toBe('Domestic burglaries fell to {{figure "Domestic burglary" "Buckinghamshire" "Apr-Dec 2013"}} this year.');
    await expect.poll(() => editor().locator('.paper-field').count()).toBe(1);
    await saved();

    await tab(/^Pack/);
    await expect
      .poll(() => preview().locator('body').textContent(), { timeout: 20_000 })
      .toContain('Domestic burglaries fell to 886 this year.');
    expect(await page.getByText('Nothing blocks this pack').count()).toBe(1);
  });

  it('marks an unknown field in the editor and blocks issuing and export until it is put right', async () => {
    await tab(/^Agenda/);
    await editor().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(BAD_LINE);
    await saved();
    const bad = editor().locator('.paper-field-error');
    await expect.poll(() => bad.count(), { timeout: 20_000 }).toBe(1);
    expect(await bad.textContent()).toBe('{{figure "Domestic burgalry" "Buckinghamshire" "Apr-Dec 2013"}}');
    expect(await bad.getAttribute('title')).toMatch(/Domestic burgalry/);
    await expect.poll(() => page.locator('.paper-problems li').count()).toBe(1);
    await screenshotWhole(page, 'meetings-paper-problem');
    expect(await seriousViolations(page)).toEqual([]);

    await tab(/^Pack \(1 problem\)/);
    await expect.poll(() => page.getByText('1 problem blocks issuing and export').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Export PDF' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Export Word' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /^Issue pack/ }).isDisabled()).toBe(true);
    await screenshotWhole(page, 'meetings-pack-problem');

    // The problem's link opens the item; the bad line is removed.
    await page.locator('.pack-problems').getByRole('button', { name: "Chair's update" }).click();
    await expect.poll(() => page.getByRole('tab', { name: /^Agenda/ }).getAttribute('aria-selected')).toBe('true');
    await editor().click();
    await page.keyboard.press('Control+End');
    for (let left = BAD_LINE.length + 1; left > 0; left -= 1) await page.keyboard.press('Backspace');
    await expect
      .poll(() => editor().textContent())
      .toBe('Domestic burglaries fell to {{figure "Domestic burglary" "Buckinghamshire" "Apr-Dec 2013"}} this year.');
    await saved();
    await expect.poll(() => editor().locator('.paper-field-error').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.getByRole('tab', { name: /^Pack$/ }).count(), { timeout: 20_000 }).toBe(1);
  });

  it('reorders the agenda by keyboard, and the order stays after a reload', async () => {
    await page.getByRole('button', { name: 'Add item…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an agenda item' });
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Action log' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Actions from the last meeting');
    await dialog.getByRole('button', { name: 'Add item' }).click();
    await expect.poll(() => agendaTitles()).toEqual(["Chair's update", 'Actions from the last meeting']);

    await page.getByRole('button', { name: 'Move Actions from the last meeting up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => agendaTitles()).toEqual(['Actions from the last meeting', "Chair's update"]);
    await saved();
    await expect
      .poll(() =>
        app
          .query<{ title: string }>(
            'select a.title from agenda_item a join meeting m on m.id = a.meeting_id where m.title = ? order by a.position',
            MEETING,
          )
          .map((row) => row.title),
      )
      .toEqual(['Actions from the last meeting', "Chair's update"]);

    await page.reload();
    await openScreen();
    await openMeeting(MEETING);
    await expect.poll(() => agendaTitles()).toEqual(['Actions from the last meeting', "Chair's update"]);
    expect(await agenda().locator('.agenda-number').allTextContents()).toEqual(['1', '2']);
    await screenshotWhole(page, 'meetings-agenda-reordered');
  });

  it('issues v1 and exports it to PDF and Word', async () => {
    await tab(/^Pack/);
    const issue = page.getByRole('button', { name: 'Issue pack as v1' });
    await expect.poll(() => issue.isEnabled(), { timeout: 20_000 }).toBe(true);
    await issue.click();
    await expect.poll(() => page.getByText('Issued version 1.').count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Issued versions of this pack' }).locator('tbody th').allTextContents(),
      )
      .toEqual(['v1']);
    expect(
      app.query<{ number: number }>(
        'select v.number from pack_version v join meeting m on m.id = v.meeting_id where m.title = ?',
        MEETING,
      ),
    ).toEqual([{ number: 1 }]);

    await page.getByRole('combobox', { name: 'Pack' }).selectOption({ label: 'Version 1 (issued)' });
    const pdf = await download(page.getByRole('button', { name: 'Export PDF' }));
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const docx = await download(page.getByRole('button', { name: 'Export Word' }));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Exported .*\.docx/ })
          .count(),
      )
      .toBe(1);
    await screenshotWhole(page, 'meetings-issued');
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('compares v1 with the draft after the paper changes', async () => {
    await tab(/^Agenda/);
    await agenda()
      .getByRole('row', { name: /Chair's update/ })
      .click();
    await editor().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Thanks to all partners.');
    await saved();
    await tab(/^Pack/);
    await page.getByRole('button', { name: 'Compare' }).click();
    const changes = page.getByRole('table', { name: /What changed from v1 to draft/ });
    await expect.poll(() => changes.locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await changes.locator('tbody').textContent()).toContain('Thanks to all partners.');
    await screenshotWhole(page, 'meetings-compare');
  });

  it('duplicates a meeting as next quarter and deletes it after asking', async () => {
    await page.getByRole('button', { name: 'Duplicate as next quarter…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Duplicate/ });
    expect(await dialog.getByLabel('Date of the new meeting').inputValue()).toBe('2026-09-10');
    await dialog.getByRole('textbox', { name: 'Title (optional)' }).fill('Community Safety Board — September 2026');
    await dialog.getByRole('button', { name: 'Duplicate meeting' }).click();
    await expect
      .poll(() => page.locator('#meeting-heading').textContent())
      .toBe('Community Safety Board — September 2026');
    await expect.poll(() => agendaTitles()).toEqual(['Actions from the last meeting', "Chair's update"]);

    await page.getByRole('button', { name: 'Delete meeting…' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect
      .poll(() => app.query<{ title: string }>('select title from meeting order by held_on').map((row) => row.title))
      .toEqual([DEMO, 'Safer Buckinghamshire Board — July 2022', MEETING]);
    expect(app.pageErrors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([]);
  });
});
