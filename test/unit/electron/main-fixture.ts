import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-files';
import { appFolder } from './app-fixture';
import {
  createFakeElectron,
  fakeEvent,
  type ElectronSlot,
  type FakeElectron,
  type FakeElectronOptions,
} from './fake-electron';

/**
 * electron/main.ts run under Node against the fake `electron` module, launched
 * and quit as Electron would. The test file mocks `electron` itself (vi.mock is
 * hoisted per file) with forwardingElectron over a slot, and hands the slot here.
 */

/** What a handler answers: a Result, loosely typed for reading in tests. */
export interface Answer {
  readonly ok: boolean;
  readonly value?: { readonly databaseLocation?: string } & Record<string, unknown>;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface MainProcess {
  /** This test's user-data folder: main keeps its settings, the demo database and the kept team URL there. */
  readonly userData: string;
  /** This test's app folder (app-fixture.ts appFolder). */
  readonly appPath: string;
  /** Starts electron/main.ts afresh against a new fake Electron, as a launch would. */
  readonly launch: (options?: Partial<FakeElectronOptions>) => Promise<FakeElectron>;
  /** What Electron does on quit: will-quit, which main holds until the database is closed. */
  readonly quit: (fake: FakeElectron) => Promise<void>;
  /** main's settings file in this test's user-data folder. */
  readonly settingsFile: () => string;
  readonly readSettings: () => Record<string, unknown>;
}

/**
 * Gives each test (of the file, or of the describe block it is called in) a
 * fresh user-data folder and app folder, and quits every launch still running
 * after the test.
 */
export function mainProcess(slot: ElectronSlot): MainProcess {
  let running: FakeElectron[] = [];
  let userData = '';
  let appPath = '';

  beforeEach(() => {
    // Main puts its data in <appData>/Boardpack; the fake's appData is this folder's parent.
    userData = join(tempDir(), 'Boardpack');
    mkdirSync(userData);
    appPath = appFolder();
  });

  afterEach(async () => {
    for (const fake of running.splice(0)) await quit(fake);
  });

  async function launch(options: Partial<FakeElectronOptions> = {}): Promise<FakeElectron> {
    const fake = createFakeElectron({ userData, appPath, ...options });
    slot.current = fake.module;
    vi.resetModules();
    const { mainReady } = await import('../../../electron/main');
    await mainReady;
    running.push(fake);
    return fake;
  }

  async function quit(fake: FakeElectron): Promise<void> {
    running = running.filter((item) => item !== fake);
    if (!fake.app.listeners.has('will-quit')) return;
    const calls = fake.app.quit.mock.calls.length;
    fake.app.emit('will-quit', fakeEvent());
    await vi.waitFor(() => expect(fake.app.quit.mock.calls.length).toBe(calls + 1));
  }

  const settingsFile = () => join(userData, 'settings.json');

  return {
    get userData() {
      return userData;
    },
    get appPath() {
      return appPath;
    },
    launch,
    quit,
    settingsFile,
    readSettings: () => JSON.parse(readFileSync(settingsFile(), 'utf8')) as Record<string, unknown>,
  };
}

/** The first window main opened. */
export function window(fake: FakeElectron) {
  const first = fake.windows[0];
  if (!first) throw new Error('no window was opened');
  return first;
}

/** An invoke event from the window's own main frame at the app's origin. */
export function ownFrame(fake: FakeElectron) {
  return {
    sender: { id: window(fake).webContents.id },
    senderFrame: { url: 'app://boardpack/index.html', parent: null },
  };
}

/** Invokes a handler main registered, as the window's preload would (from `event`, by default its own frame). */
export async function call(
  fake: FakeElectron,
  name: string,
  payload: unknown,
  event: unknown = ownFrame(fake),
): Promise<Answer> {
  const handler = fake.handlers.get(`api:${name}`);
  if (!handler) throw new Error(`no handler for ${name}`);
  return (await handler(event, payload)) as Answer;
}
