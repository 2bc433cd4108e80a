import { dirname } from 'node:path';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module, for tests of electron/main.ts under Node
 * (Electron's binary is absent here). It records what main asks of Electron and
 * lets a test play Electron's part: emit app and webContents events, call the
 * registered IPC handlers and the protocol handler, click menu items.
 */

type Listener = (...args: any[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper: Listener = (...args) => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((item) => item !== wrapper),
      );
      return listener(...args);
    };
    return this.on(event, wrapper);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

/** An Electron event: records preventDefault. */
export function fakeEvent(): { preventDefault: ReturnType<typeof vi.fn> } {
  return { preventDefault: vi.fn() };
}

export class FakeWebContents extends Emitter {
  readonly send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  constructor(readonly id: number) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export interface FakeElectronOptions {
  readonly userData: string;
  readonly appPath: string;
  readonly documents?: string;
  /** What requestSingleInstanceLock answers (true: this is the first instance). */
  readonly singleInstance?: boolean;
  readonly isPackaged?: boolean;
  /**
   * What the system keychain offers safeStorage: a real one (the default), none,
   * or Linux's "basic_text" (a key built into Chromium, which protects nothing).
   */
  readonly keychain?: FakeKeychain;
}

export type FakeKeychain = 'available' | 'unavailable' | 'basic_text';

const FAKE_SEAL = Buffer.from('fake-keychain-v1:');

/**
 * The fake keychain's encryption: the text's bytes XORed with a key stream,
 * behind a marker. It really transforms the bytes, so a test can prove a file
 * holds neither the text nor its base64, and a file it did not write is refused.
 */
export function fakeEncrypt(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([FAKE_SEAL, bytes.map((byte, index) => byte ^ ((index * 73 + 41) & 0xff))]);
}

export function fakeDecrypt(sealed: Buffer): string {
  if (!sealed.subarray(0, FAKE_SEAL.length).equals(FAKE_SEAL)) throw new Error('Error while decrypting the ciphertext');
  const bytes = sealed.subarray(FAKE_SEAL.length);
  return Buffer.from(bytes.map((byte, index) => byte ^ ((index * 73 + 41) & 0xff))).toString('utf8');
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** What main imports from `electron`, each faked by createFakeElectron. */
const ELECTRON_EXPORTS = ['app', 'BrowserWindow', 'ipcMain', 'protocol', 'session', 'Menu', 'dialog', 'safeStorage'];

/** Where a test file keeps the fake of the launch under test: made by its `vi.hoisted`, read by its `vi.mock`. */
export interface ElectronSlot {
  current: Record<string, unknown>;
}

/**
 * The `electron` module for a test file's `vi.mock`: each export forwards to the same export of the fake in the
 * slot, so each launch can bring a new fake. Import it inside the factory (vitest hoists the factory above the
 * file's imports, and the slot with it):
 *
 *   const electron = vi.hoisted((): ElectronSlot => ({ current: {} }));
 *   vi.mock('electron', async () => (await import('./fake-electron')).forwardingElectron(electron));
 */
export function forwardingElectron(slot: ElectronSlot): Record<string, unknown> {
  return Object.fromEntries(
    ELECTRON_EXPORTS.map((key) => [
      key,
      new Proxy(function () {}, {
        get: (_target, property): unknown => Reflect.get(slot.current[key] as object, property),
        construct: (_target, args): object =>
          Reflect.construct<unknown[], object>(slot.current[key] as new (...values: unknown[]) => object, args),
      }),
    ]),
  );
}

export function createFakeElectron(options: FakeElectronOptions) {
  let nextContentsId = 1;
  const paths = new Map<string, string>([
    ['userData', options.userData],
    ['appData', dirname(options.userData)],
    ['documents', options.documents ?? options.userData],
  ]);
  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: vi.fn(() => options.singleInstance ?? true),
    whenReady: vi.fn(() => Promise.resolve()),
    getAppPath: vi.fn(() => options.appPath),
    getPath: vi.fn((name: string) => {
      const path = paths.get(name);
      if (path === undefined) throw new Error(`the fake app has no path "${name}"`);
      return path;
    }),
    setPath: vi.fn((name: string, path: string) => paths.set(name, path)),
    setName: vi.fn(),
    getVersion: vi.fn(() => '0.1.0'),
    isPackaged: options.isPackaged ?? false,
    quit: vi.fn(),
    addRecentDocument: vi.fn(),
  });

  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
      handlers.set(channel, listener);
    }),
    handleOnce: vi.fn(),
    on: vi.fn(),
    once: vi.fn(),
    removeHandler: vi.fn(),
  };

  const protocolHandlers = new Map<string, Listener>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: Listener) => protocolHandlers.set(scheme, handler)),
  };

  const defaultSession = Object.assign(new Emitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents(nextContentsId++);
    readonly loadURL = vi.fn((_url: string) => Promise.resolve());
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly setTitle = vi.fn();
    destroyed = false;

    constructor(readonly options: { readonly webPreferences?: unknown; readonly show?: unknown }) {
      super();
      windows.push(this);
      // Electron announces every new webContents on the app.
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }

    isMinimized(): boolean {
      return false;
    }

    isDestroyed(): boolean {
      return this.destroyed;
    }

    static getAllWindows(): FakeBrowserWindow[] {
      return windows;
    }
  }

  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  };

  const dialog = {
    showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0, checkboxChecked: false })),
    showErrorBox: vi.fn(),
    showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
  };

  const keychain = options.keychain ?? 'available';
  const safeStorage = {
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(keychain !== 'unavailable')),
    getSelectedStorageBackend: vi.fn(() => (keychain === 'basic_text' ? 'basic_text' : 'gnome_libsecret')),
    encryptStringAsync: vi.fn((text: string) =>
      keychain === 'unavailable'
        ? Promise.reject(new Error('Encryption is not available.'))
        : Promise.resolve(fakeEncrypt(text)),
    ),
    /** Set to true to have the next decryption ask for the text to be encrypted again (a rotated key). */
    rotated: false,
    decryptStringAsync: vi.fn((sealed: Buffer) => {
      try {
        return Promise.resolve({ result: fakeDecrypt(sealed), shouldReEncrypt: safeStorage.rotated });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    Menu,
    dialog,
    safeStorage,
  };
  return {
    module,
    app,
    ipcMain,
    handlers,
    protocol,
    protocolHandlers,
    defaultSession,
    windows,
    Menu,
    dialog,
    safeStorage,
  };
}

/** The menu template most recently given to Menu.buildFromTemplate. */
export function currentMenu(fake: FakeElectron): MenuItem[] {
  const calls = fake.Menu.buildFromTemplate.mock.calls;
  const last = calls.at(-1);
  if (!last) throw new Error('no menu was built');
  return last[0] as MenuItem[];
}

export interface MenuItem {
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  accelerator?: string;
  submenu?: MenuItem[];
  click?: () => void;
}

/** A menu item by its labels, as a person clicks through: ['&File', 'Open…']. */
export function menuItem(menu: MenuItem[], ...path: string[]): MenuItem {
  let items = menu;
  let found: MenuItem | undefined;
  for (const label of path) {
    found = items.find((item) => item.label === label);
    if (!found)
      throw new Error(`no menu item "${label}" in ${items.map((item) => item.label ?? item.role).join(', ')}`);
    items = found.submenu ?? [];
  }
  if (!found) throw new Error('empty menu path');
  return found;
}

/** What a menu (or submenu) shows, one string per item: labels, roles, separators as '—'. */
export function menuShape(items: MenuItem[]): string[] {
  return items.map((item) => (item.type === 'separator' ? '—' : (item.label ?? `role:${item.role}`)));
}
