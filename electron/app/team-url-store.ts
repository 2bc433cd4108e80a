import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BoardpackError } from '../../shared/errors';

/**
 * The operating system's keychain as far as Boardpack uses it: Electron's
 * safeStorage in the app (adapters/keychain.ts), a fake that really transforms
 * the bytes in tests.
 */
export interface Keychain {
  /** Why nothing can be kept encrypted on this computer, or null when it can. */
  unavailable(): Promise<string | null>;
  encrypt(text: string): Promise<Uint8Array>;
  /** The text, and whether it should be encrypted again (the keychain's key was rotated). */
  decrypt(bytes: Uint8Array): Promise<{ readonly text: string; readonly encryptAgain: boolean }>;
}

/**
 * The team database's URL (it may hold a password), kept only as the
 * keychain's encrypted bytes in one file in the user-data folder
 * (team-database.bin), readable by this user alone. Nothing else on disk ever
 * holds it: not the settings, not the recent list.
 */
export interface TeamUrlStore {
  /** Why the URL cannot be remembered here, or null when it can. */
  cannotRemember(): Promise<string | null>;
  /** Encrypts and keeps the URL, replacing any kept before; refused when the keychain is unavailable. */
  save(url: string): Promise<void>;
  /** The kept URL, or null when none is; a file the keychain cannot decrypt is refused. */
  read(): Promise<string | null>;
  /** Removes the kept URL, if any. */
  forget(): Promise<void>;
}

export function teamUrlStore(file: string, keychain: Keychain): TeamUrlStore {
  const write = async (bytes: Uint8Array) => {
    const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new BoardpackError('io', `cannot keep the team database's address: ${(error as Error).message}`, {
        file,
      });
    }
  };
  return {
    cannotRemember: () => keychain.unavailable(),
    async save(url) {
      const reason = await keychain.unavailable();
      if (reason !== null) throw new BoardpackError('io', reason);
      await write(await keychain.encrypt(url));
    },
    async read() {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new BoardpackError('io', `cannot read the team database's address: ${(error as Error).message}`, {
          file,
        });
      }
      const reason = await keychain.unavailable();
      if (reason !== null) throw new BoardpackError('io', `the team database's address cannot be read: ${reason}`);
      let decrypted: { readonly text: string; readonly encryptAgain: boolean };
      try {
        decrypted = await keychain.decrypt(bytes);
      } catch {
        throw new BoardpackError(
          'corrupt',
          "the team database's address kept on this computer cannot be decrypted (the system keychain has changed, " +
            'or the file is damaged)',
          { file },
        );
      }
      if (decrypted.encryptAgain) await write(await keychain.encrypt(decrypted.text));
      return decrypted.text;
    },
    forget: () => rm(file, { force: true }),
  };
}
