import { join } from 'node:path';
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { AnnotationDialogs, FileDialogs } from '../app/file-commands';
import { IMPORT_DIALOGS, type FileChooser } from '../app/import-dialogs';

const DATABASE_FILTERS = [
  { name: 'Boardpack database', extensions: ['db', 'sqlite', 'boardpack'] },
  { name: 'All files', extensions: ['*'] },
];
const NOTES_FILTERS = [{ name: 'Boardpack annotations', extensions: ['boardnotes'] }];

async function message(window: BrowserWindow | null, options: MessageBoxOptions): Promise<void> {
  if (window && !window.isDestroyed()) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}

/** Electron's native dialogs, attached to the window when there is one. */
export function fileDialogs(getWindow: () => BrowserWindow | null, documents: string): FileDialogs & AnnotationDialogs {
  const save = async (
    title: string,
    buttonLabel: string,
    name: string,
    filters = DATABASE_FILTERS,
  ): Promise<string | null> => {
    const options = {
      title,
      buttonLabel,
      defaultPath: join(documents, name),
      filters,
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
    async chooseBackup(folder) {
      const options = {
        title: 'Restore from backup',
        buttonLabel: 'Choose backup',
        defaultPath: folder,
        filters: [{ name: 'Boardpack backups', extensions: ['bak'] }],
        properties: ['openFile'] as 'openFile'[],
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseAnnotationsToImport() {
      const paths = await importChooser(getWindow).chooseImport('boardnotes');
      return paths?.[0] ?? null;
    },
    chooseAnnotationsPath: (suggestedName) => save('Export annotations', 'Export', suggestedName, NOTES_FILTERS),
    async confirm(title, detail, button) {
      const options: MessageBoxOptions = {
        type: 'warning',
        title,
        message: title,
        detail,
        buttons: [button, 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      };
      const window = getWindow();
      const result =
        window && !window.isDestroyed()
          ? await dialog.showMessageBox(window, options)
          : await dialog.showMessageBox(options);
      return result.response === 0;
    },
    showError: (title, detail) =>
      message(getWindow(), { type: 'error', title, message: title, detail, buttons: ['OK'] }),
    showInfo: (title, detail) => message(getWindow(), { type: 'info', title, message: title, detail, buttons: ['OK'] }),
  };
}

/** Electron's open dialog for imports: files of any size and folders are read where they are, never uploaded. */
export function importChooser(getWindow: () => BrowserWindow | null): FileChooser {
  return {
    async chooseImport(purpose) {
      const spec = IMPORT_DIALOGS[purpose];
      const options = {
        title: spec.title,
        buttonLabel: spec.buttonLabel,
        filters: spec.filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
        properties: [...spec.properties],
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
    },
  };
}

/** Before any window exists: the reason the app cannot start. */
export function showStartupError(detail: string): void {
  dialog.showErrorBox('Boardpack could not start', detail);
}
