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
import { osKeychain } from './adapters/keychain';
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
import { settingsStore } from './app/settings';
import {
  errorData,
  fallbackMessage,
  fallbackTitle,
  openStartupDatabase,
  settingsAfterStart,
} from './app/startup-database';
import { desktopTeamAccess, disconnectTeamDatabase, type TeamCommandDeps } from './app/team-connection';
import { teamUrlStore } from './app/team-url-store';
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
  const teamUrls = teamUrlStore(files.teamDatabase, osKeychain());
  const writer = localWriter();
  const startup = await openStartupDatabase({
    settings: settings.get(),
    demoDatabase: files.demoDatabase,
    demoDir: files.demoDir,
    writer,
    teamUrls,
  });
  const fallback = startup.fallback;
  settings.update((current) => settingsAfterStart(current, startup));
  // The team database's URL is kept only while it is what the next start reopens.
  if (!settings.get().teamDatabase) await teamUrls.forget();

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
    teamDatabase: desktopTeamAccess(() => deps),
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
        {
          recent: settings.get().recent,
          isPackaged: where.isPackaged,
          platform: process.platform,
          packFileOpen,
          teamDatabaseOpen: session.engine === 'postgres',
        },
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
    if (window && !window.isDestroyed()) window.setTitle(windowTitle(session.location));
  };
  const deps: AnnotationCommandDeps & TeamCommandDeps = {
    session,
    settings,
    dialogs,
    changed: refresh,
    addRecentDocument,
    teamUrls,
    demoDatabase: files.demoDatabase,
  };
  const actions = {
    newDatabase: () => void newDatabaseFromDialog(deps),
    open: () => void openFromDialog(deps),
    openRecent: (path: string) => void openDatabaseFile(deps, path),
    clearRecent: () => clearRecent(deps),
    // Electron has no text prompt: the window asks for the address in its own dialog, then calls team.connect.
    connectTeamDatabase: () => send({ type: 'show-dialog', dialog: 'connect-team-database' }),
    disconnectTeamDatabase: () => void disconnectTeamDatabase(deps),
    saveCopy: () => void saveCopyFromDialog(deps),
    restoreBackup: () => void restoreFromDialog(deps),
    importAnnotations: () => void importAnnotationsFromDialog(deps),
    exportAnnotations: () => void exportAnnotationsFromDialog(deps),
    about: () => void dialogs.showInfo('About Boardpack', aboutText(where.version, session.location)),
  };
  refresh();
  if (startup.database.engine === 'sqlite') addRecentDocument(session.location);

  await window.loadURL(APP_START_URL);
  if (fallback) await dialogs.showError(fallbackTitle(fallback), fallbackMessage(fallback, files.demoDatabase));
}

/** Settles once the window is up (or the start failed and the app is quitting); tests await it. */
export const mainReady: Promise<void> = app.requestSingleInstanceLock()
  ? run().catch((error: unknown) => {
      showStartupError(formatError(errorData(error)));
      app.quit();
    })
  : Promise.resolve(app.quit());
