import { BrowserWindow } from 'electron';
import { fileExists } from '../../db/sqlite/sqlite-file';
import type { AppFiles } from '../app/app-files';
import { MAIN_WINDOW_GEOMETRY } from '../app/window-options';

/**
 * The one window: isolated, sandboxed, no Node, web security on, no webviews, no
 * middle-click windows; hidden until its first paint; the page's <title> never
 * replaces the window's.
 */
export function createMainWindow(files: AppFiles): BrowserWindow {
  const icon = process.platform !== 'darwin' && fileExists(files.icon) ? files.icon : undefined;
  const window = new BrowserWindow({
    ...MAIN_WINDOW_GEOMETRY,
    title: 'Boardpack',
    show: false,
    ...(icon === undefined ? {} : { icon }),
    webPreferences: {
      // Reviewed: the preload exposes one function per contract method and onEvent, nothing else
      // (test/unit/electron/preload.test.ts).
      preload: files.preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('page-title-updated', (event) => event.preventDefault());
  return window;
}

/** A second launch brings the first window forward instead of opening another. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
