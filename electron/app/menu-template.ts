/**
 * The application menu as plain data (Electron's template shape, without
 * importing Electron), so what it offers is tested under Node.
 * Imports and exports live in their screens (Import, Comparisons, Meetings & packs);
 * the File menu also carries the reviewers' annotations files (issue 7) and the
 * team database (issue 9).
 */

export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'quit'
  | 'close'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'windowMenu';

export interface MenuEntry {
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  submenu?: MenuEntry[];
  click?: () => void;
}

export interface MenuActions {
  newDatabase(): void;
  open(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  /** Shows the window's dialog that asks for the team database's address. */
  connectTeamDatabase(): void;
  /** Goes back from the team database to the file open before. */
  disconnectTeamDatabase(): void;
  saveCopy(): void;
  restoreBackup(): void;
  /** Merges a reviewer's `.boardnotes` file into the open database. */
  importAnnotations(): void;
  /** Saves the open pack file's notes as a `.boardnotes` file. */
  exportAnnotations(): void;
  about(): void;
}

export interface MenuState {
  readonly recent: readonly string[];
  /** Developer tools only in development. */
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
  /** The open file is a reviewer's `.boardpack`: its notes can be exported. */
  readonly packFileOpen: boolean;
  /** A team database is open: it can be left; its server, not Boardpack, copies and backs it up. */
  readonly teamDatabaseOpen: boolean;
}

const separator: MenuEntry = { type: 'separator' };

/** Windows and Linux read "&" in a label as an access key; a path shows its "&" doubled. */
export const menuLabel = (text: string): string => text.replaceAll('&', '&&');

function recentMenu(state: MenuState, actions: MenuActions): MenuEntry[] {
  if (state.recent.length === 0) return [{ label: 'No recent files', enabled: false }];
  return [
    ...state.recent.map((path) => ({ label: menuLabel(path), click: () => actions.openRecent(path) })),
    separator,
    { label: 'Clear recent', click: () => actions.clearRecent() },
  ];
}

export function menuTemplate(state: MenuState, actions: MenuActions): MenuEntry[] {
  const mac = state.platform === 'darwin';
  /** An access key on Windows and Linux (Alt+F); macOS menus have none. */
  const title = (label: string) => (mac ? label : `&${label}`);
  const about: MenuEntry = { label: 'About Boardpack', click: () => actions.about() };
  const appMenu: MenuEntry[] = mac
    ? [
        {
          label: 'Boardpack',
          submenu: [
            about,
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const file: MenuEntry = {
    label: title('File'),
    submenu: [
      { label: 'New database…', accelerator: 'CmdOrCtrl+N', click: () => actions.newDatabase() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { label: 'Open recent', submenu: recentMenu(state, actions) },
      separator,
      { label: 'Connect to team database…', click: () => actions.connectTeamDatabase() },
      {
        label: 'Disconnect from team database',
        enabled: state.teamDatabaseOpen,
        click: () => actions.disconnectTeamDatabase(),
      },
      separator,
      {
        label: 'Save a copy…',
        accelerator: 'CmdOrCtrl+Shift+S',
        enabled: !state.teamDatabaseOpen,
        click: () => actions.saveCopy(),
      },
      { label: 'Restore from backup…', enabled: !state.teamDatabaseOpen, click: () => actions.restoreBackup() },
      separator,
      { label: 'Import annotations…', click: () => actions.importAnnotations() },
      { label: 'Export annotations…', enabled: state.packFileOpen, click: () => actions.exportAnnotations() },
      separator,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuEntry = {
    label: title('Edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuEntry = {
    label: title('View'),
    submenu: [
      { role: 'reload' },
      ...(state.isPackaged ? [] : [{ role: 'toggleDevTools' } satisfies MenuEntry]),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuEntry[] = mac ? [{ role: 'windowMenu' }] : [];
  const help: MenuEntry = { label: title('Help'), submenu: [about] };
  return [...appMenu, file, edit, view, ...window, help];
}
