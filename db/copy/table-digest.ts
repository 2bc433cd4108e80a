import { createHash, type Hash } from 'node:crypto';
import { BoardpackError } from '../../shared/errors';
import type { Row } from './raw-database';

/** What a table holds, in a form either engine gives the same: its row count and a SHA-256 over its rows. */
export interface TableDigest {
  readonly rows: number;
  /** Hex SHA-256 over the canonical rows in primary key order, one per line. */
  readonly sha256: string;
}

/** One value as JSON both engines agree on: numbers as JSON numbers, bytes as base64, null as null. */
function canonicalValue(table: string, column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new BoardpackError('invalid-input', `${table}.${column} holds ${value}, which cannot be copied`);
    }
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.toISOString();
  throw new BoardpackError('internal', `${table}.${column} holds a value of a kind copy does not know`);
}

/** A row as one line of JSON, its columns sorted by name: the same text whichever engine it was read from. */
export function canonicalRow(table: string, row: Row): string {
  const columns = Object.keys(row).sort();
  return JSON.stringify(
    Object.fromEntries(columns.map((column) => [column, canonicalValue(table, column, row[column])])),
  );
}

/** Builds a table's digest from its rows as they are read, in primary key order. */
export class TableDigester {
  private readonly hash: Hash = createHash('sha256');
  private count = 0;

  constructor(private readonly table: string) {}

  add(rows: readonly Row[]): void {
    for (const row of rows) this.hash.update(`${canonicalRow(this.table, row)}\n`);
    this.count += rows.length;
  }

  digest(): TableDigest {
    return { rows: this.count, sha256: this.hash.digest('hex') };
  }
}
