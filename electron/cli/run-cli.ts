import { parseArgs } from 'node:util';
import { BoardpackError, formatError } from '../../shared/errors';
import { fromDatabaseError } from '../../db/database-error';
import type { CliOutput, Command, CommandGroup } from './command';
import { backupCommands } from './commands/backup';
import { chartCommand } from './commands/chart';
import { checkCommand } from './commands/check';
import { compareCommand } from './commands/compare';
import { copyCommand } from './commands/copy';
import { exportCommand } from './commands/export';
import { importCommands } from './commands/import';
import { initCommand } from './commands/init';
import { issueCommand } from './commands/issue';
import { meetingsCommand } from './commands/meetings';
import { notesCommands } from './commands/notes';
import { packFileCommand } from './commands/pack-file';
import { teamCommands } from './commands/team';

const COMMANDS: Readonly<Record<string, Command | CommandGroup>> = {
  init: initCommand,
  compare: compareCommand,
  check: checkCommand,
  import: importCommands,
  chart: chartCommand,
  backup: backupCommands,
  meetings: meetingsCommand,
  issue: issueCommand,
  export: exportCommand,
  'pack-file': packFileCommand,
  notes: notesCommands,
  team: teamCommands,
  copy: copyCommand,
};

const isGroup = (entry: Command | CommandGroup): entry is CommandGroup => 'subcommands' in entry;

function help(): string {
  const lines = ['Usage: boardpack <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)}${command.summary}`);
  lines.push('', 'Run `boardpack <command> --help` for its options.', '');
  return lines.join('\n');
}

function groupHelp(name: string, group: CommandGroup): string {
  const lines = [`Usage: boardpack ${name} <${Object.keys(group.subcommands).join('|')}> …`, ''];
  for (const command of Object.values(group.subcommands)) lines.push(`  ${command.usage}`);
  return `${lines.join('\n')}\n`;
}

/** The command an argument list names: a plain command, or a group's subcommand (`import figures`). */
function pick(
  argv: readonly string[],
  out: CliOutput,
): { label: string; command: Command; args: readonly string[] } | number {
  const [name = '', ...rest] = argv;
  const entry = COMMANDS[name];
  if (!entry) {
    out.stderr(`boardpack: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  if (!isGroup(entry)) return { label: name, command: entry, args: rest };
  const [kind, ...args] = rest;
  if (kind === undefined || kind === '--help' || kind === '-h') {
    out.stdout(groupHelp(name, entry));
    return kind === undefined ? 2 : 0;
  }
  const command = entry.subcommands[kind];
  if (!command) {
    out.stderr(`boardpack ${name}: unknown kind "${kind}" (${Object.keys(entry.subcommands).join(', ')})\n`);
    return 2;
  }
  return { label: `${name} ${kind}`, command, args };
}

/**
 * Runs one command line. Every failure is one line on stderr and a non-zero exit
 * code (2 for a usage mistake, 1 otherwise, a bad input file included), never a
 * stack trace.
 */
export async function runCli(argv: readonly string[], out: CliOutput): Promise<number> {
  const [name] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const picked = pick(argv, out);
  if (typeof picked === 'number') return picked;
  const { label, command, args } = picked;
  const wanted = command.positionals ?? [];
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: wanted.length > 0,
      strict: true,
    }));
    if (!values.help && positionals.length < wanted.length) {
      throw new Error(`${wanted[positionals.length] ?? 'an argument'} is required`);
    }
    if (positionals.length > wanted.length) throw new Error(`unexpected argument "${positionals[wanted.length]}"`);
  } catch (error) {
    out.stderr(`boardpack ${label}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
    return 2;
  }
  if (values.help) {
    out.stdout(`Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(values, out, positionals);
  } catch (caught) {
    const error = fromDatabaseError(caught);
    if (error instanceof BoardpackError) {
      out.stderr(`boardpack ${label}: ${formatError(error.toData())}\n`);
      // A usage mistake (exit 2) names an option of the command, or nothing; bad data (exit 1) names where it is.
      const field = error.where?.field;
      const usage =
        error.code === 'invalid-input' &&
        error.where?.file === undefined &&
        (field === undefined || field.split('.').some((part) => Object.hasOwn(command.options, part)));
      return usage ? 2 : 1;
    }
    out.stderr(`boardpack ${label}: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.BOARDPACK_DEBUG) out.stderr(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
