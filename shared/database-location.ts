import { BoardpackError } from './errors';

/**
 * Where a Boardpack database lives: a SQLite file on this computer (the
 * default, and the offline path), or a team database on a PostgreSQL server,
 * named by a `postgres://` URL. Everything that opens a database (the app, the
 * command line's `--db`, the preview, the import workers) takes one string and
 * reads it here.
 */
export type DatabaseLocation =
  { readonly engine: 'sqlite'; readonly path: string } | { readonly engine: 'postgres'; readonly url: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * scheme://[user[:password]@]host[:port]/database[?options]. The user and
 * password run to the last "@" before the options, so a password typed with
 * a "/" or "@" in it, not percent-encoded, is still read as the password.
 */
const URL_PARTS = /^postgres(?:ql)?:\/\/(?:[^?#]*@)?(\[[^\]]*\]|[^:/?]*)(?::\d+)?(?:\/([^?]*))?/i;
const USER_INFO = /^(postgres(?:ql)?:\/\/)([^?#]*)@/i;

/** The password of a postgres:// URL as written (percent-encoded or not); null when it has none. */
export function passwordIn(text: string): string | null {
  const userInfo = USER_INFO.exec(text.trim())?.[2];
  const colon = userInfo?.indexOf(':') ?? -1;
  return userInfo === undefined || colon < 0 || colon === userInfo.length - 1 ? null : userInfo.slice(colon + 1);
}

function urlParts(url: string): { host: string; database: string } | null {
  const match = URL_PARTS.exec(url);
  if (!match) return null;
  return { host: match[1] ?? '', database: safeDecode(match[2] ?? '') };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function isPostgresUrl(text: string): boolean {
  return POSTGRES_URL.test(text.trim());
}

export function parseLocation(text: string): DatabaseLocation {
  const trimmed = text.trim();
  if (trimmed === '') throw new BoardpackError('invalid-input', 'no database given: name a file or a postgres:// URL');
  if (!isPostgresUrl(trimmed)) return { engine: 'sqlite', path: text };
  const parts = urlParts(trimmed);
  if (parts === null || parts.host === '') {
    throw new BoardpackError(
      'invalid-input',
      `${describeLocation(trimmed)} names no server: write postgres://user@host/database`,
    );
  }
  if (parts.database === '') {
    throw new BoardpackError(
      'invalid-input',
      `${describeLocation(trimmed)} names no database: write postgres://user@host/database`,
    );
  }
  if (/[/@?#]/.test(passwordIn(trimmed) ?? '')) {
    throw new BoardpackError(
      'invalid-input',
      `the password in ${describeLocation(trimmed)} holds a character a URL must percent-encode: write / as %2F, @ as %40, ? as %3F and # as %23`,
    );
  }
  return { engine: 'postgres', url: trimmed };
}

/**
 * The location as it may be shown or written to a log: a URL loses its
 * password ("postgres://ana@db.council.example/csp"); a file path is itself.
 */
export function describeLocation(text: string): string {
  if (!isPostgresUrl(text)) return text;
  return text.trim().replace(USER_INFO, (whole, scheme: string, userInfo: string) => {
    const colon = userInfo.indexOf(':');
    return colon < 0 ? whole : `${scheme}${userInfo.slice(0, colon)}@`;
  });
}

/** A short name for a window title: the file's name, or "csp on db.council.example". */
export function locationTitle(text: string): string {
  if (!isPostgresUrl(text)) return text.split(/[\\/]/).at(-1) ?? text;
  const parts = urlParts(text.trim());
  return parts === null ? describeLocation(text) : `${parts.database} on ${parts.host}`;
}
