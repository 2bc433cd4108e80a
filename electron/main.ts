/**
 * The main process: Electron wiring only. What it decides (which database to
 * open, what the menu offers, which sender to trust, what the protocol serves)
 * lives in electron/app/ as plain functions tested under Node.
 */
import { app, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { localWriter } from '../db/writer';
import type { ApiEvent } from '../shared/api/result';
import { formatError } from '../shared/errors';
import { appLocations, nameTheApp } from './adapters/app-paths';
import { fileDialogs, importChooser, showStartupError } from './adapters/dialogs';
import { setApplicationMenu } from './adapters/menu';
import { electronPrinter } from './adapters/print-to-pdf';
import { addRecentDocument } from './adapters/recent-documents';
import { hardenWebContents, registerAppScheme, secureSession } from './adapters/security';
import { createMainWindow, focusWindow } from './adapters/window';
import { appFiles } from './app/app-files';
import { APP_START_URL } from './app/app-protocol';
import { DatabaseSession } from './app/database-session';
import { JobRunner, spawnBundledWorker } from './jobs/job-runner';
import {
  aboutText,
  clearRecent,
  exportAnnotationsFromDialog,
  importAnnotationsFromDialog,
  isPackFileOpen,
  newDatabaseFromDialog,
  openDatabaseFile,
  openFromDialog,
  restoreFromDialog,
  saveCopyFromDialog,
  type AnnotationCommandDeps,
} from './app/file-commands';
import { EVENT_CHANNEL, isTrustedSender, registerApi } from './app/ipc-api';
import { menuTemplate } from './app/menu-template';
import { settingsStore, withOpened, withoutRecent } from './app/settings';
import { errorData, fallbackMessage, openStartupDatabase } from './app/startup-database';
import { windowTitle } from './app/window-options';

nameTheApp();
registerAppScheme();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

async function run(): Promise<void> {
  let window: BrowserWindow | null = null;
  let trustedContentsId: number | null = null;
  app.on('second-instance', () => {
    if (window) focusWindow(window);
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const where = appLocations();
  const files = appFiles(where.appPath, where.userData);
  secureSession(files.rendererDir);

  const settings = settingsStore(files.settings);
  const writer = localWriter();
  const startup = await openStartupDatabase({
    settings: settings.get(),
    demoDatabase: files.demoDatabase,
    demoDir: files.demoDir,
    writer,
  });
  const fallback = startup.fallback;
  if (fallback) settings.update((current) => withoutRecent(current, fallback.path));
  settings.update((current) => withOpened(current, startup.database.path));

  const send = (event: ApiEvent) => {
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  };
  const jobs = new JobRunner(spawnBundledWorker(files.workerDir), send);
  const printer = electronPrinter();
  const session = new DatabaseSession(startup.database, {
    version: where.version,
    writer,
    emit: send,
    jobs,
    fileChooser: importChooser(() => window),
    printer,
  });
  registerApi<IpcMainInvokeEvent>(ipcMain, {
    context: () => session.context(),
    isTrusted: (event) => isTrustedSender(event, trustedContentsId),
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void Promise.allSettled([printer.close(), session.close()]).finally(() => {
      closed = true;
      app.quit();
    });
  });

  window = createMainWindow(files);
  trustedContentsId = window.webContents.id;
  const dialogs = fileDialogs(() => window, where.documents);
  // File ▸ Export annotations… is offered while a reviewer's pack file is open: known after a query, so the
  // menu is built at once as it was, then again if the open file turns out to be (or no longer be) one.
  let packFileOpen = false;
  const buildMenu = () =>
    setApplicationMenu(
      menuTemplate(
        { recent: settings.get().recent, isPackaged: where.isPackaged, platform: process.platform, packFileOpen },
        actions,
      ),
    );
  const refresh = () => {
    buildMenu();
    void isPackFileOpen({ session }).then((open) => {
      if (open === packFileOpen) return;
      packFileOpen = open;
      buildMenu();
    });
    if (window && !window.isDestroyed()) window.setTitle(windowTitle(session.path));
  };
  const deps: AnnotationCommandDeps = { session, settings, dialogs, changed: refresh, addRecentDocument };
  const actions = {
    newDatabase: () => void newDatabaseFromDialog(deps),
    open: () => void openFromDialog(deps),
    openRecent: (path: string) => void openDatabaseFile(deps, path),
    clearRecent: () => clearRecent(deps),
    saveCopy: () => void saveCopyFromDialog(deps),
    restoreBackup: () => void restoreFromDialog(deps),
    importAnnotations: () => void importAnnotationsFromDialog(deps),
    exportAnnotations: () => void exportAnnotationsFromDialog(deps),
    about: () => void dialogs.showInfo('About Boardpack', aboutText(where.version, session.path)),
  };
  refresh();
  addRecentDocument(session.path);

  await window.loadURL(APP_START_URL);
  if (fallback)
    await dialogs.showError('Boardpack could not reopen the last file', fallbackMessage(fallback, files.demoDatabase));
}

/** Settles once the window is up (or the start failed and the app is quitting); tests await it. */
export const mainReady: Promise<void> = app.requestSingleInstanceLock()
  ? run().catch((error: unknown) => {
      showStartupError(formatError(errorData(error)));
      app.quit();
    })
  : Promise.resolve(app.quit());
