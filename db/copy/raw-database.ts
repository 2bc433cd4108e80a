import type { Kysely, Transaction } from 'kysely';

/** A row with its SQL column names, as copy reads and writes it. */
export type Row = Readonly<Record<string, unknown>>;

type AnyTables = Record<string, Record<string, unknown>>;

/**
 * A database seen without the CamelCasePlugin and without its schema type:
 * every table by its SQL name, every row with its SQL column names, exactly as
 * stored. Copy moves rows it does not need to understand.
 */
export type RawDatabase = Kysely<AnyTables>;
export type RawTransaction = Transaction<AnyTables>;
