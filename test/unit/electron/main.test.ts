import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../db/open-database';
import { METHOD_NAMES } from '../../../shared/api/contract';
import { RENDERER_CSP } from '../../../electron/security/csp';
import { closeAfterTest, newDatabase, tempDir, tempPath } from '../../helpers/temp-files';
import { APP_JS, DEMO_PARTNERSHIP, glossaryCount, INDEX_HTML } from './app-fixture';
import { currentMenu, fakeEvent, menuItem, menuShape, type ElectronSlot, type FakeElectron } from './fake-electron';
import { call, mainProcess, window } from './main-fixture';

// Each launch gets a new fake; the mocked module reads whichever is current when main touches it.
const electron = vi.hoisted((): ElectronSlot => ({ current: {} }));
vi.mock('electron', async () => (await import('./fake-electron')).forwardingElectron(electron));

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

const main = mainProcess(electron);
const { launch, quit } = main;

/** Starts on a database the test holds open too, so it can count rows behind main's back. */
async function launchOn(path?: string) {
  const database = await newDatabase(path);
  writeFileSync(main.settingsFile(), JSON.stringify({ lastOpened: database.location, recent: [database.location] }));
  const fake = await launch();
  return { fake, database };
}

describe('the window', () => {
  it('is isolated, sandboxed, without Node, with web security and the bundled preload', async () => {
    const fake = await launch();
    expect(fake.windows).toHaveLength(1);
    expect(window(fake).options.webPreferences).toEqual({
      preload: join(main.appPath, 'out', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    });
    expect(window(fake).options.show).toBe(false);
    expect(window(fake).loadURL).toHaveBeenCalledExactlyOnceWith('app://boardpack/index.html');
  });

  it('loads the renderer through app://, a privileged scheme whose every response carries the CSP', async () => {
    const fake = await launch();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
      },
    ]);
    const serve = fake.protocolHandlers.get('app') as (request: Request) => Promise<Response>;
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);

    const page = await serve(new Request('app://boardpack/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe(INDEX_HTML);

    const script = await serve(new Request('app://boardpack/assets/app.js'));
    expect(script.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await script.text()).toBe(APP_JS);

    const outside = await serve(new Request('app://boardpack/..%2F..%2Fpackage.json'));
    expect(outside.status).toBe(403);
    expect(outside.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    const missing = await serve(new Request('app://boardpack/assets/missing.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });

  it('denies navigation, new windows and webviews', async () => {
    const fake = await launch();
    const contents = window(fake).webContents;
    for (const url of ['https://evil.example/', 'app://boardpack/elsewhere.html', 'file:///etc/passwd']) {
      const navigate = fakeEvent();
      contents.emit('will-navigate', navigate, url);
      expect(navigate.preventDefault).toHaveBeenCalledOnce();
    }
    const redirect = fakeEvent();
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalledOnce();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://boardpack/index.html' })).toEqual({ action: 'deny' });
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalledOnce();
  });

  it('refuses every permission, every remote request and every download but its own exports', async () => {
    const fake = await launch();
    const session = fake.defaultSession;
    const onPermission = session.setPermissionRequestHandler.mock.calls[0]?.[0] as PermissionRequestHandler;
    const granted = vi.fn();
    onPermission(window(fake).webContents, 'media', granted);
    onPermission(window(fake).webContents, 'notifications', granted);
    expect(granted.mock.calls).toEqual([[false], [false]]);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check(window(fake).webContents, 'clipboard-read', 'app://boardpack')).toBe(false);

    const onRequest = session.webRequest.onBeforeRequest.mock.calls[0]?.[0] as BeforeRequestListener;
    const verdict = (url: string) => {
      const callback = vi.fn();
      onRequest({ url }, callback);
      return callback.mock.calls[0]?.[0] as { cancel: boolean };
    };
    expect(verdict('https://evil.example/tracker.js')).toEqual({ cancel: true });
    expect(verdict('http://127.0.0.1:8080/api/figures.list')).toEqual({ cancel: true });
    expect(verdict('file:///etc/passwd')).toEqual({ cancel: true });
    expect(verdict('app://other/index.html')).toEqual({ cancel: true });
    expect(verdict('app://boardpack/assets/app.js')).toEqual({ cancel: false });
    expect(verdict('data:image/png;base64,AAAA')).toEqual({ cancel: false });

    const downloadOf = (url: string) => {
      const event = fakeEvent();
      const item = { getURL: () => url, setSaveDialogOptions: vi.fn() };
      session.emit('will-download', event, item, window(fake).webContents);
      return { cancelled: event.preventDefault.mock.calls.length > 0, dialog: item.setSaveDialogOptions.mock.calls };
    };
    for (const url of [
      'https://evil.example/payload.exe',
      'file:///etc/passwd',
      'data:text/csv,a,b',
      'blob:https://evil.example/0b6b2d4c',
      'blob:null/0b6b2d4c',
    ]) {
      expect(downloadOf(url), url).toEqual({ cancelled: true, dialog: [] });
    }
  });

  it("lets the app's own exports (blob: URLs of its origin) through to a save dialog", async () => {
    const fake = await launch();
    const event = fakeEvent();
    const item = { getURL: () => 'blob:app://boardpack/0b6b2d4c-5d1e', setSaveDialogOptions: vi.fn() };
    fake.defaultSession.emit('will-download', event, item, window(fake).webContents);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(item.setSaveDialogOptions).toHaveBeenCalledExactlyOnceWith({
      title: 'Save the exported file',
      buttonLabel: 'Save',
    });
  });

  it('brings the first window forward when the app is launched again', async () => {
    const fake = await launch();
    fake.app.emit('second-instance', fakeEvent(), [], main.userData);
    expect(window(fake).focus).toHaveBeenCalledOnce();
    expect(fake.windows).toHaveLength(1);
  });

  it('quits at once when another instance holds the lock, opening nothing', async () => {
    const fake = await launch({ singleInstance: false });
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    expect(existsSync(join(main.userData, 'boardpack.db'))).toBe(false);
  });
});

describe('the API over IPC', () => {
  it('registers one handler per contract method and no other channel', async () => {
    const fake = await launch();
    expect([...fake.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((name) => `api:${name}`).sort());
    expect(fake.ipcMain.handle).toHaveBeenCalledTimes(METHOD_NAMES.length);
    expect(fake.ipcMain.on).not.toHaveBeenCalled();
    expect(fake.ipcMain.once).not.toHaveBeenCalled();
    expect(fake.ipcMain.handleOnce).not.toHaveBeenCalled();
  });

  it("answers the window's own main frame", async () => {
    const { fake, database } = await launchOn();
    expect(await call(fake, 'app.info', {})).toEqual({
      ok: true,
      value: {
        version: '0.1.0',
        databaseLocation: database.location,
        engine: 'sqlite',
        partnership: null,
        nativeFileDialogs: true,
      },
    });
  });

  it('chooses import files in the native dialog, attached to the window; a cancel answers null', async () => {
    const { fake } = await launchOn();
    expect(await call(fake, 'files.chooseImport', { purpose: 'police-folder' })).toEqual({ ok: true, value: null });
    expect(fake.dialog.showOpenDialog).toHaveBeenLastCalledWith(
      window(fake),
      expect.objectContaining({ title: 'Choose a folder of police.uk monthly files', properties: ['openDirectory'] }),
    );
    fake.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: ['/data/2024-04-thames-valley-street.csv', '/data/2024-05-thames-valley-street.csv'],
    });
    expect(await call(fake, 'files.chooseImport', { purpose: 'police-files' })).toEqual({
      ok: true,
      value: {
        paths: ['/data/2024-04-thames-valley-street.csv', '/data/2024-05-thames-valley-street.csv'],
        names: ['2024-04-thames-valley-street.csv', '2024-05-thames-valley-street.csv'],
      },
    });
    expect(fake.dialog.showOpenDialog).toHaveBeenLastCalledWith(
      window(fake),
      expect.objectContaining({ properties: ['openFile', 'multiSelections'] }),
    );
  });

  it('refuses a message from any other frame or webContents and writes nothing', async () => {
    const { fake, database } = await launchOn();
    const term = { term: 'ASB', definition: 'Anti-social behaviour' };
    const id = window(fake).webContents.id;
    const strangers = {
      'a remote page in the window': { sender: { id }, senderFrame: { url: 'https://evil.example/', parent: null } },
      'a subframe of our own origin': {
        sender: { id },
        senderFrame: { url: 'app://boardpack/index.html', parent: { url: 'app://boardpack/index.html' } },
      },
      'another origin on our scheme': { sender: { id }, senderFrame: { url: 'app://evil/index.html', parent: null } },
      'another webContents': {
        sender: { id: id + 100 },
        senderFrame: { url: 'app://boardpack/index.html', parent: null },
      },
      'a destroyed frame': { sender: { id }, senderFrame: null },
    };
    for (const [who, event] of Object.entries(strangers)) {
      expect(await call(fake, 'glossary.create', term, event), who).toEqual({
        ok: false,
        error: {
          code: 'invalid-input',
          message: "the message did not come from Boardpack's own window and was refused",
        },
      });
    }
    expect(await glossaryCount(database.db)).toBe(0);

    const written = await call(fake, 'glossary.create', term);
    expect(written.ok).toBe(true);
    expect(await glossaryCount(database.db)).toBe(1);
  });

  it('refuses a payload that fails its schema, naming the field, and writes nothing', async () => {
    const { fake, database } = await launchOn();
    expect(await call(fake, 'glossary.create', { term: '   ', definition: 'Anti-social behaviour' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'term is required', where: { field: 'term' } },
    });
    expect(await call(fake, 'glossary.create', 'ASB')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await glossaryCount(database.db)).toBe(0);
  });

  it('tells the window when a write changed data', async () => {
    const { fake } = await launchOn();
    await call(fake, 'glossary.create', { term: 'IDVA', definition: 'Independent domestic violence adviser' });
    expect(window(fake).webContents.send).toHaveBeenCalledExactlyOnceWith('api:event', {
      type: 'data-changed',
      tables: ['glossary'],
    });
  });
});

describe('the database it opens', () => {
  it('creates the demo database in the user-data folder on first run and remembers it', async () => {
    const fake = await launch();
    const demo = join(main.userData, 'boardpack.db');
    expect(existsSync(demo)).toBe(true);
    expect(await call(fake, 'app.info', {})).toEqual({
      ok: true,
      value: {
        version: '0.1.0',
        databaseLocation: demo,
        engine: 'sqlite',
        partnership: DEMO_PARTNERSHIP,
        nativeFileDialogs: true,
      },
    });
    expect(main.readSettings()).toEqual({ lastOpened: demo, recent: [demo], teamDatabase: false });
    expect(fake.app.setPath).toHaveBeenCalledExactlyOnceWith('userData', main.userData);
    expect(fake.app.setName).toHaveBeenCalledExactlyOnceWith('Boardpack');
    expect(window(fake).setTitle).toHaveBeenLastCalledWith('boardpack.db — Boardpack');
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('reopens on the next run the file opened last', async () => {
    const first = await launch();
    const other = (await newDatabase(tempPath('partnership.db'))).location;
    first.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    menuItem(currentMenu(first), '&File', 'Open…').click?.();
    await vi.waitFor(() =>
      expect(window(first).webContents.send).toHaveBeenCalledWith('api:event', { type: 'data-changed', tables: ['*'] }),
    );
    expect((await call(first, 'app.info', {})).value?.databaseLocation).toBe(other);
    await quit(first);

    const second = await launch();
    expect((await call(second, 'app.info', {})).value?.databaseLocation).toBe(other);
    expect(main.readSettings()).toEqual({
      lastOpened: other,
      recent: [other, join(main.userData, 'boardpack.db')],
      teamDatabase: false,
    });
    expect(second.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('says so when the last file is gone, and opens the demo database instead', async () => {
    const gone = join(tempDir(), 'moved-away.db');
    writeFileSync(main.settingsFile(), JSON.stringify({ lastOpened: gone, recent: [gone] }));
    const fake = await launch();
    const demo = join(main.userData, 'boardpack.db');
    expect((await call(fake, 'app.info', {})).value?.databaseLocation).toBe(demo);
    expect(fake.dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(window(fake), {
      type: 'error',
      title: 'Boardpack could not reopen the last file',
      message: 'Boardpack could not reopen the last file',
      detail: `${gone}: no such database file: ${gone}\n\nBoardpack opened the demo database instead:\n${demo}`,
      buttons: ['OK'],
    });
    expect(main.readSettings()).toEqual({ lastOpened: demo, recent: [demo], teamDatabase: false });
  });

  it('refuses a last file that is not a Boardpack database, and opens the demo database instead', async () => {
    const notes = tempPath('notes.db');
    writeFileSync(notes, 'minutes of the last board meeting\n');
    writeFileSync(main.settingsFile(), JSON.stringify({ lastOpened: notes, recent: [notes] }));
    const fake = await launch();
    expect((await call(fake, 'app.info', {})).value?.databaseLocation).toBe(join(main.userData, 'boardpack.db'));
    const detail = (fake.dialog.showMessageBox.mock.calls[0]?.[1] as { detail: string }).detail;
    expect(detail.split('\n')[0]).toBe(`${notes}: ${notes} is not a Boardpack database (not a SQLite file)`);
    expect(readFileSync(notes, 'utf8')).toBe('minutes of the last board meeting\n');
  });

  it('refuses a last file from a newer Boardpack, and opens the demo database instead', async () => {
    const newer = await newDatabase(tempPath('from the future.db'));
    await sql`insert into kysely_migration (name, timestamp) values ('9999-future', '2099-01-01T00:00:00.000Z')`.execute(
      newer.db,
    );
    writeFileSync(main.settingsFile(), JSON.stringify({ lastOpened: newer.location, recent: [newer.location] }));
    const fake = await launch();
    expect((await call(fake, 'app.info', {})).value?.databaseLocation).toBe(join(main.userData, 'boardpack.db'));
    const detail = (fake.dialog.showMessageBox.mock.calls[0]?.[1] as { detail: string }).detail;
    expect(detail.split('\n')[0]).toBe(
      `${newer.location}: ${newer.location} was written by a newer version of Boardpack (schema 9999-future); update Boardpack to open it`,
    );
  });
});

describe('the application menu', () => {
  it('offers New, Open, Open recent, the team database, Save a copy, Restore, the annotations files and Quit in File', async () => {
    const fake = await launch();
    const menu = currentMenu(fake);
    expect(menuShape(menu)).toEqual(
      process.platform === 'darwin'
        ? ['Boardpack', 'File', 'Edit', 'View', 'role:windowMenu', 'Help']
        : ['&File', '&Edit', '&View', '&Help'],
    );
    const file = process.platform === 'darwin' ? 'File' : '&File';
    expect(menuShape(menuItem(menu, file).submenu ?? [])).toEqual([
      'New database…',
      'Open…',
      'Open recent',
      '—',
      'Connect to team database…',
      'Disconnect from team database',
      '—',
      'Save a copy…',
      'Restore from backup…',
      '—',
      'Import annotations…',
      'Export annotations…',
      '—',
      process.platform === 'darwin' ? 'role:close' : 'role:quit',
    ]);
    expect(menuShape(menuItem(menu, file, 'Open recent').submenu ?? [])).toEqual([
      join(main.userData, 'boardpack.db'),
      '—',
      'Clear recent',
    ]);
  });

  it('offers developer tools only while not packaged', async () => {
    const view = (fake: FakeElectron) => menuShape(menuItem(currentMenu(fake), '&View').submenu ?? []);
    if (process.platform === 'darwin') return;
    const development = await launch();
    expect(view(development)).toContain('role:toggleDevTools');
    await quit(development);
    const packaged = await launch({ isPackaged: true });
    expect(view(packaged)).toEqual([
      'role:reload',
      '—',
      'role:resetZoom',
      'role:zoomIn',
      'role:zoomOut',
      '—',
      'role:togglefullscreen',
    ]);
  });

  it('saves a copy with SQLite’s backup and keeps working on the original', async () => {
    const { fake, database } = await launchOn();
    await call(fake, 'glossary.create', { term: 'ASB', definition: 'Anti-social behaviour' });
    const copy = tempPath('copy of partnership.db');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: copy });
    menuItem(currentMenu(fake), '&File', 'Save a copy…').click?.();
    await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalledOnce());
    expect(fake.dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      type: 'info',
      detail: `A copy of ${database.location} was saved to ${copy}.`,
    });
    const saved = closeAfterTest(await openDatabase(copy));
    expect(await glossaryCount(saved.db)).toBe(1);
    expect((await call(fake, 'app.info', {})).value?.databaseLocation).toBe(database.location);
  });

  it('asks the window for the team database’s address (Electron has no text prompt), and opens nothing itself', async () => {
    const { fake, database } = await launchOn();
    const menu = currentMenu(fake);
    expect(menuItem(menu, '&File', 'Disconnect from team database').enabled).toBe(false);
    menuItem(menu, '&File', 'Connect to team database…').click?.();
    expect(window(fake).webContents.send).toHaveBeenCalledExactlyOnceWith('api:event', {
      type: 'show-dialog',
      dialog: 'connect-team-database',
    });
    expect(await call(fake, 'team.status', {})).toEqual({
      ok: true,
      value: { canConnect: true, cannotRemember: null },
    });
    expect((await call(fake, 'app.info', {})).value?.databaseLocation).toBe(database.location);
    expect(existsSync(join(main.userData, 'team-database.bin'))).toBe(false);
  });

  it('says when this computer cannot keep the team database’s password, before it is asked', async () => {
    const fake = await launch({ keychain: 'unavailable' });
    expect(await call(fake, 'team.status', {})).toEqual({
      ok: true,
      value: {
        canConnect: true,
        cannotRemember: expect.stringMatching(/^this computer offers no keychain.*for this session only$/),
      },
    });
  });

  it('shows the version and the open database in About', async () => {
    const fake = await launch();
    menuItem(currentMenu(fake), '&Help', 'About Boardpack').click?.();
    await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalledOnce());
    expect(fake.dialog.showMessageBox.mock.calls[0]?.[1]).toEqual({
      type: 'info',
      title: 'About Boardpack',
      message: 'About Boardpack',
      detail: `Boardpack 0.1.0\n\nOpen database:\n${join(main.userData, 'boardpack.db')}`,
      buttons: ['OK'],
    });
  });
});
