import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { openDatabase } from '../../../db/open-database';
import { localWriter } from '../../../db/writer';
import { dispatch } from '../../../electron/api/dispatch';
import { DatabaseSession } from '../../../electron/app/database-session';
import type { FileDialogs } from '../../../electron/app/file-commands';
import { settingsStore, withOpened } from '../../../electron/app/settings';
import {
  fallbackMessage,
  fallbackTitle,
  openStartupDatabase,
  settingsAfterStart,
  type Startup,
} from '../../../electron/app/startup-database';
import { connectTeamDatabase, desktopTeamAccess, type TeamCommandDeps } from '../../../electron/app/team-connection';
import { openTeamDatabase, withoutPassword } from '../../../electron/app/team-database';
import type { TeamUrlStore } from '../../../electron/app/team-url-store';
import { closeAfterTest, tempDir, tempPath } from '../../helpers/temp-files';
import { REPO } from './app-fixture';

/**
 * The team database's refusals, without a server: what is not a team
 * database's address, and a server nobody answers on (port 1). The real
 * server's answers are in test/integration/team/connect.test.ts.
 */

const PASSWORD = 'S3cret/pass:word';
const NOBODY = `postgres://ana:${encodeURIComponent(PASSWORD)}@127.0.0.1:1/csp`;
const DEMO_DIR = join(REPO, 'resources', 'demo');

/** A keychain store in memory, counting what it was asked. */
type MemoryStore = { kept: string | null } & { readonly [Method in keyof TeamUrlStore]: Mock<TeamUrlStore[Method]> };

function memoryStore(kept: string | null = null, cannotRemember: string | null = null): MemoryStore {
  const store: MemoryStore = {
    kept,
    cannotRemember: vi.fn(() => Promise.resolve(cannotRemember)),
    save: vi.fn((url: string) => {
      store.kept = url;
      return Promise.resolve();
    }),
    read: vi.fn(() => Promise.resolve(store.kept)),
    forget: vi.fn(() => {
      store.kept = null;
      return Promise.resolve();
    }),
  };
  return store;
}

function refusingDialogs(): FileDialogs {
  const refuse = () => Promise.reject(new Error('no dialog is expected'));
  return {
    chooseDatabaseToOpen: refuse,
    chooseNewDatabasePath: refuse,
    chooseCopyPath: refuse,
    chooseBackup: refuse,
    confirm: refuse,
    showError: refuse,
    showInfo: refuse,
  };
}

describe('opening a team database', () => {
  it('refuses what is not a postgres:// address, or names no server or database', async () => {
    await expect(openTeamDatabase(tempPath('file.db'))).rejects.toMatchObject({
      code: 'invalid-input',
      message: "a team database's address starts with postgres://, as in postgres://ana@db.council.example/csp",
    });
    const encoded = encodeURIComponent(PASSWORD);
    await expect(openTeamDatabase(`postgres://ana:${encoded}@/csp`)).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'postgres://ana@/csp names no server: write postgres://user@host/database',
    });
    await expect(openTeamDatabase(`postgres://ana:${encoded}@db.council.example`)).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'postgres://ana@db.council.example names no database: write postgres://user@host/database',
    });
    // A password typed with a "/" in it, not percent-encoded, is hidden all the same.
    await expect(openTeamDatabase(`postgres://ana:${PASSWORD}@db.council.example`)).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'postgres://ana@db.council.example names no database: write postgres://user@host/database',
    });
  });

  it('says a server that does not answer cannot be reached, with the password nowhere in what it says', async () => {
    const refusal = await openTeamDatabase(NOBODY).then(
      () => null,
      (error: unknown) => error as { code: string; message: string; where?: unknown },
    );
    expect(refusal).toMatchObject({ code: 'io', message: expect.stringMatching(/^cannot reach the team database/) });
    const said = JSON.stringify(refusal);
    for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), 'S3cret']) expect(said).not.toContain(secret);
  });

  it('hides the password however a driver quotes it, and the URL behind its description', () => {
    const url = `postgres://ana:${encodeURIComponent(PASSWORD)}@db.council.example/csp`;
    expect(
      withoutPassword(
        {
          code: 'io',
          message: `cannot open ${url}: auth "${PASSWORD}" / ${encodeURIComponent(PASSWORD)}`,
          where: { file: url },
        },
        url,
      ),
    ).toEqual({
      code: 'io',
      message: 'cannot open postgres://ana@db.council.example/csp: auth "…" / …',
      where: { file: 'postgres://ana@db.council.example/csp' },
    });
    expect(withoutPassword({ code: 'io', message: 'no password here' }, 'postgres://ana@h/csp')).toEqual({
      code: 'io',
      message: 'no password here',
    });
  });
});

describe('connecting the window to a team database', () => {
  it('is refused in words when the server cannot be reached: the open file stays open and nothing is kept', async () => {
    const file = await openDatabase(tempPath('partnership.db'), { create: true });
    const emit = vi.fn();
    const session = new DatabaseSession(file, { version: '0.1.0', writer: localWriter('test'), emit });
    const settingsFile = tempPath('settings.json');
    const store = memoryStore();
    const deps: TeamCommandDeps = {
      session,
      settings: settingsStore(settingsFile),
      dialogs: refusingDialogs(),
      changed: vi.fn(),
      teamUrls: store,
      demoDatabase: tempPath('boardpack.db'),
    };
    deps.settings.update((settings) => withOpened(settings, file.location));
    const before = readFileSync(settingsFile, 'utf8');

    await expect(connectTeamDatabase(deps, NOBODY, true)).rejects.toMatchObject({ code: 'io' });
    expect(session.location).toBe(file.location);
    expect(emit).not.toHaveBeenCalled();
    expect(deps.changed).not.toHaveBeenCalled();
    expect(store.save).not.toHaveBeenCalled();
    expect(readFileSync(settingsFile, 'utf8')).toBe(before);
    await session.close();
  });

  it('answers through team.connect with the refusal as data, and team.status says whether it can remember', async () => {
    const file = await openDatabase(tempPath('partnership.db'), { create: true });
    const store = memoryStore(null, 'this computer offers no keychain');
    const wired: { deps?: TeamCommandDeps } = {};
    const session = new DatabaseSession(file, {
      version: '0.1.0',
      writer: localWriter('test'),
      emit: vi.fn(),
      teamDatabase: desktopTeamAccess(() => wired.deps as TeamCommandDeps),
    });
    wired.deps = {
      session,
      settings: settingsStore(tempPath('settings.json')),
      dialogs: refusingDialogs(),
      changed: vi.fn(),
      teamUrls: store,
      demoDatabase: tempPath('boardpack.db'),
    };
    expect(await dispatch(session.context(), 'team.status', {})).toEqual({
      ok: true,
      value: { canConnect: true, cannotRemember: 'this computer offers no keychain' },
    });
    const refused = await dispatch(session.context(), 'team.connect', { url: NOBODY, remember: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(JSON.stringify(refused)).not.toContain(encodeURIComponent(PASSWORD));
    expect(await dispatch(session.context(), 'team.connect', { url: '  ', remember: true })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'the team database address is required', where: { field: 'url' } },
    });
    expect(session.location).toBe(file.location);
    await session.close();
  });

  it('is not offered where the database is fixed (the command line, a test’s API)', async () => {
    const file = closeAfterTest(await openDatabase(tempPath('partnership.db'), { create: true }));
    const context = { db: file.db, writer: localWriter('test'), databaseLocation: file.location, version: '0.1.0' };
    const status = await dispatch(context, 'team.status', {});
    expect(status).toMatchObject({ ok: true, value: { canConnect: false } });
    expect(await dispatch(context, 'team.connect', { url: NOBODY, remember: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', where: { field: 'url' } },
    });
  });
});

describe('the start on the team database', () => {
  const teamSettings = { lastOpened: '/db/partnership.db', recent: ['/db/partnership.db'], teamDatabase: true };

  async function start(store: ReturnType<typeof memoryStore>): Promise<{ startup: Startup; demo: string }> {
    const demo = join(tempDir(), 'boardpack.db');
    const startup = await openStartupDatabase({
      settings: teamSettings,
      demoDatabase: demo,
      demoDir: DEMO_DIR,
      writer: localWriter('test'),
      teamUrls: store,
    });
    closeAfterTest(startup.database);
    return { startup, demo };
  }

  it('opens the demo database when the server cannot be reached, and tries the team database again next time', async () => {
    const { startup, demo } = await start(memoryStore(NOBODY));
    expect(startup.database.location).toBe(demo);
    expect(startup.fallback).toMatchObject({ kind: 'team', retry: true, error: { code: 'io' } });
    const fallback = startup.fallback;
    if (fallback === null) throw new Error('expected a fallback');
    expect(settingsAfterStart(teamSettings, startup)).toBe(teamSettings);
    expect(fallbackTitle(fallback)).toBe('Boardpack could not reopen the team database');
    const message = fallbackMessage(fallback, demo);
    expect(message).toMatch(/^cannot reach the team database/);
    expect(message).toContain(
      `\n\nBoardpack opened the demo database instead:\n${demo}\n\nBoardpack will try the team database again at the next start.`,
    );
    expect(message).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('lets go of a team database whose address is no longer kept: the demo is what opens from then on', async () => {
    const { startup, demo } = await start(memoryStore(null));
    expect(startup.database.location).toBe(demo);
    expect(startup.fallback).toEqual({
      kind: 'team',
      retry: false,
      error: { code: 'not-found', message: "the team database's address is no longer kept on this computer" },
    });
    expect(settingsAfterStart(teamSettings, startup)).toEqual({
      lastOpened: demo,
      recent: [demo, '/db/partnership.db'],
      teamDatabase: false,
    });
    expect(fallbackMessage(startup.fallback as NonNullable<Startup['fallback']>, demo)).toBe(
      "the team database's address is no longer kept on this computer\n\nBoardpack opened the demo database instead:\n" +
        `${demo}\n\nTo work on it again, choose File ▸ Connect to team database….`,
    );
  });

  it('does not look for a team database unless the settings say one was open last', async () => {
    const store = memoryStore(NOBODY);
    const demo = join(tempDir(), 'boardpack.db');
    const startup = await openStartupDatabase({
      settings: { ...teamSettings, lastOpened: null, recent: [], teamDatabase: false },
      demoDatabase: demo,
      demoDir: DEMO_DIR,
      writer: localWriter('test'),
      teamUrls: store,
    });
    closeAfterTest(startup.database);
    expect(store.read).not.toHaveBeenCalled();
    expect([startup.database.location, startup.fallback]).toEqual([demo, null]);
    expect(existsSync(demo)).toBe(true);
  });
});
