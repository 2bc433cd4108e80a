import type { TeamDatabaseConnected } from '../../shared/api/team-contract';
import { describeLocation } from '../../shared/database-location';
import { errorData } from './error-data';
import { openDatabaseFile, type FileCommandDeps } from './file-commands';
import { withTeamDatabase } from './settings';
import { switchToTeamDatabase, withoutPassword, type TeamDatabaseAccess } from './team-database';
import type { TeamUrlStore } from './team-url-store';

export interface TeamCommandDeps extends FileCommandDeps {
  readonly teamUrls: TeamUrlStore;
  /** The demo database: where Disconnect goes when no file was open before. */
  readonly demoDatabase: string;
}

/**
 * The desktop app's connect: tests and switches, then keeps the URL encrypted
 * by the system keychain when asked and able, so the next start reopens it.
 * Connected for this session only, nothing is kept and the next start opens
 * the last file.
 */
export async function connectTeamDatabase(
  deps: TeamCommandDeps,
  url: string,
  remember: boolean,
): Promise<TeamDatabaseConnected> {
  const database = await switchToTeamDatabase(deps.session, url);
  let notRemembered: string | null = null;
  if (remember) {
    notRemembered = await deps.teamUrls.cannotRemember();
    if (notRemembered === null) {
      try {
        await deps.teamUrls.save(database.location);
      } catch (error) {
        notRemembered = withoutPassword(errorData(error), url).message;
      }
    }
  }
  const remembered = remember && notRemembered === null;
  if (!remembered) await deps.teamUrls.forget();
  deps.settings.update((settings) => withTeamDatabase(settings, remembered));
  deps.changed();
  return { location: describeLocation(database.location), remembered, notRemembered };
}

/** The capability main gives the context: the session's switch, with the keychain. */
export function desktopTeamAccess(deps: () => TeamCommandDeps): TeamDatabaseAccess {
  return {
    async status() {
      return { canConnect: true, cannotRemember: await deps().teamUrls.cannotRemember() };
    },
    connect: (url, remember) => connectTeamDatabase(deps(), url, remember),
  };
}

/** File ▸ Disconnect from team database: back to the file open before (else the demo); the URL is forgotten. */
export function disconnectTeamDatabase(deps: TeamCommandDeps): Promise<boolean> {
  return openDatabaseFile(deps, deps.settings.get().lastOpened ?? deps.demoDatabase);
}
