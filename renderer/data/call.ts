import type { InputOf, MethodName, OutputOf } from '../../shared/api/contract';
import type { BoardpackApi, Result } from '../../shared/api/result';
import { formatError } from '../../shared/errors';

/** Calls one contract method by name (the name may be built at run time, e.g. `${entity}.update`). */
export function call<Name extends MethodName>(
  api: BoardpackApi,
  name: Name,
  input: InputOf<Name>,
): Promise<Result<OutputOf<Name>>> {
  const method = api[name] as unknown as (input: InputOf<Name>) => Promise<Result<OutputOf<Name>>>;
  return method(input);
}

/** For react-query: a failed result becomes a thrown Error with the API's sentence. */
export async function unwrap<Value>(result: Promise<Result<Value>>): Promise<Value> {
  const settled = await result;
  if (!settled.ok) throw new Error(formatError(settled.error));
  return settled.value;
}
