import type { Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import type { Database, Db } from '../schema/database';
import type { PackFileRow } from '../schema/exchange.table';

/**
 * Who a file is: the database's own random id (migration 0006), and the one
 * row that makes a file a reviewer's `.boardpack` pack file.
 */

export async function databaseId(db: Db): Promise<string> {
  const row = await db.selectFrom('databaseIdentity').select('id').orderBy('createdAt').executeTakeFirst();
  if (!row) throw new BoardpackError('corrupt', 'this database has lost its identity (database_identity is empty)');
  return row.id;
}

/** The pack a reviewer's pack file holds, or null for an ordinary database. */
export async function getPackFile(db: Db): Promise<PackFileRow | null> {
  return (await db.selectFrom('packFile').selectAll().executeTakeFirst()) ?? null;
}

/** Marks a new file as a reviewer's pack file (electron/exchange/pack-file.ts writes it). */
export async function insertPackFile(trx: Transaction<Database>, row: PackFileRow): Promise<void> {
  await trx.insertInto('packFile').values(row).execute();
}
