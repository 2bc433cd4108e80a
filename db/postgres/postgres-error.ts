import { BoardpackError } from '../../shared/errors';
import { refusalMessage } from './refusal-words';

/**
 * What PostgreSQL and the network say, in words a secretary can act on. Each
 * write runs in a transaction, so a write refused this way has saved nothing.
 * SQLSTATE codes: https://www.postgresql.org/docs/current/errcodes-appendix.html
 * Anything else is returned unchanged.
 */

interface PgError {
  readonly code?: unknown;
  readonly table?: unknown;
  readonly column?: unknown;
  readonly constraint?: unknown;
  readonly detail?: unknown;
  readonly message?: unknown;
}

const snakeToCamel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** "Key (indicator_id, area_id)=(1, 2) already exists." → ["indicator_id", "area_id"] */
function keyColumns(detail: string): string[] {
  const match = /^Key \(([^)]*)\)=/.exec(detail);
  return match?.[1]?.split(',').map((name) => name.trim()) ?? [];
}

const NETWORK = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE)$/;

export function fromPostgresError(error: unknown, describe: (table: string) => string): unknown {
  if (error instanceof BoardpackError || typeof error !== 'object' || error === null) return error;
  const { code, table, column, constraint, detail, message } = error as PgError;
  if (typeof code !== 'string') return error;
  const text = typeof message === 'string' ? message : '';
  const tableName = typeof table === 'string' ? table : '';
  switch (code) {
    case '23505': {
      const columns = keyColumns(typeof detail === 'string' ? detail : '');
      const last = columns.at(-1) ?? (typeof constraint === 'string' ? constraint : 'value');
      return new BoardpackError(
        'conflict',
        `another ${describe(snakeToCamel(tableName))} already has this ${columns.map((name) => name.replace(/_/g, ' ')).join(', ') || last}`,
        { field: snakeToCamel(last) },
      );
    }
    case '23503':
      return new BoardpackError(
        'conflict',
        'this refers to a record that does not exist, or other records still refer to this one',
      );
    case '23514':
      return new BoardpackError(
        'invalid-input',
        `the value breaks the rule "${typeof constraint === 'string' ? constraint : ''}"`,
      );
    case '23502':
      return new BoardpackError(
        'invalid-input',
        `${typeof column === 'string' ? column.replace(/_/g, ' ') : 'a value'} is required`,
        typeof column === 'string' ? { field: snakeToCamel(column) } : undefined,
      );
    case '42501':
      return new BoardpackError('forbidden', refusalMessage(tableName, text, describe));
    case '40001':
    case '40P01':
      return new BoardpackError(
        'conflict',
        'someone else changed the same records at the same moment; nothing was saved. Try again',
      );
    case '28P01':
    case '28000':
      return new BoardpackError('forbidden', `the team database refused the user name or password (${text})`);
    case '3D000':
      return new BoardpackError('not-found', `the team database does not exist (${text})`);
    case '53300':
      return new BoardpackError('io', 'the team database has too many connections open; try again in a moment');
    default:
      if (NETWORK.test(code) || code.startsWith('08') || code === '57P01') {
        return new BoardpackError(
          'io',
          `cannot reach the team database (${code}${text ? `: ${text}` : ''}); nothing was saved. ` +
            'Check the network connection, then try again',
        );
      }
      return error;
  }
}
