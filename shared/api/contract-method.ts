import type { z } from 'zod';

/** A method's input schema, whether it writes, and (in the type only) its output. */
export interface MethodSpec<Input extends z.ZodType = z.ZodType, Output = unknown> {
  readonly input: Input;
  readonly writes: boolean;
  /** Never set: carries the output type. */
  readonly output?: Output;
}

export const method =
  <Output>() =>
  <Input extends z.ZodType>(input: Input, options: { writes: boolean }): MethodSpec<Input, Output> => ({
    input,
    writes: options.writes,
  });
