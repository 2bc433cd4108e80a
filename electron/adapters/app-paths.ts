import { join } from 'node:path';
import { app } from 'electron';

/**
 * Before ready: the app is "Boardpack" and keeps its data in <appData>/Boardpack
 * whether packaged (productName) or run from the repository (where package.json's
 * name is "boardpack"), the folder the preview and the CLI use too.
 */
export function nameTheApp(): void {
  app.setName('Boardpack');
  app.setPath('userData', join(app.getPath('appData'), 'Boardpack'));
}

/** What the main process needs to know about where it runs. */
export interface AppLocations {
  /** The repository root in development, app.asar when packaged. */
  readonly appPath: string;
  readonly userData: string;
  readonly documents: string;
  readonly isPackaged: boolean;
  readonly version: string;
}

export function appLocations(): AppLocations {
  return {
    appPath: app.getAppPath(),
    userData: app.getPath('userData'),
    documents: app.getPath('documents'),
    isPackaged: app.isPackaged,
    version: app.getVersion(),
  };
}
