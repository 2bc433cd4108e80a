import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { osKeychain } from '../../../electron/adapters/keychain';
import { teamUrlStore } from '../../../electron/app/team-url-store';
import { tempPath } from '../../helpers/temp-files';
import { createFakeElectron, fakeEncrypt, type FakeElectron, type FakeKeychain } from './fake-electron';

// The adapter over Electron's safeStorage, run against the fake keychain (which really transforms the bytes).
const electron = vi.hoisted(() => ({ current: { safeStorage: {} } }));
vi.mock('electron', () => ({
  safeStorage: new Proxy(
    {},
    { get: (_target, property): unknown => Reflect.get(electron.current.safeStorage, property) },
  ),
}));

const PASSWORD = 'Tr0ub4dor&3 £';
const URL = `postgres://ana:${encodeURIComponent(PASSWORD)}@db.council.example:5433/csp`;

let fake: FakeElectron;
function withKeychain(keychain: FakeKeychain = 'available') {
  fake = createFakeElectron({ userData: '/nowhere', appPath: '/nowhere', keychain });
  electron.current = fake.module;
  const file = tempPath('team-database.bin');
  return { file, store: teamUrlStore(file, osKeychain()) };
}

/** The secrets a file's bytes show: as written, percent-encoded, or in base64. */
function secretsIn(bytes: Buffer): string[] {
  const texts = [bytes.toString('latin1'), bytes.toString('utf8')];
  const secrets = [URL, PASSWORD, encodeURIComponent(PASSWORD), 'db.council.example', 'ana'];
  return secrets.filter((secret) =>
    texts.some((text) => text.includes(secret) || text.includes(Buffer.from(secret).toString('base64'))),
  );
}

beforeEach(() => {
  electron.current = { safeStorage: {} };
});

describe('the team database address kept on this computer', () => {
  it('is kept only as the keychain’s encrypted bytes, readable by this user alone, and read back whole', async () => {
    const { file, store } = withKeychain();
    expect(await store.cannotRemember()).toBeNull();
    await store.save(URL);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(URL.length);
    expect(secretsIn(bytes)).toEqual([]);
    expect(fake.safeStorage.encryptStringAsync).toHaveBeenCalledExactlyOnceWith(URL);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(file))).toEqual(['team-database.bin']);
    expect(await store.read()).toBe(URL);
  });

  it('replaces the address kept before, and is gone once forgotten', async () => {
    const { file, store } = withKeychain();
    await store.save(URL);
    const other = 'postgres://ben:another@db2.council.example/csp';
    await store.save(other);
    expect(await store.read()).toBe(other);
    await store.forget();
    expect(existsSync(file)).toBe(false);
    expect(await store.read()).toBeNull();
    await store.forget();
  });

  it('is none at all until one is saved', async () => {
    const { store } = withKeychain();
    expect(await store.read()).toBeNull();
    expect(fake.safeStorage.decryptStringAsync).not.toHaveBeenCalled();
  });

  it('is encrypted again when the keychain has rotated its key', async () => {
    const { file, store } = withKeychain();
    await store.save(URL);
    fake.safeStorage.rotated = true;
    expect(await store.read()).toBe(URL);
    expect(fake.safeStorage.encryptStringAsync).toHaveBeenCalledTimes(2);
    expect(secretsIn(readFileSync(file))).toEqual([]);
  });

  it('refuses a file the keychain cannot decrypt, saying so, and gives no address', async () => {
    const { file, store } = withKeychain();
    writeFileSync(file, Buffer.from(URL));
    await expect(store.read()).rejects.toMatchObject({
      code: 'corrupt',
      message:
        "the team database's address kept on this computer cannot be decrypted (the system keychain has changed, " +
        'or the file is damaged)',
    });
  });

  it.each([
    ['no keychain', 'unavailable'],
    ['Linux’s basic_text store, a key built into Chromium that protects nothing', 'basic_text'],
  ] as const)('is never written with %s: it says why', async (_what, keychain) => {
    const { file, store } = withKeychain(keychain);
    const reason = await store.cannotRemember();
    if (keychain === 'basic_text' && process.platform !== 'linux') {
      expect(reason).toBeNull();
      return;
    }
    expect(reason).toMatch(/^this computer offers no keychain to keep the password in safely.*for this session only$/);
    await expect(store.save(URL)).rejects.toMatchObject({ code: 'io', message: reason });
    expect(existsSync(file)).toBe(false);
    expect(fake.safeStorage.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('cannot be read while the keychain is unavailable, and says why rather than guessing', async () => {
    const { file, store } = withKeychain('unavailable');
    writeFileSync(file, fakeEncrypt(URL));
    await expect(store.read()).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/^the team database's address cannot be read: this computer offers no keychain/),
    });
  });
});
