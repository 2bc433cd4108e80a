import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { launchChromium, openApp, screenshotWhole, type RunningApp } from './harness';

/**
 * The Actions tab of the Meetings & packs screen in real Chromium against the
 * demo database (issue 7, point 2): an action is raised at the March 2014 demo
 * meeting under an agenda item, updated, carried forward to the next quarter's
 * meeting where it is overdue (said and coloured), marked done with a note, seen
 * in the pack's action log with its latest update, and another is deleted after
 * its impact is shown. Keyboard only where it matters (the Manage menu).
 */

let browser: Browser;
let app: RunningApp;
let page: Page;

const DEMO = 'Safer and Stronger Bucks Partnership Board — March 2014';
const NEXT = 'Safer and Stronger Bucks Partnership Board — June 2014';
const ACTION = 'Circulate the draft Safer Bucks Plan to the district partnerships';

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser);
  page = app.page;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/** axe-core's serious and critical violations, leaving out the pack preview's document (checked where it is made). */
async function seriousViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('iframe.pack-preview').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

const table = (): Locator =>
  page.getByRole('table', { name: 'Actions carried forward to this meeting and raised at it' });
const row = (description: string): Locator =>
  table()
    .getByRole('row', { name: new RegExp(description) })
    .first();
const preview = (): FrameLocator => page.frameLocator('iframe[title="Pack preview"]');

async function saved(): Promise<void> {
  await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
}

async function openMeeting(title: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Meetings' }).getByRole('option', { name: title }).click();
  await expect.poll(() => page.locator('#meeting-heading').textContent()).toBe(title);
}

async function tab(name: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect.poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
}

/** Chooses an item of the action's Manage menu. */
async function manage(description: string, item: string): Promise<void> {
  await row(description).getByRole('button', { name: 'Manage' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** The group row each action sits under, with its description, in table order. */
async function groupsAndRows(): Promise<string[]> {
  return table().locator('.actions-group-row th, .action-description').allTextContents();
}

describe('the Actions tab', () => {
  it("lists the demo meeting's actions, raised there, in a table axe finds nothing wrong with", async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Meetings & packs', exact: true }).click();
    await openMeeting(DEMO);
    await tab('Actions');
    await expect.poll(() => table().locator('.action-row').count(), { timeout: 20_000 }).toBe(6);
    const rows = await groupsAndRows();
    expect(rows[0]).toBe('Carried forward from earlier meetings (0)');
    expect(rows[1]).toBe('Raised at this meeting (6)');
    expect(await page.getByText('4 open, 2 closed').count()).toBe(1);
    await screenshotWhole(page, 'actions-demo');
    expect(await seriousViolations()).toEqual([]);
  }, 60_000);

  it('raises an action under an agenda item, with a partner as owner and a due date', async () => {
    await page.getByRole('button', { name: 'Raise an action…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Raise an action' });
    await dialog.getByRole('textbox', { name: 'Description' }).fill(ACTION);
    await dialog.getByRole('combobox', { name: 'Raised under agenda item' }).selectOption({ label: '10. Action log' });
    await dialog.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Thames Valley Police' });
    await dialog.getByLabel('Due date').fill('2014-04-30');
    expect(await seriousViolations()).toEqual([]);
    await screenshotWhole(page, 'actions-raise-dialog');
    await dialog.getByRole('button', { name: 'Raise action' }).click();
    await saved();

    await expect.poll(() => row(ACTION).count()).toBe(1);
    expect(await row(ACTION).textContent()).toContain('Item 10: Action log');
    expect(await row(ACTION).textContent()).toContain('Thames Valley Police');
    expect(await row(ACTION).textContent()).toContain('30 April 2014');
    expect(
      app.query<{ owner: string; due_on: string; status: string; item: string; partner: string }>(
        `select a.owner, a.due_on, a.status, i.title as item, p.name as partner from action a
         join agenda_item i on i.id = a.agenda_item_id join partner p on p.id = a.owner_partner_id
         where a.description = ?`,
        ACTION,
      ),
    ).toEqual([
      {
        owner: 'Thames Valley Police',
        due_on: '2014-04-30',
        status: 'open',
        item: 'Action log',
        partner: 'Thames Valley Police',
      },
    ]);
  });

  it('adds an update through the Manage menu by keyboard, and shows the trail', async () => {
    await row(ACTION).getByRole('button', { name: 'Manage' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('menu').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add an update…');
    await screenshotWhole(page, 'actions-manage-menu');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add an update' });
    await dialog.getByRole('textbox', { name: 'Update' }).fill('Draft sent to the four district partnerships');
    await dialog.getByRole('textbox', { name: 'By (optional)' }).fill('Jane Smith');
    await page.keyboard.press('Enter'); // submits the form
    await saved();

    await expect.poll(() => row(ACTION).textContent()).toContain('Draft sent to the four district partnerships');
    const toggle = row(ACTION).locator('.action-trail-toggle');
    expect(await toggle.textContent()).toBe('Show trail (1)');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.textContent()).toBe('Hide trail (1)');
    const trail = page.getByRole('list', { name: `Trail of “${ACTION}”` });
    expect(await trail.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Jane SmithDraft sent to the four district partnerships') as string,
    ]);
  });

  it('carries the open action into the next quarter’s meeting, overdue there in words and in red', async () => {
    await page.getByRole('button', { name: 'Duplicate as next quarter…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Duplicate/ });
    expect(await dialog.getByLabel('Date of the new meeting').inputValue()).toBe('2014-06-12');
    await dialog.getByRole('button', { name: 'Duplicate meeting' }).click();
    await expect.poll(() => page.locator('#meeting-heading').textContent()).toBe(NEXT);
    await tab('Actions');

    await expect.poll(() => table().locator('.action-row').count(), { timeout: 20_000 }).toBe(5);
    const rows = await groupsAndRows();
    expect(rows[0]).toBe('Carried forward from earlier meetings (5)');
    expect(rows[1]).toBe(ACTION); // due first
    expect(rows.at(-1)).toBe('Raised at this meeting (0)');
    expect(await row(ACTION).textContent()).toContain('Raised at the meeting of 12 March 2014');

    const status = row(ACTION).locator('.action-status');
    expect(await status.textContent()).toBe('Overdue');
    expect(await row(ACTION).getAttribute('class')).toContain('is-overdue');
    expect(await status.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(180, 35, 24)');
    // The probation action is due in March 2015: open, not overdue.
    expect(await row('Watch the transition of probation services').locator('.action-status').textContent()).toBe(
      'Open',
    );
    expect(await page.getByText('5 open, 1 overdue, 0 closed').count()).toBe(1);
    await screenshotWhole(page, 'actions-carried-overdue');
    expect(await seriousViolations()).toEqual([]);
  }, 60_000);

  it('marks it done with a note; the trail and the pack’s action log say so', async () => {
    await manage(ACTION, 'Mark done…');
    const dialog = page.getByRole('dialog', { name: 'Mark the action done' });
    await dialog.getByLabel('Done on').fill('2014-06-12');
    await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('All four districts replied');
    expect(await seriousViolations()).toEqual([]);
    await screenshotWhole(page, 'actions-done-dialog');
    await dialog.getByRole('button', { name: 'Mark done' }).click();
    await saved();

    await expect.poll(() => row(ACTION).locator('.action-status').textContent()).toBe('Done');
    expect(await row(ACTION).textContent()).toContain('12 June 2014');
    expect(await row(ACTION).textContent()).toContain('Marked done: All four districts replied');
    expect(await row(ACTION).getAttribute('class')).not.toContain('is-overdue');
    await row(ACTION).getByRole('button', { name: 'Show trail (2)' }).click();
    const trail = page.getByRole('list', { name: `Trail of “${ACTION}”` });
    await expect.poll(() => trail.getByRole('listitem').count()).toBe(2);
    expect(
      app.query<{ status: string; closed_on: string; entries: number }>(
        `select a.status, a.closed_on, (select count(*) from action_update u where u.action_id = a.id) as entries
         from action a where a.description = ?`,
        ACTION,
      ),
    ).toEqual([{ status: 'done', closed_on: '2014-06-12', entries: 2 }]);
    await screenshotWhole(page, 'actions-done-trail');

    await tab(/^Pack/);
    await expect
      .poll(() => preview().locator('body').textContent(), { timeout: 30_000 })
      .toContain('Actions closed since the meeting of 12 March 2014');
    const log = (await preview().locator('body').textContent()) ?? '';
    expect(log).toContain(ACTION);
    expect(log).toContain('Marked done: All four districts replied');
  }, 90_000);

  it('reopens it, then deletes it after showing that its trail goes too', async () => {
    await tab('Actions');
    await manage(ACTION, 'Reopen…');
    await page.getByRole('dialog', { name: 'Reopen the action' }).getByRole('button', { name: 'Reopen' }).click();
    await saved();
    await expect.poll(() => row(ACTION).locator('.action-status').textContent()).toBe('Overdue');
    expect(
      app.query<{ closed_on: string | null }>('select closed_on from action where description = ?', ACTION),
    ).toEqual([{ closed_on: null }]);

    await manage(ACTION, 'Delete…');
    const confirm = page.getByRole('alertdialog', { name: /^Delete the action/ });
    await expect.poll(() => confirm.textContent()).toContain('This also removes 3 updates in its trail.');
    expect(await seriousViolations()).toEqual([]);
    await screenshotWhole(page, 'actions-delete-impact');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => row(ACTION).count()).toBe(0);
    expect(app.query('select id from action where description = ?', ACTION)).toEqual([]);
    expect(app.pageErrors.filter((error) => /Content Security Policy|Refused to/i.test(error))).toEqual([]);
  });
});
