import { BoardpackError } from '../../shared/errors';

/**
 * What SQLite says when the file or the disk under it fails, in words a
 * secretary can act on: a full disk, a file that cannot be written, a damaged
 * file, another program holding it. Every write runs in a transaction, so a
 * write that fails this way has saved nothing. Anything else is returned
 * unchanged (constraint failures: constraint-error.ts).
 */

const NOTHING_SAVED = 'nothing was saved';

/** SQLite's result code families (better-sqlite3 puts the extended code, "SQLITE_IOERR_WRITE", on the error). */
const BY_CODE: readonly { readonly code: RegExp; readonly error: () => BoardpackError }[] = [
  {
    code: /^SQLITE_FULL$/,
    error: () => new BoardpackError('io', `the disk is full: ${NOTHING_SAVED}. Make room on the disk, then try again`),
  },
  {
    code: /^SQLITE_IOERR/,
    error: () =>
      new BoardpackError(
        'io',
        `the disk could not be written to or read (it may be full, or a network drive may be gone): ${NOTHING_SAVED}. ` +
          'Check the disk, then try again',
      ),
  },
  {
    code: /^SQLITE_READONLY/,
    error: () => new BoardpackError('io', `the database file cannot be written to (it is read-only): ${NOTHING_SAVED}`),
  },
  {
    code: /^SQLITE_(CORRUPT|NOTADB)/,
    error: () =>
      new BoardpackError(
        'corrupt',
        `the database file is damaged: ${NOTHING_SAVED}. Restore one of its backups ` +
          '(File ▸ Restore from backup…, or boardpack backup restore)',
      ),
  },
  {
    code: /^SQLITE_(BUSY|LOCKED)/,
    error: () =>
      new BoardpackError('conflict', `another program is using the database file: ${NOTHING_SAVED}. Try again`),
  },
  {
    code: /^SQLITE_CANTOPEN/,
    error: () =>
      new BoardpackError(
        'io',
        `the database file cannot be opened (has it been moved, or its disk removed?): ${NOTHING_SAVED}`,
      ),
  },
];

export function fromSqliteError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof BoardpackError || typeof code !== 'string') return error;
  return BY_CODE.find((entry) => entry.code.test(code))?.error() ?? error;
}
