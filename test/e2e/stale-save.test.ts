import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureRows, saveInto, saveStatus, showFigures, storedBurglaries, typeInto } from './figures';
import { openTwoWindows, screenshot, seriousViolations, type RunningApp } from './harness';

/**
 * Editing together (issue 9, point 3) in real Chromium: two windows on one
 * preview server edit the same figure. The second save, made from the value
 * its window showed before the first was saved, is refused and shown beside
 * the cell (who saved what, when, and the value not saved); the user keeps
 * theirs or takes the other's, and nothing is overwritten silently.
 */

let app: RunningApp;
let first: Page;
let second: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, first, second, close } = await openTwoWindows());
}, 60_000);

afterAll(() => close?.());

const valueCell = (page: Page): Locator => figureRows(page).locator('[role="gridcell"][data-column="value"]').first();

/** The Figures screen narrowed to Wycombe's domestic burglaries of Apr-Dec 2013: one row. */
async function showWycombeBurglary(page: Page): Promise<void> {
  await showFigures(page, { Indicator: 'Domestic burglary', Area: 'Wycombe', Period: 'Apr-Dec 2013' });
  await expect.poll(() => figureRows(page).count()).toBe(1);
}

const typeValue = (page: Page, text: string) => typeInto(page, valueCell(page), text);
const saveValue = (page: Page, text: string) => saveInto(page, valueCell(page), text);
const stored = () => storedBurglaries(app, 'Wycombe');

describe('two windows saving the same figure', () => {
  it('shows both windows the same figure', async () => {
    await showWycombeBurglary(first);
    await showWycombeBurglary(second);
    await expect.poll(() => valueCell(first).textContent()).toBe('201');
    await expect.poll(() => valueCell(second).textContent()).toBe('201');
    expect(stored()).toEqual({ value: 201, version: 1 });
  });

  it('refuses the second save, made from 201, and shows beside the cell who saved what and the value not saved', async () => {
    await typeValue(second, '415');
    await saveValue(first, '412');
    expect(stored()).toEqual({ value: 412, version: 2 });

    await second.keyboard.press('Enter');
    const question = second.getByRole('alertdialog', { name: 'Someone else saved this first' });
    await expect.poll(() => question.isVisible(), { timeout: 10_000 }).toBe(true);
    const text = (await question.textContent()) ?? '';
    expect(text).toMatch(
      /changed value of Domestic burglary, Wycombe, Apr-Dec 2013 at \d\d:\d\d\. Your value was not saved\./,
    );
    expect(text).toContain('Saved now412 (was 201)');
    expect(text).toContain('Yours, not saved415');
    expect(await question.getByRole('button', { name: 'Keep mine' }).isVisible()).toBe(true);
    expect(await question.getByRole('button', { name: 'Take theirs' }).isVisible()).toBe(true);
    // The question opens where the edit was made: just below the value cell.
    const cellBox = await valueCell(second).boundingBox();
    const questionBox = await question.boundingBox();
    expect(Math.abs((questionBox?.y ?? 0) - ((cellBox?.y ?? 0) + (cellBox?.height ?? 0)))).toBeLessThan(40);
    expect(Math.abs((questionBox?.x ?? 0) - (cellBox?.x ?? 0))).toBeLessThan(40);
    await screenshot(second, 'stale-save-refused');
    expect(await seriousViolations(second)).toEqual([]);
    await expect
      .poll(() => saveStatus(second).textContent())
      .toMatch(/Failed: .*changed Wycombe.*your 415 was not saved/);
    // Nothing of the second window's was written.
    expect(stored()).toEqual({ value: 412, version: 2 });
  });

  it('saves the second value over the first when its author keeps theirs', async () => {
    await second.getByRole('alertdialog').getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => saveStatus(second).textContent(), { timeout: 10_000 }).toMatch(/Saved/);
    expect(await second.getByRole('alertdialog').count()).toBe(0);
    await expect.poll(() => valueCell(second).textContent()).toBe('415');
    expect(stored()).toEqual({ value: 415, version: 3 });
    // The other window hears of it and shows it.
    await expect.poll(() => valueCell(first).textContent(), { timeout: 10_000 }).toBe('415');
    await screenshot(second, 'stale-save-kept');
  });

  it('drops the second value and shows the saved one when its author takes theirs', async () => {
    await typeValue(second, '600');
    await saveValue(first, '500');
    await second.keyboard.press('Enter');
    const question = second.getByRole('alertdialog', { name: 'Someone else saved this first' });
    await expect.poll(() => question.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await question.textContent()).toContain('Saved now500 (was 415)');
    await question.getByRole('button', { name: 'Take theirs' }).click();
    expect(await second.getByRole('alertdialog').count()).toBe(0);
    await expect.poll(() => valueCell(second).textContent()).toBe('500');
    expect(await valueCell(second).getAttribute('aria-invalid')).toBeNull();
    expect(stored()).toEqual({ value: 500, version: 4 });
    const updates = app.query<{ old_values: string; new_values: string }>(
      `select old_values, new_values from change_log where table_name = 'figure' and operation = 'update' order by id`,
    );
    expect(updates.map((entry) => [entry.old_values, entry.new_values])).toEqual([
      ['{"value":201}', '{"value":412}'],
      ['{"value":412}', '{"value":415}'],
      ['{"value":415}', '{"value":500}'],
    ]);
    expect(app.pageErrors).toEqual([]);
  });
});

describe("two windows saving the same meeting's details", () => {
  const DEMO = 'Safer and Stronger Bucks Partnership Board — March 2014';

  async function openDetails(page: Page): Promise<void> {
    await page.getByRole('navigation').getByRole('link', { name: 'Meetings & packs', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Meetings & packs');
    await page.getByRole('listbox', { name: 'Meetings' }).getByRole('option', { name: DEMO }).click();
    await expect.poll(() => page.locator('#meeting-heading').textContent()).toBe(DEMO);
    await page.getByRole('tab', { name: 'Meeting details' }).click();
  }

  const meeting = () =>
    app.query<{ venue: string | null; board: string | null; version: number }>(
      'select venue, board, version from meeting where title = ?',
      DEMO,
    )[0];

  it('refuses the second window’s save and lets its author keep it, beside the form', async () => {
    await openDetails(first);
    await openDetails(second);
    const before = meeting();
    await first.getByRole('textbox', { name: 'Venue' }).fill('Council Chamber, Aylesbury');
    await first.getByRole('textbox', { name: 'Venue' }).blur();
    await expect.poll(() => meeting()?.venue, { timeout: 10_000 }).toBe('Council Chamber, Aylesbury');

    await second.getByRole('textbox', { name: 'Board' }).fill('Safer Bucks Board');
    await second.getByRole('textbox', { name: 'Board' }).blur();
    const notice = second.getByRole('alert').filter({ hasText: 'saved this first' });
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await notice.textContent()).toMatch(
      /Someone else saved this first\. .* changed meeting .*: venue from .* to "Council Chamber, Aylesbury" at \d\d:\d\d; your board "Safer Bucks Board" was not saved/,
    );
    await screenshot(second, 'stale-save-meeting-refused');
    expect(await seriousViolations(second)).toEqual([]);
    expect(meeting()).toMatchObject({ board: before?.board ?? null, version: (before?.version ?? 0) + 1 });

    await notice.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => meeting()?.board, { timeout: 10_000 }).toBe('Safer Bucks Board');
    // Keep mine saved the board over the version saved now: the other window's venue stays.
    expect(meeting()).toMatchObject({ venue: 'Council Chamber, Aylesbury', version: (before?.version ?? 0) + 2 });
    expect(await second.getByRole('alert').filter({ hasText: 'saved this first' }).count()).toBe(0);
    // The form now shows both: the other window's venue, and this one's board.
    await expect
      .poll(() => second.getByRole('textbox', { name: 'Venue' }).inputValue())
      .toBe('Council Chamber, Aylesbury');
    expect(await second.getByRole('textbox', { name: 'Board' }).inputValue()).toBe('Safer Bucks Board');
    await screenshot(second, 'stale-save-meeting-kept');
  });
});

describe("two windows saving the same paper's agenda item", () => {
  const WELCOME = 'Welcome, introductions and apologies';
  const paperText = (page: Page): Locator => page.getByRole('textbox', { name: /^Text of the paper/ });

  async function openAgenda(page: Page): Promise<void> {
    await page.getByRole('tab', { name: /^Agenda/ }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe(WELCOME);
  }

  const item = () =>
    app.query<{ title: string; content: string; version: number }>(
      'select title, content, version from agenda_item where title = ?',
      WELCOME,
    )[0];

  it('takes theirs into the paper editor too, so the next edit keeps their text', async () => {
    await openAgenda(first);
    await openAgenda(second);
    await paperText(first).click();
    await first.keyboard.press('Control+End');
    await first.keyboard.type(' Apologies from the fire service.');
    await paperText(first).blur();
    await expect.poll(() => item()?.content, { timeout: 10_000 }).toContain('Apologies from the fire service.');
    const theirs = item();

    // The second window still shows the text without it, and saves a title from the version it was shown.
    expect(await paperText(second).textContent()).not.toContain('Apologies from the fire service.');
    const title = second.getByRole('textbox', { name: 'Title', exact: true });
    await title.fill('Welcome and apologies');
    await title.blur();
    const notice = second.getByRole('alert').filter({ hasText: 'saved this first' });
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    await notice.getByRole('button', { name: 'Take theirs' }).click();
    await expect.poll(() => paperText(second).textContent()).toContain('Apologies from the fire service.');
    expect(await title.inputValue()).toBe(WELCOME);
    expect(item()?.version).toBe(theirs?.version);

    // An edit now is made over their text: both sentences are kept.
    await paperText(second).click();
    await second.keyboard.press('Control+End');
    await second.keyboard.type(' Minutes agreed.');
    await paperText(second).blur();
    await expect.poll(() => item()?.content, { timeout: 10_000 }).toContain('Minutes agreed.');
    expect(item()?.content).toContain('Apologies from the fire service.');
    expect(item()?.version).toBe((theirs?.version ?? 0) + 1);
    await screenshot(second, 'stale-save-paper-taken');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('undoing a figure deletion after someone else added the figure again', () => {
  const AYLESBURY = { Indicator: 'Domestic burglary', Area: 'Aylesbury', Period: 'Apr-Dec 2013' };
  const stored = () => storedBurglaries(app, 'Aylesbury');

  it('is refused, said in the status bar, and their figure stays', async () => {
    await showFigures(first, AYLESBURY);
    await showFigures(second, AYLESBURY);
    await expect.poll(() => figureRows(first).count()).toBe(1);
    const before = stored();
    expect(before).toBeDefined();

    await figureRows(first).locator('[role="gridcell"][data-column="value"]').click();
    await first.keyboard.press('Delete');
    const confirm = first.getByRole('alertdialog', { name: /^Delete Domestic burglary, Aylesbury/ });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => stored(), { timeout: 10_000 }).toBeUndefined();
    await expect.poll(() => figureRows(second).count(), { timeout: 10_000 }).toBe(0);

    // The second window adds the figure again, with its own value.
    await second.getByRole('textbox', { name: 'Add figures: paste rows here' }).focus();
    await second.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      (document.activeElement as HTMLElement).dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, 'Domestic burglary\tAylesbury\tApr-Dec 2013\t250');
    await second.getByRole('dialog', { name: 'Paste figures' }).getByRole('button', { name: 'Write 1 figure' }).click();
    await expect.poll(() => stored()?.value, { timeout: 10_000 }).toBe(250);

    const undo = first.getByRole('button', { name: 'Undo', exact: true });
    expect(await undo.getAttribute('title')).toMatch(/^Undo deleted Domestic burglary, Aylesbury/);
    await undo.click();
    await expect
      .poll(() => saveStatus(first).textContent(), { timeout: 10_000 })
      .toMatch(
        new RegExp(
          `could not undo deleted Domestic burglary, Aylesbury, Apr-Dec 2013: \\w+ added Aylesbury, Domestic burglary, Apr-Dec 2013 at \\d\\d:\\d\\d; your ${before?.value ?? ''}, .*was not saved`,
        ),
      );
    expect(stored()).toEqual({ value: 250, version: 1 });
    await expect
      .poll(() => figureRows(first).locator('[data-column="value"]').first().textContent(), { timeout: 10_000 })
      .toBe('250');
    await screenshot(first, 'stale-save-figure-undo-refused');
  });
});
