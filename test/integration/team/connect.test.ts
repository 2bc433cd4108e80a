import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import { openDatabase } from '../../../db/open-database';
import { ALL_DATA_CHANGED } from '../../../electron/app/database-session';
import { buildRenderer, startPreview, type Preview } from '../../../electron/preview/run-preview';
import { describeLocation } from '../../../shared/database-location';
import { launchChromium, screenshot, seriousViolations } from '../../e2e/harness';
import { newDatabase, suitePath, tempPath } from '../../helpers/temp-files';
import { asPostgresAdmin, newPostgresDatabase, postgresUrlFor } from '../../helpers/test-engine';
import { DEMO_PARTNERSHIP } from '../../unit/electron/app-fixture';
import {
  currentMenu,
  fakeEncrypt,
  menuItem,
  type ElectronSlot,
  type FakeElectron,
  type FakeElectronOptions,
} from '../../unit/electron/fake-electron';
import { call, mainProcess, window } from '../../unit/electron/main-fixture';

/**
 * File ▸ Connect to team database… end to end (issue 9, point 2): electron/main.ts
 * against the fake `electron` module (its keychain really encrypts), on a real
 * PostgreSQL database holding the demo; then the window's own dialog in
 * Chromium, through the preview.
 */

const electron = vi.hoisted((): ElectronSlot => ({ current: {} }));
vi.mock('electron', async () => (await import('../../unit/electron/fake-electron')).forwardingElectron(electron));

/** A login of the team database's server, with a password no URL may show. */
const LOGIN = `ana_${randomBytes(3).toString('hex')}`;
const PASSWORD = 'C0uncil/p@ss:wörd 3';

let team: { url: string; name: string; drop(): Promise<void> };
let teamUrl: string;
let shown: string;

beforeAll(async () => {
  await asPostgresAdmin((client) => client.query(`create role ${LOGIN} login superuser password '${PASSWORD}'`));
  team = await newPostgresDatabase();
  const database = await openDatabase(team.url);
  await loadDemoDataset(database.db, { actor: 'secretary', now: () => '2026-11-26T09:00:00.000Z' });
  await database.close();
  teamUrl = postgresUrlFor(team.name, { name: LOGIN, password: PASSWORD });
  shown = describeLocation(teamUrl);
}, 60_000);

afterAll(async () => {
  await team?.drop();
  await asPostgresAdmin((client) => client.query(`drop role if exists ${LOGIN}`));
});

/** The password in every form a file or a message could hold it. */
const SECRETS = [PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(PASSWORD).toString('base64')];
const secretsIn = (text: string) => SECRETS.filter((secret) => text.includes(secret));

/** Every file in a folder and below, as text. */
function filesUnder(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) for (const [inner, text] of filesUnder(path)) files.set(inner, text);
    else files.set(path, readFileSync(path).toString('latin1') + readFileSync(path, 'utf8'));
  }
  return files;
}

describe('File ▸ Connect to team database… in the desktop app', () => {
  const main = mainProcess(electron);
  const { launch, quit, settingsFile, readSettings } = main;
  const keptUrl = () => join(main.userData, 'team-database.bin');
  const location = async (fake: FakeElectron) => (await call(fake, 'app.info', {})).value?.databaseLocation;

  /**
   * Does what switches the window to another database, and waits until the window is told to refresh: the
   * old database is closed by then. (A call still on its way to the old team database when its connections
   * close waits out the pool's connection timeout before it fails: the window's refresh supersedes it.)
   */
  async function switched(fake: FakeElectron, action: () => void): Promise<void> {
    const send = window(fake).webContents.send;
    const before = send.mock.calls.length;
    action();
    await vi.waitFor(() => expect(send.mock.calls.slice(before)).toContainEqual(['api:event', ALL_DATA_CHANGED]), {
      timeout: 10_000,
    });
  }

  /** Starts on a database file of the partnership's own, as the secretary had before the team database. */
  async function launchOnFile(options: Partial<FakeElectronOptions> = {}) {
    const file = (await newDatabase(tempPath('partnership.db'))).location;
    writeFileSync(settingsFile(), JSON.stringify({ lastOpened: file, recent: [file] }));
    return { fake: await launch(options), file };
  }

  /** Everything the window was sent, said or titled, and every file in the user-data folder, as text. */
  function everythingShown(fake: FakeElectron): string {
    return [
      JSON.stringify(window(fake).webContents.send.mock.calls),
      JSON.stringify(window(fake).setTitle.mock.calls),
      JSON.stringify(fake.dialog.showMessageBox.mock.calls),
      JSON.stringify(fake.Menu.buildFromTemplate.mock.calls),
      ...filesUnder(main.userData).values(),
    ].join('\n');
  }

  it('switches the window to the team database, titled and described without its password, and remembers it encrypted', async () => {
    const { fake, file } = await launchOnFile();
    menuItem(currentMenu(fake), '&File', 'Connect to team database…').click?.();
    expect(window(fake).webContents.send).toHaveBeenLastCalledWith('api:event', {
      type: 'show-dialog',
      dialog: 'connect-team-database',
    });

    expect(await call(fake, 'team.connect', { url: teamUrl, remember: true })).toEqual({
      ok: true,
      value: { location: shown, remembered: true, notRemembered: null },
    });
    expect(window(fake).webContents.send).toHaveBeenLastCalledWith('api:event', {
      type: 'data-changed',
      tables: ['*'],
    });
    expect(shown).toBe(`postgres://${LOGIN}@127.0.0.1:${new URL(team.url).port}/${team.name}`);
    expect((await call(fake, 'app.info', {})).value).toEqual({
      version: '0.1.0',
      databaseLocation: shown,
      engine: 'postgres',
      partnership: DEMO_PARTNERSHIP,
      nativeFileDialogs: true,
    });
    expect(window(fake).setTitle).toHaveBeenLastCalledWith(`${team.name} on 127.0.0.1 — Boardpack`);
    const menu = currentMenu(fake);
    expect(menuItem(menu, '&File', 'Disconnect from team database').enabled).toBe(true);
    expect(menuItem(menu, '&File', 'Save a copy…').enabled).toBe(false);
    expect(menuItem(menu, '&File', 'Restore from backup…').enabled).toBe(false);

    // The window now works on the server: a write lands there.
    const term = `Team ${LOGIN}`;
    expect(await call(fake, 'glossary.create', { term, definition: 'Written over the team database' })).toMatchObject({
      ok: true,
    });
    const rows = await asPostgresAdmin(
      (client) => client.query('select definition from glossary_term where term = $1', [term]),
      team.name,
    );
    expect(rows.rows).toEqual([{ definition: 'Written over the team database' }]);

    menuItem(currentMenu(fake), '&Help', 'About Boardpack').click?.();
    await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalledOnce());
    expect(fake.dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      detail: `Boardpack 0.1.0\n\nOpen database:\n${shown}`,
    });

    // Kept: only the keychain's bytes; the settings say "reopen the team database" and keep the file to go back to.
    expect(readSettings()).toEqual({ lastOpened: file, recent: [file], teamDatabase: true });
    expect(existsSync(keptUrl())).toBe(true);
    const everything = everythingShown(fake);
    expect(secretsIn(everything)).toEqual([]);
    expect(readFileSync(keptUrl()).toString('latin1')).not.toContain(team.name);
    expect(readFileSync(settingsFile(), 'utf8')).not.toMatch(/postgres|127\.0\.0\.1/);
  });

  it('reopens the team database at the next start, and goes back to the file on Disconnect, forgetting it', async () => {
    const { fake: first, file } = await launchOnFile();
    expect(await call(first, 'team.connect', { url: teamUrl, remember: true })).toMatchObject({ ok: true });
    await quit(first);

    const second = await launch();
    expect((await call(second, 'app.info', {})).value).toMatchObject({ databaseLocation: shown, engine: 'postgres' });
    expect(window(second).setTitle).toHaveBeenLastCalledWith(`${team.name} on 127.0.0.1 — Boardpack`);
    expect(second.dialog.showMessageBox).not.toHaveBeenCalled();

    await switched(second, () => menuItem(currentMenu(second), '&File', 'Disconnect from team database').click?.());
    expect(await location(second)).toBe(file);
    // The window is retitled and its menu rebuilt once the file is recorded as open.
    await vi.waitFor(() => expect(window(second).setTitle).toHaveBeenLastCalledWith('partnership.db — Boardpack'));
    expect(menuItem(currentMenu(second), '&File', 'Disconnect from team database').enabled).toBe(false);
    await expect.poll(() => existsSync(keptUrl())).toBe(false);
    expect(readSettings()).toEqual({ lastOpened: file, recent: [file], teamDatabase: false });
    await quit(second);

    const third = await launch();
    expect(await location(third)).toBe(file);
  });

  it('goes back to files when a file is opened instead: the team database is forgotten', async () => {
    const { fake } = await launchOnFile();
    expect(await call(fake, 'team.connect', { url: teamUrl, remember: true })).toMatchObject({ ok: true });
    const other = (await newDatabase(tempPath('other.db'))).location;
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    await switched(fake, () => menuItem(currentMenu(fake), '&File', 'Open…').click?.());
    expect(await location(fake)).toBe(other);
    await expect.poll(() => existsSync(keptUrl())).toBe(false);
    expect(readSettings()).toMatchObject({ lastOpened: other, teamDatabase: false });
  });

  it('refuses, in words and without the password, what cannot be used; the open file stays open', async () => {
    const { fake, file } = await launchOnFile();
    const settingsBefore = readFileSync(settingsFile(), 'utf8');
    const empty = await newPostgresDatabase({ empty: true });
    const other = await newPostgresDatabase({ empty: true });
    try {
      await asPostgresAdmin((client) => client.query('create table minutes (said text)'), other.name);
      const login = { name: LOGIN, password: PASSWORD };
      const refusals = {
        'a wrong password': postgresUrlFor(team.name, { name: LOGIN, password: `${PASSWORD}!` }),
        'an empty database': postgresUrlFor(empty.name, login),
        'a database of something else': postgresUrlFor(other.name, login),
        'a database that does not exist': postgresUrlFor('bp_no_such_database', login),
        'a server nobody answers on': `postgres://${LOGIN}:${encodeURIComponent(PASSWORD)}@127.0.0.1:1/csp`,
      };
      const said: Record<string, unknown> = {};
      for (const [what, url] of Object.entries(refusals)) {
        const answer = await call(fake, 'team.connect', { url, remember: true });
        said[what] = answer.error && { code: answer.error.code, message: answer.error.message.slice(0, 60) };
      }
      expect(said).toEqual({
        'a wrong password': {
          code: 'forbidden',
          message: expect.stringMatching(/^the team database refused the user name or password/),
        },
        'an empty database': {
          code: 'not-found',
          message:
            `the team database ${describeLocation(refusals['an empty database'])} holds no Boardpack data yet`.slice(
              0,
              60,
            ),
        },
        'a database of something else': {
          code: 'not-a-boardpack-file',
          message:
            `the database ${describeLocation(refusals['a database of something else'])} is not a Boardpack database`.slice(
              0,
              60,
            ),
        },
        'a database that does not exist': {
          code: 'not-found',
          message: expect.stringMatching(/^the team database does not exist/),
        },
        'a server nobody answers on': {
          code: 'io',
          message: expect.stringMatching(/^cannot reach the team database/),
        },
      });
      expect(await location(fake)).toBe(file);
      expect(window(fake).setTitle).toHaveBeenLastCalledWith('partnership.db — Boardpack');
      expect(window(fake).webContents.send).not.toHaveBeenCalled();
      expect(readFileSync(settingsFile(), 'utf8')).toBe(settingsBefore);
      expect(existsSync(keptUrl())).toBe(false);
      expect(secretsIn(everythingShown(fake))).toEqual([]);
    } finally {
      await empty.drop();
      await other.drop();
    }
  });

  it('connects for this session only, and says so, where the computer has no keychain', async () => {
    const { fake, file } = await launchOnFile({ keychain: 'unavailable' });
    const answer = await call(fake, 'team.connect', { url: teamUrl, remember: true });
    expect(answer).toEqual({
      ok: true,
      value: {
        location: shown,
        remembered: false,
        notRemembered: expect.stringMatching(/^this computer offers no keychain.*for this session only$/),
      },
    });
    expect(await location(fake)).toBe(shown);
    expect(existsSync(keptUrl())).toBe(false);
    expect(readSettings()).toEqual({ lastOpened: file, recent: [file], teamDatabase: false });
    await quit(fake);
    expect(await location(await launch({ keychain: 'unavailable' }))).toBe(file);
  });

  it('falls back to the demo at start when the server now refuses the password, saying why, and lets it go', async () => {
    const { fake } = await launchOnFile();
    expect(await call(fake, 'team.connect', { url: teamUrl, remember: true })).toMatchObject({ ok: true });
    await quit(fake);
    await asPostgresAdmin((client) => client.query(`alter role ${LOGIN} password 'changed by the DBA'`));
    try {
      const next = await launch();
      const demo = join(main.userData, 'boardpack.db');
      expect(await location(next)).toBe(demo);
      expect(next.dialog.showMessageBox).toHaveBeenCalledOnce();
      const message = next.dialog.showMessageBox.mock.calls[0]?.[1] as { title: string; detail: string };
      expect(message.title).toBe('Boardpack could not reopen the team database');
      expect(message.detail).toMatch(/^the team database refused the user name or password/);
      expect(message.detail).toContain(
        `Boardpack opened the demo database instead:\n${demo}\n\nTo work on it again, choose File ▸ Connect to team database….`,
      );
      expect(readSettings()).toMatchObject({ lastOpened: demo, teamDatabase: false });
      expect(existsSync(keptUrl())).toBe(false);
      expect(secretsIn(everythingShown(next))).toEqual([]);
    } finally {
      await asPostgresAdmin((client) => client.query(`alter role ${LOGIN} password '${PASSWORD}'`));
    }
  });

  it('keeps a team database it cannot reach at start, to try again next time', async () => {
    const unreachable = `postgres://${LOGIN}:${encodeURIComponent(PASSWORD)}@127.0.0.1:1/csp`;
    const file = (await newDatabase(tempPath('partnership.db'))).location;
    const settings = { lastOpened: file, recent: [file], teamDatabase: true };
    writeFileSync(settingsFile(), JSON.stringify(settings));
    writeFileSync(keptUrl(), fakeEncrypt(unreachable));
    const fake = await launch();
    expect(await location(fake)).toBe(join(main.userData, 'boardpack.db'));
    const message = fake.dialog.showMessageBox.mock.calls[0]?.[1] as { detail: string };
    expect(message.detail).toMatch(/^cannot reach the team database/);
    expect(message.detail).toMatch(/Boardpack will try the team database again at the next start\.$/);
    expect(readSettings()).toEqual(settings);
    expect(readFileSync(keptUrl())).toEqual(fakeEncrypt(unreachable));
    expect(secretsIn(everythingShown(fake))).toEqual([]);
  });
});

describe('the Connect to team database dialog, in Chromium', () => {
  let browser: Browser;
  let preview: Preview;
  let page: Page;
  let file: string;

  beforeAll(async () => {
    // A renderer of this file's own: the postgres project builds none, and out/renderer may be rebuilt meanwhile.
    const rendererDir = join(suitePath('renderer'), 'out');
    await buildRenderer(rendererDir);
    file = suitePath('partnership.db');
    const database = await openDatabase(file, { create: true });
    await loadDemoDataset(database.db, { actor: 'secretary', now: () => '2026-11-26T09:00:00.000Z' });
    await database.close();
    // A term only the server's database holds, to see on screen once connected.
    await asPostgresAdmin(
      (client) =>
        client.query('insert into glossary_term (term, definition) values ($1, $2)', [
          SERVER_TERM,
          'Kept on the council’s server',
        ]),
      team.name,
    );
    preview = await startPreview({ location: file, build: false, rendererDir });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 820 } })).newPage();
    await page.goto(preview.bridge.pageUrl);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  const SERVER_TERM = `Server ${LOGIN}`;
  const header = () => page.getByTestId('database-path');
  const dialog = () => page.getByRole('dialog', { name: 'Connect to team database' });

  it('opens when the menu asks, with a box for each part and the reason nothing can be remembered here', async () => {
    await expect.poll(() => header().textContent()).toBe(`Database ${file}`);
    preview.bridge.emit({ type: 'show-dialog', dialog: 'connect-team-database' });
    await dialog().waitFor();
    for (const label of ['Server', 'Database', 'User name', 'Password', 'Connection options (optional)']) {
      expect(await dialog().getByLabel(label, { exact: true }).count(), label).toBe(1);
    }
    expect(await dialog().getByLabel('Password', { exact: true }).getAttribute('type')).toBe('password');
    const remember = dialog().getByRole('checkbox', { name: /Remember on this computer/ });
    await expect.poll(() => remember.isDisabled()).toBe(true);
    expect(await remember.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).textContent())).toBe(
      'Not available: the browser preview keeps no passwords, so the team database is connected until the preview stops.',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fills every box from a whole postgres:// address pasted into Server', async () => {
    const server = dialog().getByLabel('Server', { exact: true });
    await server.fill('postgres://ben:pa%2Fss@db.council.example:5433/csp?sslmode=require');
    const values = await Promise.all(
      ['Server', 'Database', 'User name', 'Password', 'Connection options (optional)'].map((label) =>
        dialog().getByLabel(label, { exact: true }).inputValue(),
      ),
    );
    expect(values).toEqual(['db.council.example:5433', 'csp', 'ben', 'pa/ss', 'sslmode=require']);
  });

  it('says why a connection is refused, and the open database stays open', async () => {
    const port = new URL(team.url).port;
    await dialog().getByLabel('Server', { exact: true }).fill(`127.0.0.1:${port}`);
    await dialog().getByLabel('Database', { exact: true }).fill(team.name);
    await dialog().getByLabel('User name', { exact: true }).fill(LOGIN);
    await dialog().getByLabel('Password', { exact: true }).fill('not the password');
    await dialog().getByLabel('Connection options (optional)', { exact: true }).fill('');
    await dialog().getByRole('button', { name: 'Connect' }).click();
    const alert = dialog().getByRole('alert');
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toMatch(/^Not connected: the team database refused the user name or password/);
    expect(await alert.textContent()).not.toContain('not the password');
    await screenshot(page, 'team-connect-refused');
    expect(await header().textContent()).toBe(`Database ${file}`);
  });

  it('connects with the right password (any characters), closes, and every screen shows the team database', async () => {
    await dialog().getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog().getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => dialog().count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => header().textContent()).toBe(`Team database ${shown}`);
    expect(await page.getByTestId('partnership-name').textContent()).toBe(DEMO_PARTNERSHIP);
    await page.getByRole('navigation').getByRole('link', { name: 'Glossary', exact: true }).click();
    const glossary = page.getByRole('grid', { name: 'Glossary', exact: true });
    await glossary.getByRole('searchbox', { name: 'Filter Term', exact: true }).fill(SERVER_TERM);
    await expect.poll(() => glossary.getByText(SERVER_TERM).count()).toBe(1);
    await screenshot(page, 'team-connect-connected');
    expect(secretsIn((await page.content()) + (await header().getAttribute('title')))).toEqual([]);
  });
});
