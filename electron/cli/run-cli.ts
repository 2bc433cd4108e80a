import { parseArgs } from 'node:util';
import { BoardpackError, formatError } from '../../shared/errors';
import type { CliOutput, Command } from './command';
import { checkCommand } from './commands/check';
import { compareCommand } from './commands/compare';
import { initCommand } from './commands/init';

const COMMANDS: Readonly<Record<string, Command>> = {
  init: initCommand,
  compare: compareCommand,
  check: checkCommand,
};

function help(): string {
  const lines = ['Usage: boardpack <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(9)}${command.summary}`);
  lines.push('', 'Run `boardpack <command> --help` for its options.', '');
  return lines.join('\n');
}

/**
 * Runs one command line. Every failure is one line on stderr and a non-zero exit
 * code (2 for a usage mistake, 1 otherwise), never a stack trace.
 */
export async function runCli(argv: readonly string[], out: CliOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    out.stderr(`boardpack: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    out.stderr(`boardpack ${name}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
    return 2;
  }
  if (values.help) {
    out.stdout(`Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(values, out);
  } catch (error) {
    if (error instanceof BoardpackError) {
      out.stderr(`boardpack ${name}: ${formatError(error.toData())}\n`);
      return error.code === 'invalid-input' ? 2 : 1;
    }
    out.stderr(`boardpack ${name}: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.BOARDPACK_DEBUG) out.stderr(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
