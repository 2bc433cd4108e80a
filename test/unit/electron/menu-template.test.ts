import { describe, expect, it, vi, type Mock } from 'vitest';
import { menuTemplate, type MenuActions, type MenuEntry } from '../../../electron/app/menu-template';
import { menuItem, menuShape } from './fake-electron';

const actions = (): { [Name in keyof MenuActions]: Mock<MenuActions[Name]> } => ({
  newDatabase: vi.fn(),
  open: vi.fn(),
  openRecent: vi.fn(),
  clearRecent: vi.fn(),
  connectTeamDatabase: vi.fn(),
  disconnectTeamDatabase: vi.fn(),
  saveCopy: vi.fn(),
  restoreBackup: vi.fn(),
  importAnnotations: vi.fn(),
  exportAnnotations: vi.fn(),
  about: vi.fn(),
});

const linux = {
  recent: [] as string[],
  isPackaged: true,
  platform: 'linux' as const,
  packFileOpen: false,
  teamDatabaseOpen: false,
};
const labels = (menu: MenuEntry[]) => JSON.stringify(menu, (_key, value: unknown) => value);

describe('the application menu', () => {
  it('has File, Edit, View and Help with access keys on Windows and Linux', () => {
    const menu = menuTemplate(linux, actions());
    expect(menuShape(menu)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(menuShape(menuItem(menu, '&Edit').submenu ?? [])).toEqual([
      'role:undo',
      'role:redo',
      '—',
      'role:cut',
      'role:copy',
      'role:paste',
      'role:selectAll',
    ]);
    // The screens import and export; only the reviewers' annotations files are in the File menu too.
    expect(labels(menu).match(/Import[^"]*|Export[^"]*/g)).toEqual(['Import annotations…', 'Export annotations…']);
  });

  it('has the app menu and a Window menu on macOS, with Quit in the app menu', () => {
    const menu = menuTemplate({ ...linux, platform: 'darwin' }, actions());
    expect(menuShape(menu)).toEqual(['Boardpack', 'File', 'Edit', 'View', 'role:windowMenu', 'Help']);
    expect(menuShape(menuItem(menu, 'Boardpack').submenu ?? [])).toEqual([
      'About Boardpack',
      '—',
      'role:services',
      '—',
      'role:hide',
      'role:hideOthers',
      'role:unhide',
      '—',
      'role:quit',
    ]);
    expect(menuShape(menuItem(menu, 'File').submenu ?? []).at(-1)).toBe('role:close');
  });

  it('lists recent files, their "&" shown as typed, each opening its own file', () => {
    const menuActions = actions();
    const menu = menuTemplate({ ...linux, recent: ['/p/Safety & Justice.db', '/p/Bucks.db'] }, menuActions);
    const recent = menuItem(menu, '&File', 'Open recent').submenu ?? [];
    expect(menuShape(recent)).toEqual(['/p/Safety && Justice.db', '/p/Bucks.db', '—', 'Clear recent']);
    recent[1]?.click?.();
    recent[3]?.click?.();
    expect(menuActions.openRecent).toHaveBeenCalledExactlyOnceWith('/p/Bucks.db');
    expect(menuActions.clearRecent).toHaveBeenCalledOnce();
  });

  it('says there are no recent files rather than showing an empty menu', () => {
    const recent = menuItem(menuTemplate(linux, actions()), '&File', 'Open recent').submenu ?? [];
    expect(recent).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('wires each File and Help item to its action, with the usual shortcuts', () => {
    const menuActions = actions();
    const menu = menuTemplate(linux, menuActions);
    const items = {
      newDatabase: menuItem(menu, '&File', 'New database…'),
      open: menuItem(menu, '&File', 'Open…'),
      connectTeamDatabase: menuItem(menu, '&File', 'Connect to team database…'),
      saveCopy: menuItem(menu, '&File', 'Save a copy…'),
      restoreBackup: menuItem(menu, '&File', 'Restore from backup…'),
      importAnnotations: menuItem(menu, '&File', 'Import annotations…'),
      exportAnnotations: menuItem(menu, '&File', 'Export annotations…'),
      about: menuItem(menu, '&Help', 'About Boardpack'),
    };
    expect([items.newDatabase.accelerator, items.open.accelerator, items.saveCopy.accelerator]).toEqual([
      'CmdOrCtrl+N',
      'CmdOrCtrl+O',
      'CmdOrCtrl+Shift+S',
    ]);
    for (const [action, item] of Object.entries(items)) {
      item.click?.();
      expect(menuActions[action as keyof MenuActions], action).toHaveBeenCalledOnce();
    }
  });

  it('offers Export annotations… only while a reviewer’s pack file is open, and Import annotations… always', () => {
    const file = (packFileOpen: boolean) =>
      menuItem(menuTemplate({ ...linux, packFileOpen }, actions()), '&File').submenu ?? [];
    const shape = menuShape(file(false));
    expect(shape.slice(shape.indexOf('Restore from backup…'))).toEqual([
      'Restore from backup…',
      '—',
      'Import annotations…',
      'Export annotations…',
      '—',
      'role:quit',
    ]);
    const entry = (packFileOpen: boolean, label: string) => file(packFileOpen).find((item) => item.label === label);
    expect(entry(false, 'Export annotations…')?.enabled).toBe(false);
    expect(entry(true, 'Export annotations…')?.enabled).toBe(true);
    expect(entry(false, 'Import annotations…')?.enabled).toBeUndefined();
  });
});

describe('the team database in the File menu', () => {
  const file = (teamDatabaseOpen: boolean, menuActions = actions()) =>
    menuItem(menuTemplate({ ...linux, teamDatabaseOpen }, menuActions), '&File').submenu ?? [];
  const entry = (teamDatabaseOpen: boolean, label: string) =>
    file(teamDatabaseOpen).find((item) => item.label === label);

  it('offers Connect… always, after the files, and Disconnect only while a team database is open', () => {
    const shape = menuShape(file(false));
    expect(shape.slice(0, shape.indexOf('Save a copy…'))).toEqual([
      'New database…',
      'Open…',
      'Open recent',
      '—',
      'Connect to team database…',
      'Disconnect from team database',
      '—',
    ]);
    expect(entry(false, 'Connect to team database…')?.enabled).toBeUndefined();
    expect(entry(true, 'Connect to team database…')?.enabled).toBeUndefined();
    expect(entry(false, 'Disconnect from team database')?.enabled).toBe(false);
    expect(entry(true, 'Disconnect from team database')?.enabled).toBe(true);
  });

  it('does not offer to copy or restore a team database: its server keeps and backs it up', () => {
    for (const label of ['Save a copy…', 'Restore from backup…']) {
      expect(entry(false, label)?.enabled, label).toBe(true);
      expect(entry(true, label)?.enabled, label).toBe(false);
    }
  });

  it('wires Disconnect to its action', () => {
    const menuActions = actions();
    file(true, menuActions)
      .find((item) => item.label === 'Disconnect from team database')
      ?.click?.();
    expect(menuActions.disconnectTeamDatabase).toHaveBeenCalledOnce();
    expect(menuActions.connectTeamDatabase).not.toHaveBeenCalled();
  });
});
