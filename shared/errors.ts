/**
 * Errors that cross every boundary as data: a code a program can switch on, a
 * sentence a person can act on, and where the problem is (file, row, column, field).
 */

export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'ambiguous',
  'conflict',
  'not-a-boardpack-file',
  'newer-version',
  /** A write refused because the open file is a reviewer's pack file (issue 7). */
  'read-only',
  /** Refused by the team database: the user's role may not do this (issue 9). */
  'forbidden',
  /**
   * A save made from an older version of a row that someone else has changed
   * since (issue 9): nothing was written; the error's `current` says what is
   * saved now, who changed it and when, so the user can choose.
   */
  'stale',
  'corrupt',
  'io',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorWhere {
  readonly file?: string;
  /** 1-based, counting the header line as row 1 in CSV files. */
  readonly row?: number;
  readonly column?: string;
  readonly field?: string;
}

/** One column of a row as a change set it: what it was and what it became. */
export interface FieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/**
 * What a 'stale' error carries: the row as it is saved now (with its current
 * version, to save over it deliberately) and its latest change as the change
 * log has it: who (the person, and the database role on a team database),
 * when (ISO), and what changed. The change is null where the log has none.
 */
export interface CurrentRow {
  readonly record: unknown;
  readonly changedBy: string | null;
  readonly changedByRole?: string | null;
  readonly changedAt: string | null;
  readonly changes?: readonly FieldChange[];
}

export interface ErrorData {
  readonly code: ErrorCode;
  readonly message: string;
  readonly where?: ErrorWhere;
  /** On a 'stale' error: the row as it is now and who changed it. */
  readonly current?: CurrentRow;
}

export class BoardpackError extends Error {
  readonly code: ErrorCode;
  readonly where: ErrorWhere | undefined;
  readonly current: CurrentRow | undefined;

  constructor(code: ErrorCode, message: string, where?: ErrorWhere, current?: CurrentRow) {
    super(message);
    this.name = 'BoardpackError';
    this.code = code;
    this.where = where;
    this.current = current;
  }

  toData(): ErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.where ? { where: this.where } : {}),
      ...(this.current ? { current: this.current } : {}),
    };
  }
}

/** "figures.csv, row 12, column value: ..." */
export function describeWhere(where: ErrorWhere | undefined): string {
  if (!where) return '';
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.file);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column ${where.column}`);
  if (where.field !== undefined) parts.push(`field ${where.field}`);
  return parts.join(', ');
}

export function formatError(error: ErrorData): string {
  const where = describeWhere(error.where);
  return where ? `${where}: ${error.message}` : error.message;
}
