import type { Kysely } from 'kysely';
import { CONTRACT, type MethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { BoardpackError } from '../../shared/errors';
import { fromDatabaseError } from '../../db/database-error';
import type { Database } from '../../db/schema/database';
import { refuseWriteToPackFile } from '../exchange/pack-file-rule';
import type { HandlerContext, HandlerTable } from './context';
import { HANDLERS } from './handlers';
import { parseOrThrow } from './parse';

export interface DispatchContext extends Omit<HandlerContext, 'db'> {
  readonly db: Kysely<Database>;
}

const isMethod = (name: string): name is MethodName => Object.hasOwn(CONTRACT, name);

/**
 * The one path every call takes, whichever transport brought it: an unknown name
 * or a payload that fails its schema is refused with nothing written; a write
 * runs in one transaction; every failure comes back as data with its code,
 * message and where.
 */
export async function dispatch(
  context: DispatchContext,
  name: string,
  payload: unknown,
  handlers: HandlerTable = HANDLERS,
): Promise<Result<unknown>> {
  try {
    if (!isMethod(name)) throw new BoardpackError('invalid-input', `there is no method "${name}"`);
    const spec = CONTRACT[name];
    const input: unknown = parseOrThrow(spec.input, payload ?? {});
    const handler = handlers[name] as (context: HandlerContext, input: unknown) => Promise<unknown>;
    await refuseWriteToPackFile(context.db, name, spec.writes);
    const value = spec.writes
      ? await context.db.transaction().execute((trx) => handler({ ...context, db: trx }, input))
      : await handler(context, input);
    if (spec.writes) context.emit?.({ type: 'data-changed', tables: [name.slice(0, name.indexOf('.'))] });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}

function toErrorData(error: unknown) {
  const mapped = fromDatabaseError(error);
  if (mapped instanceof BoardpackError) return mapped.toData();
  const message = mapped instanceof Error ? mapped.message : String(mapped);
  return new BoardpackError('internal', `something went wrong: ${message}`).toData();
}
