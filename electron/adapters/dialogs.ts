import { join } from 'node:path';
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { FileDialogs } from '../app/file-commands';

const DATABASE_FILTERS = [
  { name: 'Boardpack database', extensions: ['db', 'sqlite', 'boardpack'] },
  { name: 'All files', extensions: ['*'] },
];

async function message(window: BrowserWindow | null, options: MessageBoxOptions): Promise<void> {
  if (window && !window.isDestroyed()) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}

/** Electron's native dialogs, attached to the window when there is one. */
export function fileDialogs(getWindow: () => BrowserWindow | null, documents: string): FileDialogs {
  const save = async (title: string, buttonLabel: string, name: string): Promise<string | null> => {
    const options = {
      title,
      buttonLabel,
      defaultPath: join(documents, name),
      filters: DATABASE_FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'] as (
        'createDirectory' | 'showOverwriteConfirmation'
      )[],
    };
    const window = getWindow();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    async chooseDatabaseToOpen() {
      const options = {
        title: 'Open a Boardpack database',
        filters: DATABASE_FILTERS,
        properties: ['openFile'] as 'openFile'[],
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseNewDatabasePath: () => save('New Boardpack database', 'Create', 'Partnership.db'),
    chooseCopyPath: (suggestedName) => save('Save a copy of the database', 'Save copy', suggestedName),
    showError: (title, detail) =>
      message(getWindow(), { type: 'error', title, message: title, detail, buttons: ['OK'] }),
    showInfo: (title, detail) => message(getWindow(), { type: 'info', title, message: title, detail, buttons: ['OK'] }),
  };
}

/** Before any window exists: the reason the app cannot start. */
export function showStartupError(detail: string): void {
  dialog.showErrorBox('Boardpack could not start', detail);
}
