import { safeStorage } from 'electron';
import type { Keychain } from '../app/team-url-store';

/**
 * Electron's safeStorage: the macOS Keychain, Windows DPAPI, or the Linux
 * desktop's secret service (GNOME Keyring, KWallet). On Linux without one,
 * Electron falls back to a key written into Chromium itself ("basic_text"),
 * which protects nothing: Boardpack treats that as no keychain at all.
 */
export function osKeychain(): Keychain {
  return {
    async unavailable() {
      const available = await safeStorage.isAsyncEncryptionAvailable();
      const basicText = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
      if (available && !basicText) return null;
      return (
        'this computer offers no keychain to keep the password in safely' +
        (process.platform === 'linux' ? ' (no GNOME Keyring or KWallet is running)' : '') +
        ', so the team database is connected for this session only'
      );
    },
    async encrypt(text) {
      const bytes = await safeStorage.encryptStringAsync(text);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    async decrypt(bytes) {
      const decrypted = await safeStorage.decryptStringAsync(Buffer.from(bytes));
      return { text: decrypted.result, encryptAgain: decrypted.shouldReEncrypt };
    },
  };
}
