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

export interface ErrorData {
  readonly code: ErrorCode;
  readonly message: string;
  readonly where?: ErrorWhere;
}

export class BoardpackError extends Error {
  readonly code: ErrorCode;
  readonly where: ErrorWhere | undefined;

  constructor(code: ErrorCode, message: string, where?: ErrorWhere) {
    super(message);
    this.name = 'BoardpackError';
    this.code = code;
    this.where = where;
  }

  toData(): ErrorData {
    return this.where
      ? { code: this.code, message: this.message, where: this.where }
      : { code: this.code, message: this.message };
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
