import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { fileKindAt } from '../../electron/exchange/file-kind';
import { startPreview, type Preview } from '../../electron/preview/run-preview';
import { apiOnFile } from '../integration/notes/notes-fixture';
import { suitePath } from '../helpers/temp-files';
import { launchChromium, openApp, screenshotWhole, SHOTS, type RunningApp } from './harness';

/**
 * The Notes tab of the Meetings & packs screen in real Chromium against the
 * demo database (issue 7): v1 of the March 2014 pack is issued; a question on
 * a figure and a comment on an item are added through the dialog, marked N1
 * and N2 in the preview and boxed at their items' ends, and listed by item;
 * one is edited into a proposed RAG (refused inline until a colour is chosen),
 * one resolved and found again under "Show resolved"; the version is exported
 * as a reviewer's pack file, a .boardnotes file written from that file through
 * the API is imported (its counts said), and the PDF is exported with the
 * notes. Then the pack file itself is opened in the preview: the reviewer's
 * banner, the Notes tab alone, a note added, "Export my notes…".
 */

let browser: Browser;
let app: RunningApp;
let page: Page;

const DEMO = 'Safer and Stronger Bucks Partnership Board — March 2014';
const ITEM_4 = 'Item 4 Domestic burglary by Local Policing Area';
const ITEM_9 = 'Item 9 Draft Safer Bucks Spending Plan 2014/15';
const QUESTION = 'Why did Wycombe fall by 45% when the county fell by 20%?';
const COMMENT = 'The BCC lines add to £277k against the £246k stated: which is right?';
const REASON = 'Amber until the BCC lines are reconciled';

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
async function seriousViolations(on: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: on }).exclude('iframe.pack-preview').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

const preview = (on: Page = page): FrameLocator => on.frameLocator('iframe[title="Pack preview"]');
const cards = (on: Page = page): Locator => on.locator('.note-card');
const card = (text: string, on: Page = page): Locator => cards(on).filter({ hasText: text });
const status = (on: Page = page): Locator => on.locator('.notes-side [role="status"]');

async function saved(on: Page = page): Promise<void> {
  await expect.poll(() => on.getByTestId('save-status').textContent(), { timeout: 10_000 }).toBe('Saved');
}

async function tab(name: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect.poll(() => page.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
}

async function download(on: Page, button: Locator, name: string): Promise<{ path: string; fileName: string }> {
  try {
    const [file] = await Promise.all([on.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    const path = join(suitePath('downloads'), file.suggestedFilename());
    mkdirSync(join(path, '..'), { recursive: true });
    await file.saveAs(path);
    return { path, fileName: file.suggestedFilename() };
  } catch (error) {
    await screenshotWhole(on, `notes-${name}-failed`);
    throw error;
  }
}

/** Adds a note through "Add a note…": the item, words to find the element, the element, the kind, the text. */
async function addNote(options: {
  item: string;
  find?: string;
  element?: string;
  kind?: string;
  text: string;
  shot?: string;
}): Promise<void> {
  await page.getByRole('button', { name: 'Add a note…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a note' });
  await dialog.getByRole('combobox', { name: 'Agenda item' }).selectOption({ label: options.item });
  if (options.find) await dialog.getByRole('searchbox', { name: /^Find an element/ }).fill(options.find);
  if (options.element)
    await dialog.getByRole('combobox', { name: /^Element/ }).selectOption({ label: options.element });
  if (options.kind) await dialog.getByRole('radio', { name: options.kind }).check();
  await dialog.locator('textarea').fill(options.text);
  if (options.shot) {
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotWhole(page, options.shot);
  }
  await dialog.getByRole('button', { name: 'Add note' }).click();
  await saved();
  await expect.poll(() => dialog.count()).toBe(0);
}

describe('the Notes tab', () => {
  it('says notes are on an issued version, and leads to the Pack tab to issue one', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Meetings & packs', exact: true }).click();
    await page.getByRole('listbox', { name: 'Meetings' }).getByRole('option', { name: DEMO }).click();
    await expect.poll(() => page.locator('#meeting-heading').textContent()).toBe(DEMO);
    await tab('Notes');
    await expect.poll(() => page.getByText(/Notes are written on an issued version/).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Add a note…' }).count()).toBe(0);
    await screenshotWhole(page, 'notes-no-version');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Go to the Pack tab to issue it' }).click();
    const issue = page.getByRole('button', { name: 'Issue pack as v1' });
    await expect.poll(() => issue.isEnabled(), { timeout: 30_000 }).toBe(true);
    await issue.click();
    await expect.poll(() => page.getByText('Issued version 1.').count(), { timeout: 20_000 }).toBe(1);
    await tab('Notes');
    await expect.poll(() => page.getByRole('combobox', { name: 'Version' }).inputValue()).toBe('1');
    expect(await page.getByText('No open notes on this version.', { exact: false }).count()).toBe(1);
  }, 90_000);

  it('adds a question on a figure and a comment on an item, refusing an empty note beside its field', async () => {
    await addNote({
      item: ITEM_4,
      find: 'wycombe CHANGE',
      element: 'Wycombe, % change (-45%)',
      kind: 'Question for the meeting',
      text: QUESTION,
      shot: 'notes-add-dialog',
    });

    // An empty note is refused beside its text box, the field named in the dialog's alert.
    await page.getByRole('button', { name: 'Add a note…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a note' });
    await dialog.getByRole('combobox', { name: 'Agenda item' }).selectOption({ label: ITEM_9 });
    expect(await dialog.getByRole('combobox', { name: /^Element/ }).inputValue()).toBe('item:9');
    await dialog.getByRole('button', { name: 'Add note' }).click();
    const text = dialog.getByRole('textbox', { name: 'Comment' });
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').textContent()).toBe('Not saved: see “Comment” below.');
    const describedBy = (await text.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/the note/i);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotWhole(page, 'notes-add-refused');
    await text.fill(COMMENT);
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await saved();
    await expect.poll(() => dialog.count()).toBe(0);

    expect(
      app.query<{ target_kind: string; target_ref: string; kind: string; text: string }>(
        'select target_kind, target_ref, kind, text from annotation order by created_at',
      ),
    ).toEqual([
      { target_kind: 'figure', target_ref: 'item:4:table:1/6:area:7/5', kind: 'question', text: QUESTION },
      { target_kind: 'item', target_ref: '9', kind: 'comment', text: COMMENT },
    ]);
  });

  it('lists them by item with the N-numbers the preview marks, each boxed at its item’s end', async () => {
    await expect.poll(() => cards().count()).toBe(2);
    expect(await page.locator('.notes-group-title').allTextContents()).toEqual([ITEM_4, ITEM_9]);
    expect(await card(QUESTION).locator('.note-head').textContent()).toBe(
      'N1 Question for the meeting on Wycombe, % change (-45%)',
    );
    expect(await card(COMMENT).locator('.note-head').textContent()).toBe('N2 Comment on the item as a whole');
    expect(await card(COMMENT).locator('.note-by').textContent()).toMatch(/ · Shared$/);

    await expect
      .poll(() => preview().locator('.note-mark').allTextContents(), { timeout: 30_000 })
      .toEqual(['N1', 'N2']);
    // N1 sits in Wycombe's % change cell of the burglary table; N2 at item 9's heading.
    expect(await preview().locator('td:has(.note-mark)').textContent()).toContain('-45%');
    expect(await preview().locator('h1:has(.note-mark)').textContent()).toContain('Draft Safer Bucks Spending Plan');
    const boxes = preview().locator('aside.pack-notes');
    await expect.poll(() => boxes.count()).toBe(2);
    expect(await boxes.nth(0).textContent()).toContain(QUESTION);
    expect(await boxes.nth(1).textContent()).toContain(COMMENT);
    await preview().locator('aside.pack-notes').nth(0).scrollIntoViewIfNeeded();
    await screenshotWhole(page, 'notes-listed');
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('edits the comment into a proposed RAG, refused inline until red, amber or green is chosen', async () => {
    await card(COMMENT).getByRole('button', { name: 'Edit…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the note' });
    await dialog.getByRole('radio', { name: 'Proposed RAG' }).check();
    await dialog.getByRole('textbox', { name: 'Reason for the proposed RAG' }).fill(REASON);
    await dialog.getByRole('button', { name: 'Save note' }).click();
    const rags = dialog.getByRole('group', { name: 'Proposed RAG (required)' });
    await expect.poll(() => rags.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').textContent()).toBe('Not saved: see “Proposed RAG” below.');
    expect(await rags.textContent()).toContain('A proposed RAG note names red, amber or green');
    await screenshotWhole(page, 'notes-edit-refused');
    await dialog.getByRole('radio', { name: 'Amber' }).check();
    await dialog.getByRole('button', { name: 'Save note' }).click();
    await saved();
    await expect.poll(() => dialog.count()).toBe(0);

    await expect.poll(() => card(REASON).locator('.note-kind').textContent()).toBe('Proposed RAG: Amber');
    const swatch = card(REASON).locator('.note-rag-swatch');
    expect(await swatch.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(242, 169, 0)');
    await expect
      .poll(() => preview().locator('aside.pack-notes').nth(1).textContent())
      .toContain('Proposed RAG: Amber');
    expect(
      app.query<{ kind: string; rag: string; version: number }>(
        'select kind, rag, version from annotation where text = ?',
        REASON,
      ),
    ).toEqual([{ kind: 'proposed rag', rag: 'amber', version: 2 }]);
  });

  it('resolves the question: it leaves the open notes, and "Show resolved" shows it again', async () => {
    await card(QUESTION).getByRole('button', { name: 'Resolve' }).click();
    await saved();
    await expect.poll(() => cards().count()).toBe(1);
    expect(await status().textContent()).toContain('Resolved N1: it leaves the open notes');
    // The one open note is N1 now, in the list and in the preview.
    await expect.poll(() => preview().locator('.note-mark').allTextContents()).toEqual(['N1']);
    expect(await card(REASON).locator('.note-number').textContent()).toBe('N1');

    await page.getByRole('checkbox', { name: 'Show resolved' }).check();
    await expect.poll(() => cards().count()).toBe(2);
    expect(await card(QUESTION).locator('.note-by').textContent()).toMatch(/ · Resolved$/);
    expect(await card(QUESTION).getByRole('button', { name: 'Reopen' }).count()).toBe(1);
    await screenshotWhole(page, 'notes-show-resolved');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('checkbox', { name: 'Show resolved' }).uncheck();
    await expect.poll(() => cards().count()).toBe(1);
  });

  it('deletes a note after asking', async () => {
    await addNote({ item: ITEM_4, text: 'A note to delete' });
    await expect.poll(() => cards().count()).toBe(2);
    await card('A note to delete').getByRole('button', { name: 'Delete…' }).click();
    const confirm = page.getByRole('alertdialog', { name: /^Delete note N1/ });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => cards().count()).toBe(1);
    expect(app.query('select id from annotation where text = ?', 'A note to delete')).toEqual([]);
  });
});

describe('the exchange from the Notes tab', () => {
  let packFile = '';

  it('exports v1 as a reviewer’s pack file, asking the reviewer’s name', async () => {
    await page.getByRole('button', { name: 'Export pack for reviewer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export pack for reviewer' });
    await dialog.getByRole('textbox', { name: 'Reviewer’s name' }).fill('Cllr Jane Chair');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotWhole(page, 'notes-export-pack-dialog');
    const file = await download(page, dialog.getByRole('button', { name: 'Export pack file' }), 'pack-file');
    expect(file.fileName).toBe('2014-03-12 Safer and Stronger Bucks Partnership Board pack v1.boardpack');
    expect(fileKindAt(file.path)).toBe('boardpack sqlite');
    await expect.poll(() => status().textContent()).toContain(`Exported ${file.fileName} for Cllr Jane Chair`);
    packFile = file.path;
  }, 90_000);

  it('imports a .boardnotes file written from that pack file, saying what it added', async () => {
    // The chair annotates the pack file (through the API, as the command line does) and exports the notes.
    const chair = await apiOnFile(packFile, 'chair');
    await chair.call('annotations.add', {
      meetingId: 1,
      version: 1,
      target: 'figure:item:4:table:1/6:total/5',
      text: 'Well ahead of the −2% target',
      kind: 'proposed rag',
      rag: 'green',
    });
    await chair.call('annotations.add', { meetingId: 1, version: 1, target: 'item:6', text: 'Who leads on IOM?' });
    const exported = await chair.call('exchange.exportNotes', {});
    const notes = join(suitePath('incoming'), exported.fileName);
    mkdirSync(join(notes, '..'), { recursive: true });
    writeFileSync(notes, exported.content);

    await page.getByRole('button', { name: 'Import notes…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import notes' });
    await dialog.getByLabel('Annotations file (.boardnotes)').setInputFiles(notes);
    await expect.poll(() => dialog.getByText(`Chosen: ${exported.fileName}`).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Import notes' }).click();
    await saved();
    await expect
      .poll(() => status().textContent())
      .toBe(
        `Cllr Jane Chair’s notes on version 1 of “${DEMO}”: ` +
          'Added 2, updated 0, 0 kept twice (edited on both sides), 0 deleted, 0 unchanged.',
      );
    await expect.poll(() => cards().count()).toBe(3);
    expect(await card('Well ahead').locator('.note-kind').textContent()).toBe('Proposed RAG: Green');
    expect(await card('Who leads on IOM?').locator('.note-by').textContent()).toMatch(/^Cllr Jane Chair · /);
    await expect.poll(() => preview().locator('.note-mark').count()).toBe(3);
    await screenshotWhole(page, 'notes-imported');

    // The same file again adds nothing.
    await page.getByRole('button', { name: 'Import notes…' }).click();
    await dialog.getByLabel('Annotations file (.boardnotes)').setInputFiles(notes);
    await expect.poll(() => dialog.getByText(`Chosen: ${exported.fileName}`).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Import notes' }).click();
    await expect.poll(() => status().textContent()).toContain('Added 0, updated 0, 0 kept twice');
    expect(app.query<{ n: number }>('select count(*) as n from annotation')).toEqual([{ n: 4 }]);
  }, 60_000);

  it('keeps a note changed on both sides twice, side by side, until "Take theirs" settles it', async () => {
    // The chair changes the question in the pack file and exports again…
    const chair = await apiOnFile(packFile, 'chair');
    const question = (await chair.call('annotations.list', { meetingId: 1, version: 1 })).find(
      (note) => note.text === 'Who leads on IOM?',
    );
    await chair.call('annotations.edit', { id: question?.id ?? '', changes: { text: 'Who leads on IOM in Wycombe?' } });
    const exported = await chair.call('exchange.exportNotes', {});
    const notes = join(suitePath('second'), exported.fileName);
    mkdirSync(join(notes, '..'), { recursive: true });
    writeFileSync(notes, exported.content);

    // … while the secretary answered it here.
    await card('Who leads on IOM?').getByRole('button', { name: 'Edit…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the note' });
    await edit.getByRole('textbox', { name: 'Comment' }).fill('Who leads on IOM? TVP, says the secretary');
    await edit.getByRole('button', { name: 'Save note' }).click();
    await saved();

    await page.getByRole('button', { name: 'Import notes…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import notes' });
    await dialog.getByLabel('Annotations file (.boardnotes)').setInputFiles(notes);
    await expect.poll(() => dialog.getByText(`Chosen: ${exported.fileName}`).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Import notes' }).click();
    await expect
      .poll(() => status().textContent())
      .toContain('Added 0, updated 0, 1 kept twice (edited on both sides), 0 deleted, 1 unchanged.');
    const conflict = page.getByRole('group', { name: /^Conflict: changed here and by its author/ });
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.locator('.note-side-title').allTextContents()).toEqual([
      'Ours (as changed here)',
      'Theirs (as changed by Cllr Jane Chair)',
    ]);
    expect(await conflict.locator('.note-text').allTextContents()).toEqual([
      'Who leads on IOM? TVP, says the secretary',
      'Who leads on IOM in Wycombe?',
    ]);
    // Still three notes, in the list and marked in the preview: the author's version waits beside ours.
    expect(await cards().count()).toBe(3);
    expect(await page.locator('.notes-toolbar .grid-count').textContent()).toBe('3 open notes');
    expect(await preview().locator('.note-mark').count()).toBe(3);
    await screenshotWhole(page, 'notes-conflict');
    expect(await seriousViolations(page)).toEqual([]);

    await conflict.getByRole('button', { name: 'Take theirs' }).click();
    await saved();
    await expect.poll(() => conflict.count()).toBe(0);
    await expect.poll(() => card('Who leads on IOM in Wycombe?').count()).toBe(1);
    expect(await status().textContent()).toMatch(/^Took the author’s version of N\d\.$/);
    expect(app.query<{ n: number }>('select count(*) as n from annotation')).toEqual([{ n: 4 }]);
  }, 60_000);

  it('refuses a file that is not a notes file in an alert, importing nothing', async () => {
    const bogus = join(suitePath('bogus'), 'minutes.boardnotes');
    mkdirSync(join(bogus, '..'), { recursive: true });
    writeFileSync(bogus, 'Minutes of the March meeting');
    await page.getByRole('button', { name: 'Import notes…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import notes' });
    await dialog.getByLabel('Annotations file (.boardnotes)').setInputFiles(bogus);
    await expect.poll(() => dialog.getByText('Chosen: minutes.boardnotes').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Import notes' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toMatch(/^Nothing was imported: minutes\.boardnotes/);
    await screenshotWhole(page, 'notes-import-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(app.query<{ n: number }>('select count(*) as n from annotation')).toEqual([{ n: 4 }]);
  });

  it('exports v1 to PDF with the reviewers’ shared notes from the Pack tab', async () => {
    await tab(/^Pack/);
    await page.getByRole('combobox', { name: 'Pack' }).selectOption({ label: 'Version 1 (issued)' });
    await expect
      .poll(() => page.locator('#pack-preview-heading').textContent())
      .toBe('Preview of version 1 with 4 shared notes');
    await expect.poll(() => preview().locator('.note-mark').count()).toBe(4);
    await page.getByRole('checkbox', { name: 'With reviewers’ shared notes' }).check();
    await screenshotWhole(page, 'notes-pack-tab');
    expect(await seriousViolations(page)).toEqual([]);
    const pdf = await download(page, page.getByRole('button', { name: 'Export PDF' }), 'pdf');
    expect(readFileSync(pdf.path).subarray(0, 4).toString()).toBe('%PDF');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Well ahead of the −2% target');
    expect(text).toContain('Who leads on IOM in Wycombe?');
    expect(text).toContain(REASON);
    // The resolved question is printed too, saying it is resolved.
    expect(text).toContain(QUESTION);
    expect(text).toContain('resolved');
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '12', pdf.path, join(SHOTS, 'notes-pdf')]);
  }, 120_000);
});

describe('a reviewer’s pack file opened in the app', () => {
  let reviewer: Preview;
  let context: BrowserContext;
  let chairPage: Page;

  beforeAll(async () => {
    const path = suitePath('Jane Chair.boardpack');
    await exportPackFile(path);
    reviewer = await startPreview({ location: path, build: false });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    chairPage = await context.newPage();
    await chairPage.goto(reviewer.bridge.pageUrl);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await reviewer?.close();
  });

  /** A fresh pack file of v1 for Jane Chair, as the secretary's "Export pack for reviewer…" writes it. */
  async function exportPackFile(path: string): Promise<void> {
    const office = await apiOnFile(app.dbPath, 'secretary');
    const file = await office.call('exchange.exportPackFile', { meetingId: 1, version: 1, reviewer: 'Jane Chair' });
    writeFileSync(path, Buffer.from(file.content, 'base64'));
  }

  it('says what it is above the screen and opens straight on the meeting’s notes', async () => {
    const banner = chairPage.getByRole('note', { name: 'Reviewer’s copy' });
    await expect
      .poll(() => banner.textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^Reviewer’s copy of “${DEMO}” v1, exported \\d+ \\w+ \\d{4}: read-only except your notes`));
    await expect.poll(() => chairPage.locator('#meeting-heading').textContent()).toBe(DEMO);
    expect(await chairPage.getByRole('tab').allTextContents()).toEqual(['Notes']);
    expect(await chairPage.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Meetings & packs']);
    for (const name of ['New meeting…', 'Duplicate as next quarter…', 'Delete meeting…', 'Import notes…']) {
      expect(await chairPage.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await chairPage.locator('.notes-version-fixed').textContent()).toBe('Version 1');
    await expect.poll(() => preview(chairPage).locator('h1').count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await screenshotWhole(chairPage, 'notes-reviewer-copy');
    expect(await seriousViolations(chairPage)).toEqual([]);
  }, 60_000);

  it('adds a note there, written as the reviewer, and exports the notes as a .boardnotes file', async () => {
    await chairPage.getByRole('button', { name: 'Add a note…' }).click();
    const dialog = chairPage.getByRole('dialog', { name: 'Add a note' });
    await dialog.getByRole('combobox', { name: 'Agenda item' }).selectOption({ label: ITEM_4 });
    await dialog.getByRole('textbox', { name: 'Comment' }).fill('Read before the meeting');
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await saved(chairPage);
    await expect.poll(() => card('Read before the meeting', chairPage).count()).toBe(1);
    expect(await card('Read before the meeting', chairPage).locator('.note-by').textContent()).toMatch(
      /^Jane Chair · /,
    );
    await expect
      .poll(() => preview(chairPage).locator('aside.pack-notes').textContent())
      .toContain('Read before the meeting');

    const file = await download(chairPage, chairPage.getByRole('button', { name: 'Export my notes…' }), 'my-notes');
    expect(file.fileName).toBe('2014-03-12 Safer and Stronger Bucks Partnership Board pack v1 notes.boardnotes');
    expect(fileKindAt(file.path)).toBe('boardpack notes');
    expect(readFileSync(file.path, 'utf8')).toContain('Read before the meeting');
    await expect.poll(() => status(chairPage).textContent()).toContain('send it to the secretary');
    await screenshotWhole(chairPage, 'notes-reviewer-exported');
    expect(await seriousViolations(chairPage)).toEqual([]);
  }, 60_000);
});
