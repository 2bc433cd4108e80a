import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  readSettings,
  settingsStore,
  withOpened,
  withoutRecent,
  withTeamDatabase,
  writeSettings,
} from '../../../electron/app/settings';
import { tempPath } from '../../helpers/temp-files';

describe('settings', () => {
  it('start empty when the file is missing, damaged or of another shape', () => {
    const path = tempPath('settings.json');
    expect(readSettings(path)).toEqual(DEFAULT_SETTINGS);
    writeFileSync(path, '{"lastOpened": "/a.db", "rec');
    expect(readSettings(path)).toEqual({ lastOpened: null, recent: [], teamDatabase: false });
    writeFileSync(path, '[1, 2]');
    expect(readSettings(path)).toEqual({ lastOpened: null, recent: [], teamDatabase: false });
    writeFileSync(path, JSON.stringify({ lastOpened: 7, recent: ['/a.db'], teamDatabase: 'yes' }));
    expect(readSettings(path)).toEqual({ lastOpened: null, recent: ['/a.db'], teamDatabase: false });
    // Settings written before the team database existed.
    writeFileSync(path, JSON.stringify({ lastOpened: '/a.db', recent: ['/a.db'] }));
    expect(readSettings(path)).toEqual({ lastOpened: '/a.db', recent: ['/a.db'], teamDatabase: false });
  });

  it('are written whole, through a temporary file, and read back the same', () => {
    const path = join(tempPath('folder'), 'settings.json');
    writeSettings(path, {
      lastOpened: '/x/partnership.db',
      recent: ['/x/partnership.db', '/y/demo.db'],
      teamDatabase: true,
    });
    expect(readSettings(path)).toEqual({
      lastOpened: '/x/partnership.db',
      recent: ['/x/partnership.db', '/y/demo.db'],
      teamDatabase: true,
    });
    expect(readdirSync(dirname(path))).toEqual(['settings.json']);
  });

  it('put the file opened last first among the recent ones, once, at most ten', () => {
    let settings = DEFAULT_SETTINGS;
    for (let index = 1; index <= 12; index += 1) settings = withOpened(settings, `/db/${index}.db`);
    settings = withOpened(settings, '/db/5.db');
    expect(settings).toEqual({
      lastOpened: '/db/5.db',
      teamDatabase: false,
      recent: [
        '/db/5.db',
        '/db/12.db',
        '/db/11.db',
        '/db/10.db',
        '/db/9.db',
        '/db/8.db',
        '/db/7.db',
        '/db/6.db',
        '/db/4.db',
        '/db/3.db',
      ],
    });
    expect(withoutRecent(settings, '/db/5.db')).toEqual({
      lastOpened: null,
      recent: settings.recent.slice(1),
      teamDatabase: false,
    });
  });

  it('remember the team database only as "reopen it", keeping the file to go back to; opening a file ends it', () => {
    const onFile = withOpened(DEFAULT_SETTINGS, '/db/a.db');
    const onTeam = withTeamDatabase(onFile, true);
    expect(onTeam).toEqual({ lastOpened: '/db/a.db', recent: ['/db/a.db'], teamDatabase: true });
    expect(withTeamDatabase(onTeam, false)).toEqual(onFile);
    expect(withOpened(onTeam, '/db/b.db')).toEqual({
      lastOpened: '/db/b.db',
      recent: ['/db/b.db', '/db/a.db'],
      teamDatabase: false,
    });
  });

  it('store writes every change at once', () => {
    const path = tempPath('settings.json');
    const store = settingsStore(path);
    store.update((settings) => withOpened(settings, '/db/a.db'));
    const written = { lastOpened: '/db/a.db', recent: ['/db/a.db'], teamDatabase: false };
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(written);
    expect(settingsStore(path).get()).toEqual(written);
  });
});
