import type { z } from 'zod';
import { BoardpackError } from '../../shared/errors';

/** Parses with a zod schema; the first problem becomes an invalid-input error naming its field. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.');
  throw new BoardpackError('invalid-input', issue?.message ?? 'invalid input', field ? { field } : undefined);
}
