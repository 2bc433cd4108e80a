import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase, type OpenDatabase } from '../open-database';
import { fileExists } from '../sqlite/sqlite-file';
import { localWriter } from '../writer';
import { loadDemoDataset } from './load-demo';

/**
 * Opens a database file, creating it with the demo dataset when it does not exist
 * yet: what the app does on first run, and the preview's default.
 */
export async function openOrCreateDemo(path: string): Promise<OpenDatabase & { readonly created: boolean }> {
  if (fileExists(path)) return { ...(await openDatabase(path)), created: false };
  mkdirSync(dirname(path), { recursive: true });
  const database = await openDatabase(path, { create: true });
  try {
    await loadDemoDataset(database.db, localWriter());
  } catch (error) {
    await database.close();
    throw error;
  }
  return { ...database, created: true };
}
