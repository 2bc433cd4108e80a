import { BoardpackError } from '../../shared/errors';
import { fromDatabaseError } from '../database-error';
import { engineOf } from '../engine';
import { COPY_TABLES, type CopyTable } from './copy-tables';
import { insertRows } from './insert-rows';
import { parentsFirst } from './parents-first';
import type { RawDatabase, RawTransaction, Row } from './raw-database';
import { TableDigester, type TableDigest } from './table-digest';
import { tablePages } from './table-pages';

export interface CopiedTable extends TableDigest {
  readonly table: string;
}

export interface CopyRowsOptions {
  /** Tests only: a fault made in the target after the rows are in and before they are verified. */
  readonly beforeVerify?: (target: RawTransaction) => Promise<void>;
}

/** Reads a table page by page in key order into its digest. */
export async function digestTable(db: RawDatabase, table: CopyTable): Promise<TableDigest> {
  const digester = new TableDigester(table.name);
  for await (const page of tablePages(db, table)) digester.add(page);
  return digester.digest();
}

/** One table from source to target: the source's digest of what was read, every row inserted with its key. */
async function copyTable(source: RawDatabase, target: RawTransaction, table: CopyTable): Promise<CopiedTable> {
  const digester = new TableDigester(table.name);
  const held: Row[] = [];
  for await (const page of tablePages(source, table)) {
    digester.add(page);
    if (table.parent === undefined) await insertRows(target, table.name, page);
    else held.push(...page);
  }
  if (table.parent !== undefined) {
    const key = Object.keys(table.key)[0] ?? 'id';
    await insertRows(target, table.name, parentsFirst(table.name, held, key, table.parent));
  }
  return { table: table.name, ...digester.digest() };
}

/** A table that cannot be copied stops the copy, naming the table. */
async function copyTableOrSay(source: RawDatabase, target: RawTransaction, table: CopyTable): Promise<CopiedTable> {
  try {
    return await copyTable(source, target, table);
  } catch (caught) {
    const error = fromDatabaseError(caught);
    const { code, message } =
      error instanceof BoardpackError ? error : { code: 'internal' as const, message: (error as Error).message };
    throw new BoardpackError(code, `the copy stopped at table ${table.name}, so nothing was copied: ${message}`);
  }
}

/** Each table read back from the target must have the source's row count and SHA-256, or the copy is refused. */
async function verify(target: RawTransaction, copied: readonly CopiedTable[]): Promise<void> {
  const differences: string[] = [];
  for (const [index, table] of COPY_TABLES.entries()) {
    const expected = copied[index];
    const found = await digestTable(target, table);
    if (expected === undefined || found.rows !== expected.rows || found.sha256 !== expected.sha256) {
      differences.push(
        `${table.name} (source ${expected?.rows ?? 0} rows, SHA-256 ${expected?.sha256.slice(0, 12) ?? '?'}; ` +
          `copy ${found.rows} rows, SHA-256 ${found.sha256.slice(0, 12)})`,
      );
    }
  }
  if (differences.length > 0) {
    throw new BoardpackError(
      'internal',
      `the copy did not read back the same as the source, so it was not kept: ${differences.join('; ')}`,
    );
  }
}

/**
 * Copies every table from `source` into `target` (both without the
 * CamelCasePlugin, so rows keep their SQL names) in one transaction on the
 * target: first what the target's migrations seeded is cleared (the copy keeps
 * the source's own database_identity: it is the same partnership's database,
 * moved); then the tables in foreign-key order with their keys; then the id
 * generators are moved past the largest ids; then every table is read back
 * and checked against the source. Any difference rolls the whole copy back.
 * The source is read in one snapshot, so a copy of a database in use is the
 * database at one moment.
 */
export async function copyRows(
  source: RawDatabase,
  target: RawDatabase,
  options: CopyRowsOptions = {},
): Promise<CopiedTable[]> {
  return source
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (reading) =>
      target.transaction().execute(async (writing) => {
        for (const table of [...COPY_TABLES].reverse()) await writing.deleteFrom(table.name).execute();
        const copied: CopiedTable[] = [];
        for (const table of COPY_TABLES) copied.push(await copyTableOrSay(reading, writing, table));
        const engine = engineOf(writing);
        for (const table of COPY_TABLES) if (table.generatedId) await engine.resetIds(writing, table.name);
        await options.beforeVerify?.(writing);
        await verify(writing, copied);
        return copied;
      }),
    );
}
