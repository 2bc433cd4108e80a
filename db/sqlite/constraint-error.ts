import { BoardpackError } from '../../shared/errors';

const snakeToCamel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * SQLite's constraint failures in words a secretary can act on, naming the field.
 * Anything else is returned unchanged.
 */
export function fromSqliteConstraint(error: unknown, describe: (table: string) => string): unknown {
  const message = error instanceof Error ? error.message : '';
  const unique = /UNIQUE constraint failed: (\w+)\.(\w+)/.exec(message);
  if (unique) {
    const [, table = '', column = ''] = unique;
    return new BoardpackError(
      'conflict',
      `another ${describe(snakeToCamel(table))} already has this ${column.replace(/_/g, ' ')}`,
      {
        field: snakeToCamel(column),
      },
    );
  }
  if (/FOREIGN KEY constraint failed/.test(message)) {
    return new BoardpackError(
      'conflict',
      'this refers to a record that does not exist, or other records still refer to this one',
    );
  }
  const check = /CHECK constraint failed: (\w+)/.exec(message);
  if (check) {
    return new BoardpackError('invalid-input', `the value breaks the rule "${check[1] ?? ''}"`);
  }
  return error;
}
