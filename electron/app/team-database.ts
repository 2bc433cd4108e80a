import { openDatabase, type OpenDatabase } from '../../db/open-database';
import { describeLocation, parseLocation, passwordIn } from '../../shared/database-location';
import { BoardpackError, type ErrorData, type ErrorWhere } from '../../shared/errors';
import type { TeamDatabaseAccess } from '../api/context';
import type { DatabaseSession } from './database-session';
import { errorData } from './error-data';

/**
 * File ▸ Connect to team database… (issue 9): the window's dialog builds the
 * postgres:// URL and hands it to main through team.connect; the handler
 * reaches the session through this capability of its context, which only the
 * desktop app (team-connection.ts, with the keychain) and the preview give.
 */
export type { TeamDatabaseAccess } from '../api/context';

/** The password of a postgres:// URL, as written and decoded, longest first; none when it has none. */
function passwordsIn(url: string): string[] {
  const written = passwordIn(url);
  if (written === null) return [];
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // Not percent-encoded as a URL would be: the text as written is all there is to hide.
  }
  return [...new Set([written, decoded])].sort((a, b) => b.length - a.length);
}

/** Error data with the URL shown without its password, and the password nowhere (a driver may quote either). */
export function withoutPassword(error: ErrorData, url: string): ErrorData {
  const hide = (text: string) => {
    let hidden = url.trim() === '' ? text : text.split(url.trim()).join(describeLocation(url));
    for (const password of passwordsIn(url)) hidden = hidden.split(password).join('…');
    return hidden;
  };
  const where: ErrorWhere | undefined = error.where && {
    ...error.where,
    ...(error.where.file === undefined ? {} : { file: hide(error.where.file) }),
  };
  return { ...error, message: hide(error.message), ...(where ? { where } : {}) };
}

const errorOf = (data: ErrorData) => new BoardpackError(data.code, data.message, data.where, data.current);

/**
 * Opens the team database at `url`, which tests the connection: a refusal
 * (unreachable, password refused, not a Boardpack database, no data yet)
 * comes back in words, with the password nowhere in them.
 */
export async function openTeamDatabase(url: string): Promise<OpenDatabase> {
  let where: ReturnType<typeof parseLocation>;
  try {
    where = parseLocation(url);
  } catch (error) {
    throw errorOf(withoutPassword(errorData(error), url));
  }
  if (where.engine !== 'postgres') {
    throw new BoardpackError(
      'invalid-input',
      "a team database's address starts with postgres://, as in postgres://ana@db.council.example/csp",
      { field: 'url' },
    );
  }
  try {
    return await openDatabase(where.url);
  } catch (error) {
    throw errorOf(withoutPassword(errorData(error), url));
  }
}

/** Switches the session to the team database at `url`; a refusal leaves the open database open. */
export async function switchToTeamDatabase(session: DatabaseSession, url: string): Promise<OpenDatabase> {
  const database = await openTeamDatabase(url);
  await session.replace(database);
  return database;
}

/** Why the browser preview never remembers a team database. */
export const PREVIEW_KEEPS_NOTHING =
  'the browser preview keeps no passwords, so the team database is connected until the preview stops';

/** The preview's capability: the same switch, with nothing remembered. */
export function previewTeamAccess(session: () => DatabaseSession): TeamDatabaseAccess {
  return {
    status: () => Promise.resolve({ canConnect: true, cannotRemember: PREVIEW_KEEPS_NOTHING }),
    async connect(url, remember) {
      const database = await switchToTeamDatabase(session(), url);
      return {
        location: describeLocation(database.location),
        remembered: false,
        notRemembered: remember ? PREVIEW_KEEPS_NOTHING : null,
      };
    },
  };
}
