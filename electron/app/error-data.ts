import { BoardpackError, type ErrorData } from '../../shared/errors';

/** A thrown value as error data: a BoardpackError keeps its code and where. */
export function errorData(error: unknown): ErrorData {
  if (error instanceof BoardpackError) return error.toData();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
