import type { ParseArgsConfig } from 'node:util';
import { BoardpackError } from '../../shared/errors';

export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** The positional arguments it takes, in order (FILE); each is required. */
  readonly positionals?: readonly string[];
  /** Returns the exit code. */
  run(
    values: Record<string, string | boolean | undefined>,
    out: CliOutput,
    positionals: readonly string[],
  ): Promise<number>;
}

/** A command whose first argument names one of its subcommands: `boardpack import figures FILE …`. */
export interface CommandGroup {
  readonly summary: string;
  readonly subcommands: Readonly<Record<string, Command>>;
}

/** A required string option, or a usage error naming it. */
export function requireOption(values: Record<string, string | boolean | undefined>, option: string): string {
  const value = values[option];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new BoardpackError('invalid-input', `--${option} is required`, { field: option });
  }
  return value;
}

export const TEXT_OR_JSON = ['text', 'json'] as const;
export type TextOrJson = (typeof TEXT_OR_JSON)[number];

/** A --format of text (the default) or json, or a usage error naming it. */
export function textOrJsonFormat(values: Record<string, string | boolean | undefined>): TextOrJson {
  const format = values.format ?? 'text';
  if (typeof format !== 'string' || !TEXT_OR_JSON.includes(format as TextOrJson)) {
    throw new BoardpackError(
      'invalid-input',
      `--format must be one of ${TEXT_OR_JSON.join(', ')}, not "${String(format)}"`,
      {
        field: 'format',
      },
    );
  }
  return format as TextOrJson;
}
