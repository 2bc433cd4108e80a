import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTwoWindows, screenshot, seriousViolations, type RunningApp } from './harness';

/**
 * The last writes that did not name a version (issue 9, point 3: nothing is
 * overwritten silently), in real Chromium: two windows on one database file,
 * each through a preview server of its own (two laptops on one team database:
 * neither hears of the other's saves). An undo of a create, a delivery group's
 * priorities and the agenda's order are each refused when made from what
 * someone else has changed since, and said so where the user is.
 */

let app: RunningApp;
let first: Page;
let second: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, first, second, close } = await openTwoWindows({ viewport: { width: 1280, height: 900 }, ownServer: true }));
  // A control that never comes fails the step that waits for it, by name, rather than the whole test's time.
  first.setDefaultTimeout(15_000);
  second.setDefaultTimeout(15_000);
}, 60_000);

afterAll(() => close?.());

/** axe-core's serious and critical violations, but for the pack preview's frame. */
async function seriousViolationsBesidePreview(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('iframe.pack-preview').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help}`);
}

const saveStatus = (page: Page): Locator => page.getByTestId('save-status');
const grid = (page: Page, label: string): Locator => page.getByRole('grid', { name: label, exact: true });

async function go(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: screen, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(screen);
}

function cell(page: Page, gridLabel: string, rowText: string, column: string): Locator {
  return grid(page, gridLabel)
    .getByRole('row')
    .filter({ hasText: rowText })
    .first()
    .locator(`[role="gridcell"][data-column="${column}"]`);
}

async function editCell(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await page.keyboard.press('Enter');
  await page.locator('[role="gridcell"] .cell-editor:focus').fill(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => saveStatus(page).textContent(), { timeout: 10_000 }).toMatch(/Saved/);
}

const term = (name: string) =>
  app.query<{ definition: string; version: number }>(
    'select definition, version from glossary_term where term = ?',
    name,
  );

describe('undo of a create', () => {
  it('deletes the record created when no one has changed it since', async () => {
    await go(first, 'Glossary');
    await grid(first, 'Glossary').getByRole('searchbox', { name: 'Filter Term', exact: true }).fill('NEW');
    await first.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(() => term('NEW1')).toEqual([{ definition: 'What it stands for', version: 1 }]);
    const undo = first.getByRole('button', { name: 'Undo', exact: true });
    await expect.poll(() => undo.getAttribute('title')).toBe('Undo new term NEW1 (Ctrl+Z)');
    await undo.click();
    await expect.poll(() => term('NEW1'), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => saveStatus(first).textContent()).toMatch(/Saved/);
  });

  it('is refused after someone else edited the created record, said in the status bar; the record and the entry stay', async () => {
    await first.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(() => term('NEW1')).toHaveLength(1);

    await go(second, 'Glossary');
    await grid(second, 'Glossary').getByRole('searchbox', { name: 'Filter Term', exact: true }).fill('NEW1');
    await expect.poll(() => cell(second, 'Glossary', 'NEW1', 'definition').count(), { timeout: 10_000 }).toBe(1);
    await editCell(second, cell(second, 'Glossary', 'NEW1', 'definition'), 'Night-time economy');
    expect(term('NEW1')).toEqual([{ definition: 'Night-time economy', version: 2 }]);

    const undo = first.getByRole('button', { name: 'Undo', exact: true });
    await undo.click();
    await expect
      .poll(() => saveStatus(first).textContent(), { timeout: 10_000 })
      .toMatch(
        /could not undo new term NEW1: .*changed .*NEW1: definition from "What it stands for" to "Night-time economy" at \d\d:\d\d; it was not deleted/,
      );
    // Nothing was deleted, the window shows the other person's definition, and the undo is still there to try.
    expect(term('NEW1')).toEqual([{ definition: 'Night-time economy', version: 2 }]);
    await expect
      .poll(() => cell(first, 'Glossary', 'NEW1', 'definition').textContent(), { timeout: 10_000 })
      .toBe('Night-time economy');
    expect(await undo.getAttribute('title')).toBe('Undo new term NEW1 (Ctrl+Z)');
    await screenshot(first, 'stale-more-undo-refused');
    expect(await seriousViolations(first)).toEqual([]);
  });
});

describe("a delivery group's priorities", () => {
  const GROUP = 'Falcon';
  const delivered = () =>
    app
      .query<{ ref: string }>(
        `select plan.key || ' ' || p.ref as ref from delivery_group_priority l
           join delivery_group g on g.id = l.delivery_group_id join priority p on p.id = l.priority_id
           join plan on plan.id = p.plan_id where g.name = ? order by p.id`,
        GROUP,
      )
      .map((row) => row.ref);
  const list = (page: Page) => page.getByRole('listbox', { name: `Priorities delivered by ${GROUP}` });
  const option = (page: Page, ref: string) => list(page).getByRole('option', { name: new RegExp(`^${ref} `) });

  async function openGroup(page: Page): Promise<void> {
    await go(page, 'Delivery groups');
    await cell(page, 'Delivery groups', GROUP, 'name').click();
    await expect.poll(() => list(page).count()).toBe(1);
  }

  it('refuses a set made from before someone else’s, names what they set, and keeps mine when asked', async () => {
    await openGroup(first);
    await openGroup(second);
    const before = delivered();
    expect(before).toEqual(['sbp-2013-14 4', 'sbp-2014-15 6.4']);

    await option(first, 'sbp-2013-14 1').click();
    await expect.poll(() => delivered(), { timeout: 10_000 }).toEqual(['sbp-2013-14 1', ...before]);

    await option(second, 'sbp-2013-14 2').click();
    const notice = second.getByRole('alert').filter({ hasText: 'saved this first' });
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await notice.textContent()).toMatch(
      /changed delivery group Falcon: priorities from "sbp-2013-14 4, sbp-2014-15 6\.4" to "sbp-2013-14 1, sbp-2013-14 4, sbp-2014-15 6\.4" at \d\d:\d\d; your priorities "sbp-2013-14 2, sbp-2013-14 4, sbp-2014-15 6\.4" was not saved/,
    );
    // Nothing of the second window's was written; its list shows the set saved now.
    expect(delivered()).toEqual(['sbp-2013-14 1', ...before]);
    await expect.poll(() => option(second, 'sbp-2013-14 1').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => option(second, 'sbp-2013-14 2').getAttribute('aria-selected')).toBe('false');
    await screenshot(second, 'stale-more-priorities-refused');
    expect(await seriousViolations(second)).toEqual([]);

    await notice.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => delivered(), { timeout: 10_000 }).toEqual(['sbp-2013-14 2', ...before]);
    expect(await notice.count()).toBe(0);
    await expect.poll(() => option(second, 'sbp-2013-14 2').getAttribute('aria-selected')).toBe('true');
  });

  it('refuses the other window in turn, and takes theirs when asked: the next choice is made from what it shows', async () => {
    const saved = delivered();
    // The first window has not heard of the second's Keep mine: its next choice is refused in turn.
    await option(first, 'sbp-2013-14 3').click();
    const notice = first.getByRole('alert').filter({ hasText: 'saved this first' });
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(delivered()).toEqual(saved);

    await notice.getByRole('button', { name: 'Take theirs' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => option(first, 'sbp-2013-14 2').getAttribute('aria-selected')).toBe('true');
    expect(await option(first, 'sbp-2013-14 1').getAttribute('aria-selected')).toBe('false');
    expect(await option(first, 'sbp-2013-14 3').getAttribute('aria-selected')).toBe('false');
    expect(delivered()).toEqual(saved);

    await option(first, 'sbp-2013-14 3').click();
    await expect
      .poll(() => delivered(), { timeout: 10_000 })
      .toEqual(['sbp-2013-14 2', 'sbp-2013-14 3', 'sbp-2013-14 4', 'sbp-2014-15 6.4']);
    expect(await notice.count()).toBe(0);
  });
});

describe('the agenda reordered in two windows', () => {
  const DEMO = 'Safer and Stronger Bucks Partnership Board — March 2014';
  const agenda = (page: Page): Locator => page.getByRole('grid', { name: 'Agenda' });
  const titles = (page: Page) => agenda(page).locator('.agenda-title').allTextContents();
  const stored = () =>
    app
      .query<{ title: string }>(
        'select a.title from agenda_item a join meeting m on m.id = a.meeting_id where m.title = ? order by a.position',
        DEMO,
      )
      .map((row) => row.title);

  async function openAgenda(page: Page): Promise<void> {
    await go(page, 'Meetings & packs');
    await page.getByRole('listbox', { name: 'Meetings' }).getByRole('option', { name: DEMO }).click();
    await expect.poll(() => page.locator('#meeting-heading').textContent()).toBe(DEMO);
    await expect.poll(async () => (await titles(page)).length, { timeout: 10_000 }).toBe(11);
  }

  it('refuses a reorder made from an order someone else has changed since, says so beside the list and shows theirs', async () => {
    await openAgenda(first);
    await openAgenda(second);
    const original = stored();
    const [one, two, three] = original as [string, string, string];

    await first.getByRole('button', { name: `Move ${two} up` }).click();
    const theirs = [two, one, ...original.slice(2)];
    await expect.poll(() => stored(), { timeout: 10_000 }).toEqual(theirs);

    // The second window still shows the old order and moves the third item up, from it.
    expect(await titles(second)).toEqual(original);
    await second.getByRole('button', { name: `Move ${three} up` }).click();
    const said = second.locator('.agenda-column [role="alert"]');
    await expect
      .poll(() => said.textContent(), { timeout: 10_000 })
      .toMatch(
        /^.* reordered the agenda at \d\d:\d\d, since you last saw the agenda; your new order was not saved\. The agenda now shows the order saved: move the items again if you still want to\.$/,
      );
    expect(stored()).toEqual(theirs);
    await expect.poll(() => titles(second), { timeout: 10_000 }).toEqual(theirs);
    await screenshot(second, 'stale-more-agenda-refused');
    expect(await seriousViolations(second)).toEqual([]);

    // Moved again from the order it now shows, the second window's move goes through.
    await second.getByRole('button', { name: `Move ${three} up` }).click();
    const mine = [two, three, one, ...original.slice(3)];
    await expect.poll(() => stored(), { timeout: 10_000 }).toEqual(mine);
    await expect.poll(() => said.textContent()).toBe('');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('a note changed in two windows', () => {
  const DEMO = 'Safer and Stronger Bucks Partnership Board — March 2014';
  const cards = (page: Page): Locator => page.locator('.note-card');
  const card = (page: Page, text: string): Locator => cards(page).filter({ hasText: text });
  const notice = (page: Page): Locator =>
    page.locator('.notes-side').getByRole('alert').filter({ hasText: 'saved this first' });
  const note = () =>
    app.query<{ text: string; resolved: number; version: number }>('select text, resolved, version from annotation');

  async function openNotes(page: Page): Promise<void> {
    await go(page, 'Meetings & packs');
    await page.getByRole('listbox', { name: 'Meetings' }).getByRole('option', { name: DEMO }).click();
    await expect.poll(() => page.locator('#meeting-heading').textContent()).toBe(DEMO);
    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
  }

  async function editNote(page: Page, from: string, to: string): Promise<void> {
    await card(page, from).getByRole('button', { name: 'Edit…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the note' });
    await dialog.locator('textarea').fill(to);
    await dialog.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
  }

  it('refuses a resolve made from before someone else’s edit, and takes theirs when asked', async () => {
    await openNotes(first);
    await first.getByRole('button', { name: 'Go to the Pack tab to issue it' }).click();
    const issue = first.getByRole('button', { name: 'Issue pack as v1' });
    await expect.poll(() => issue.isEnabled(), { timeout: 30_000 }).toBe(true);
    await issue.click();
    await expect.poll(() => first.getByText('Issued version 1.').count(), { timeout: 20_000 }).toBe(1);
    await first.getByRole('tab', { name: 'Notes', exact: true }).click();
    await first.getByRole('button', { name: 'Add a note…' }).click();
    const adding = first.getByRole('dialog', { name: 'Add a note' });
    await adding.locator('textarea').fill('Is the burglary target right?');
    await adding.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => note()).toEqual([{ text: 'Is the burglary target right?', resolved: 0, version: 1 }]);

    await openNotes(second);
    await expect.poll(() => card(second, 'Is the burglary target right?').count(), { timeout: 10_000 }).toBe(1);
    await editNote(first, 'Is the burglary target right?', 'Is the −2% burglary target right?');
    expect(note()).toEqual([{ text: 'Is the −2% burglary target right?', resolved: 0, version: 2 }]);

    await card(second, 'Is the burglary target right?').getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => notice(second).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await notice(second).textContent()).toMatch(
      /^Someone else saved this first\. N1: .* changed .*'s note "Is the −2% burglary target right\?": text from "Is the burglary target right\?" to "Is the −2% burglary target right\?" at \d\d:\d\d; your resolved yes was not saved\./,
    );
    expect(note()).toEqual([{ text: 'Is the −2% burglary target right?', resolved: 0, version: 2 }]);
    // The notes are read again: the card shows their words.
    await expect.poll(() => card(second, 'Is the −2% burglary target right?').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(second, 'stale-more-note-refused');
    // The pack preview's document is checked where it is made: axe takes minutes over a whole demo pack.
    expect(await seriousViolationsBesidePreview(second)).toEqual([]);

    await notice(second).getByRole('button', { name: 'Take theirs' }).click();
    expect(await notice(second).count()).toBe(0);
    expect(note()).toEqual([{ text: 'Is the −2% burglary target right?', resolved: 0, version: 2 }]);
  }, 90_000);

  it('refuses a delete made from before someone else’s edit, and deletes it when the user keeps theirs', async () => {
    await editNote(second, 'Is the −2% burglary target right?', 'Is the −2% target right for Wycombe?');
    expect(note()).toEqual([{ text: 'Is the −2% target right for Wycombe?', resolved: 0, version: 3 }]);

    await card(first, 'Is the −2% burglary target right?').getByRole('button', { name: 'Delete…' }).click();
    const confirm = first.getByRole('alertdialog', { name: /^Delete note N1/ });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => notice(first).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await confirm.count()).toBe(0);
    expect(await notice(first).textContent()).toMatch(
      /Note N1 was not deleted: .* changed .*: text from "Is the −2% burglary target right\?" to "Is the −2% target right for Wycombe\?" at \d\d:\d\d; it was not deleted\./,
    );
    expect(note()).toHaveLength(1);
    await screenshot(first, 'stale-more-note-delete-refused');

    await notice(first).getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => note(), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => first.locator('.notes-side [role="status"]').textContent()).toBe('Deleted note N1.');
    expect(await notice(first).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
