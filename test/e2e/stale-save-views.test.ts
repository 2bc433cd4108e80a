import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTwoWindows, screenshot, seriousViolations, type RunningApp } from './harness';

/**
 * Editing together (issue 9, point 3) on the Comparisons and Meetings screens,
 * in real Chromium at 1280 px: two windows on one database file, each through
 * its own preview server (two laptops on one team database: neither hears of
 * the other's saves). A saved view renamed in one window and then saved from
 * the other is refused and shown beside the view's controls; Keep mine and
 * Take theirs settle it. A meeting deleted from a list read before someone
 * saved the meeting is refused, and nothing is deleted.
 */

const VIEW = 'Domestic burglary by Local Policing Area, Apr-Dec 2012 to Apr-Dec 2013';
const MEETING = 'Safer and Stronger Bucks Partnership Board — March 2014';
const VIEWPORT = { width: 1280, height: 900 };

let app: RunningApp;
let first: Page;
let second: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, first, second, close } = await openTwoWindows({ viewport: VIEWPORT, ownServer: true }));
}, 60_000);

afterAll(() => close?.());

interface StoredView {
  readonly id: number;
  readonly name: string;
  readonly version: number;
}

const views = () => app.query<StoredView>('select id, name, version from comparison_view order by id');
const viewById = (id: number) => views().find((view) => view.id === id);

const nameBox = (page: Page): Locator => page.getByRole('textbox', { name: 'Name', exact: true });
const notice = (page: Page): Locator => page.getByRole('alert').filter({ hasText: 'saved this first' });
const said = (page: Page): Locator => page.locator('.view-message');

async function openComparisons(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Comparisons', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Comparisons');
}

async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Saved views' }).selectOption({ label: name });
  await expect.poll(() => nameBox(page).inputValue()).toBe(name);
}

async function rename(page: Page, name: string): Promise<void> {
  await nameBox(page).fill(name);
  await page.getByRole('button', { name: 'Save changes' }).click();
}

describe('two windows saving the same comparison view', () => {
  let id = 0;
  let start = 0;

  it('refuses the second window’s rename, made from the version it opened, and says who renamed it to what', async () => {
    await openComparisons(first);
    await openComparisons(second);
    await openView(first, VIEW);
    await openView(second, VIEW);
    const before = views().find((view) => view.name === VIEW);
    if (!before) throw new Error(`the demo has no view "${VIEW}"`);
    ({ id, version: start } = before);

    await rename(first, `${VIEW} (first)`);
    await expect.poll(() => viewById(id), { timeout: 10_000 }).toMatchObject({ name: `${VIEW} (first)` });
    expect(viewById(id)?.version).toBe(start + 1);

    await rename(second, `${VIEW} (second)`);
    await expect.poll(() => notice(second).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await notice(second).textContent()).toMatch(
      new RegExp(
        `^Someone else saved this first\\. \\S+ changed the saved view "${VIEW} \\(first\\)" at \\d\\d:\\d\\d: renamed it from "${VIEW}" to "${VIEW} \\(first\\)"\\. Your changes were not saved\\.`,
      ),
    );
    // Nothing of the second window's was written, and its list now shows the view as saved.
    expect(viewById(id)).toEqual({ id, name: `${VIEW} (first)`, version: start + 1 });
    await expect
      .poll(() => second.getByRole('combobox', { name: 'Saved views' }).locator('option').allTextContents())
      .toContain(`${VIEW} (first)`);
    // The notice sits with the view's controls, above the editor's fields.
    const noticeBox = await notice(second).boundingBox();
    const controlsBox = await second.locator('.view-editor-head').boundingBox();
    expect((noticeBox?.y ?? 0) - ((controlsBox?.y ?? 0) + (controlsBox?.height ?? 0))).toBeLessThan(60);
    await screenshot(second, 'stale-save-view-refused');
    expect(await seriousViolations(second)).toEqual([]);
  });

  it('saves the second window’s view over the first’s when its author keeps theirs', async () => {
    await notice(second).getByRole('button', { name: 'Keep mine' }).click();
    await expect
      .poll(() => viewById(id), { timeout: 10_000 })
      .toEqual({
        id,
        name: `${VIEW} (second)`,
        version: start + 2,
      });
    expect(await notice(second).count()).toBe(0);
    await expect
      .poll(() => said(second).textContent())
      .toBe(`Saved the view "${VIEW} (second)" over the other change.`);
    await screenshot(second, 'stale-save-view-kept');
  });

  it('drops the first window’s edit and shows the view as saved when its author takes theirs', async () => {
    // The first window still edits from the version it saved: its next rename is refused in turn.
    await rename(first, 'Burglary by area');
    await expect.poll(() => notice(first).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await notice(first).textContent()).toContain(
      `renamed it from "${VIEW} (first)" to "${VIEW} (second)". Your changes were not saved.`,
    );
    await notice(first).getByRole('button', { name: 'Take theirs' }).click();
    await expect.poll(() => nameBox(first).inputValue()).toBe(`${VIEW} (second)`);
    expect(await notice(first).count()).toBe(0);
    expect(await first.getByRole('combobox', { name: 'Saved views' }).inputValue()).toBe(String(id));
    expect(viewById(id)).toEqual({ id, name: `${VIEW} (second)`, version: start + 2 });
    await screenshot(first, 'stale-save-view-taken');

    // Having taken theirs, the window saves from the version saved now.
    await rename(first, `${VIEW} (agreed)`);
    await expect
      .poll(() => viewById(id), { timeout: 10_000 })
      .toEqual({
        id,
        name: `${VIEW} (agreed)`,
        version: start + 3,
      });
    const names = app.query<{ new_values: string }>(
      `select new_values from change_log where table_name = 'comparisonView' and row_id = ? and operation = 'update' order by id`,
      String(id),
    );
    expect(names.map((entry) => (JSON.parse(entry.new_values) as { name: string }).name)).toEqual([
      `${VIEW} (first)`,
      `${VIEW} (second)`,
      `${VIEW} (agreed)`,
    ]);
  });

  it('refuses to delete a view someone saved since, shows theirs, and deletes it when asked again', async () => {
    await second.getByRole('button', { name: 'Delete view…' }).click();
    await second.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click();
    const refusal = second.getByRole('alert').filter({ hasText: 'It was not deleted' });
    await expect.poll(() => refusal.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await refusal.textContent()).toMatch(
      new RegExp(
        `\\S+ changed the saved view "${VIEW} \\(agreed\\)" at \\d\\d:\\d\\d: renamed it from "${VIEW} \\(second\\)" to "${VIEW} \\(agreed\\)"\\. It was not deleted: the view as saved now is shown; delete it again to delete it\\.`,
      ),
    );
    await expect.poll(() => nameBox(second).inputValue()).toBe(`${VIEW} (agreed)`);
    expect(viewById(id)).toMatchObject({ version: start + 3 });
    await screenshot(second, 'stale-save-view-delete-refused');

    await second.getByRole('button', { name: 'Delete view…' }).click();
    await second.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => viewById(id), { timeout: 10_000 }).toBeUndefined();
    await expect.poll(() => said(second).textContent()).toBe(`Deleted the view "${VIEW} (agreed)".`);
    expect(app.pageErrors).toEqual([]);
  });
});

describe('deleting a meeting from a list read before someone saved it', () => {
  const meeting = () =>
    app.query<{ id: number; venue: string | null; version: number }>(
      'select id, venue, version from meeting where title = ?',
      MEETING,
    )[0];
  const items = (id: number) => app.query('select id from agenda_item where meeting_id = ?', id).length;

  async function openMeeting(page: Page): Promise<void> {
    await page.getByRole('navigation').getByRole('link', { name: 'Meetings & packs', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Meetings & packs');
    await page.getByRole('listbox', { name: 'Meetings' }).getByRole('option', { name: MEETING }).click();
    await expect.poll(() => page.locator('#meeting-heading').textContent()).toBe(MEETING);
  }

  it('is refused, said in the dialog and the status bar, deleting nothing; deleting again deletes it as saved now', async () => {
    await openMeeting(second);
    await openMeeting(first);
    const before = meeting();
    if (!before) throw new Error(`the demo has no meeting "${MEETING}"`);
    const itemCount = items(before.id);
    expect(itemCount).toBeGreaterThan(0);

    await first.getByRole('tab', { name: 'Meeting details' }).click();
    await first.getByRole('textbox', { name: 'Venue' }).fill('Council Chamber, Aylesbury');
    await first.getByRole('textbox', { name: 'Venue' }).blur();
    await expect.poll(() => meeting()?.version, { timeout: 10_000 }).toBe(before.version + 1);

    await second.getByRole('button', { name: 'Delete meeting…' }).click();
    const dialog = second.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    const failure = dialog.getByText(/^The delete failed:/);
    await expect.poll(() => failure.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await failure.textContent()).toMatch(
      new RegExp(
        `^The delete failed: \\S+ changed meeting ${MEETING}: venue from .* to "Council Chamber, Aylesbury" at \\d\\d:\\d\\d; it was not deleted\\. Delete again to delete it as saved now, or cancel to keep it\\.$`,
      ),
    );
    await expect
      .poll(() =>
        second
          .getByRole('status')
          .filter({ hasText: /Failed/ })
          .textContent(),
      )
      .toMatch(/Failed: .*it was not deleted/);
    expect(meeting()).toEqual({ id: before.id, venue: 'Council Chamber, Aylesbury', version: before.version + 1 });
    expect(items(before.id)).toBe(itemCount);
    await screenshot(second, 'stale-save-meeting-delete-refused');
    expect(await seriousViolations(second)).toEqual([]);

    // The list was read again: deleting again is made from the version saved now, and goes through.
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => meeting(), { timeout: 10_000 }).toBeUndefined();
    expect(items(before.id)).toBe(0);
    await expect.poll(() => second.getByRole('alertdialog').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
