import { BoardpackError } from '../../../shared/errors';
import type { DispatchContext } from '../../api/dispatch';
import { openDatabase, type OpenDatabase } from '../../../db/open-database';
import { localWriter } from '../../../db/writer';
import type { PackFileRow } from '../../../db/schema/exchange.table';
import { openPackFile } from '../../exchange/pack-file';

type Values = Record<string, string | boolean | undefined>;

/** A positive whole number option (--version 2), or a usage error naming it; undefined when absent. */
export function numberOption(values: Values, option: string): number | undefined {
  const value = values[option];
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || number < 1) {
    throw new BoardpackError('invalid-input', `--${option} must be a number (1, 2, …), not "${String(value)}"`, {
      field: option,
    });
  }
  return number;
}

const contextOf = (database: OpenDatabase): DispatchContext => ({
  db: database.db,
  writer: localWriter(),
  databaseLocation: database.location,
  version: 'command line',
});

/** Runs `work` on a database file through dispatch (the app's path), closing it whatever happens. */
export async function withDatabase<T>(
  path: string,
  options: { readonly dailyBackup?: boolean },
  work: (context: DispatchContext) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(path, options);
  try {
    return await work(contextOf(database));
  } finally {
    await database.close();
  }
}

/** Runs `work` on a reviewer's pack file (a .boardnotes or an ordinary database is refused by name). */
export async function withPackFile<T>(
  path: string,
  work: (context: DispatchContext, packFile: PackFileRow) => Promise<T>,
): Promise<T> {
  const { database, packFile } = await openPackFile(path);
  try {
    return await work(contextOf(database), packFile);
  } finally {
    await database.close();
  }
}
