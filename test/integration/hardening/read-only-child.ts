/**
 * A child process for bad-files.test.ts, run where the file is truly read-only
 * (root writes through chmod 0444, so as root the test runs this without the
 * capabilities that override file permissions): tries a read-only database
 * file the way the command line and File ▸ Open do, and prints what happened
 * as JSON.
 *   node --import tsx read-only-child.ts CURRENT_DB READ_ONLY_DB SETTINGS_FILE
 */
import { appendFileSync } from 'node:fs';
import { openDatabase } from '../../../db/open-database';
import { localWriter } from '../../../db/writer';
import { dispatch } from '../../../electron/api/dispatch';
import { DatabaseSession } from '../../../electron/app/database-session';
import { openDatabaseFile, type FileDialogs } from '../../../electron/app/file-commands';
import { settingsStore } from '../../../electron/app/settings';
import { errorData } from '../../../electron/app/startup-database';

const [current, readOnly, settingsFile] = process.argv.slice(2);
if (!current || !readOnly || !settingsFile) throw new Error('usage: read-only-child CURRENT_DB READ_ONLY_DB SETTINGS');

/** True when this process can open the file for writing (appending nothing changes nothing). */
function writable(path: string): boolean {
  try {
    appendFileSync(path, '');
    return true;
  } catch {
    return false;
  }
}

const opened = await openDatabase(readOnly).then(
  async (database) => {
    await database.close();
    return null;
  },
  (error: unknown) => errorData(error),
);

const errors: string[][] = [];
const dialogs: FileDialogs = {
  chooseDatabaseToOpen: () => Promise.resolve(null),
  chooseNewDatabasePath: () => Promise.resolve(null),
  chooseCopyPath: () => Promise.resolve(null),
  chooseBackup: () => Promise.resolve(null),
  confirm: () => Promise.resolve(false),
  showError: (title, message) => {
    errors.push([title, message]);
    return Promise.resolve();
  },
  showInfo: () => Promise.resolve(),
};
const session = new DatabaseSession(await openDatabase(current), {
  version: 'test',
  writer: localWriter('test'),
  emit: () => undefined,
});
const switched = await openDatabaseFile(
  { session, settings: settingsStore(settingsFile), dialogs, changed: () => undefined },
  readOnly,
);
const written = await dispatch(session.context(), 'glossary.create', { term: 'After', definition: 'still usable' });
const sessionPath = session.location;
await session.close();

process.stdout.write(
  `${JSON.stringify({
    fileWritable: writable(readOnly),
    openDatabase: opened,
    fileOpen: { switched, errors, sessionPath, writeAfter: written.ok },
  })}\n`,
);
