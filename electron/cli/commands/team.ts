import { readFileSync } from 'node:fs';
import { openDatabase, type OpenDatabase } from '../../../db/open-database';
import { addTeamMember, listTeamMembers, type TeamMember } from '../../../db/postgres/team-members';
import {
  FILE_HAS_NO_ROLES,
  GROUP_ROLES,
  ROLE_WORDS,
  setUpTeamRoles,
  TEAM_ROLES,
} from '../../../db/postgres/team-roles';
import type { TeamRole } from '../../../db/schema/team-member.table';
import { describeLocation, parseLocation } from '../../../shared/database-location';
import { BoardpackError } from '../../../shared/errors';
import { renderTextTable } from '../text-table';
import { requireOption, textOrJsonFormat, type Command, type CommandGroup } from '../command';

type Values = Record<string, string | boolean | undefined>;

/** The --db of a team command: a postgres:// URL, never a file. */
function teamLocation(values: Values): string {
  const location = requireOption(values, 'db');
  if (parseLocation(location).engine !== 'postgres') {
    throw new BoardpackError('invalid-input', `${FILE_HAS_NO_ROLES}: give --db a team database's postgres:// URL`, {
      field: 'db',
    });
  }
  return location;
}

async function withTeamDatabase<T>(values: Values, work: (opened: OpenDatabase) => Promise<T>): Promise<T> {
  const opened = await openDatabase(teamLocation(values));
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

/** A file's first line, or all of standard input, without the line break that ends it. */
async function readPassword(values: Values): Promise<string> {
  const file = values['password-file'];
  if (typeof file === 'string') {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new BoardpackError('io', `cannot read the password file: ${(error as Error).message}`, { file });
    }
    return text.split(/\r?\n/)[0] ?? '';
  }
  if (process.stdin.isTTY) {
    throw new BoardpackError(
      'invalid-input',
      'give the password on standard input (printf %s "$PASSWORD" | boardpack team add …) or in a file ' +
        '(--password-file FILE)',
      { field: 'password-file' },
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function role(values: Values): TeamRole {
  const wanted = requireOption(values, 'role');
  if (!TEAM_ROLES.includes(wanted as TeamRole)) {
    throw new BoardpackError('invalid-input', `--role is one of ${TEAM_ROLES.join(', ')}, not "${wanted}"`, {
      field: 'role',
    });
  }
  return wanted as TeamRole;
}

/** The URL the new member connects with: the team database's, with their login and no password. */
function urlFor(location: string, login: string): string {
  const url = new URL(location.trim());
  url.username = login;
  url.password = '';
  return url.toString();
}

const setup: Command = {
  summary: 'set up the three roles on a team database (run by its owner; running it again changes nothing)',
  usage: 'boardpack team setup --db URL',
  options: { db: { type: 'string' } },
  async run(values, out) {
    const location = teamLocation(values);
    await withTeamDatabase(values, (opened) => setUpTeamRoles(opened.db));
    const lines = TEAM_ROLES.map((name) => `  ${name.padEnd(10)} ${GROUP_ROLES[name].padEnd(20)} ${ROLE_WORDS[name]}`);
    out.stdout(
      `Set up the team roles on ${describeLocation(location)}:\n${lines.join('\n')}\n` +
        'Only the logins added with `boardpack team add` may connect to it.\n',
    );
    return 0;
  },
};

const add: Command = {
  summary: 'add a person: a login in one role (the password on standard input or in --password-file)',
  usage:
    'boardpack team add --db URL --login NAME --role secretary|analyst|reader [--partner NAME] ' +
    '[--password-file FILE]',
  options: {
    db: { type: 'string' },
    login: { type: 'string' },
    role: { type: 'string' },
    partner: { type: 'string' },
    'password-file': { type: 'string' },
    password: { type: 'string' },
  },
  async run(values, out) {
    if (values.password !== undefined) {
      throw new BoardpackError(
        'invalid-input',
        "a password is never given on the command line, where the shell's history and the list of running " +
          'programs keep it: give it on standard input or in --password-file FILE',
        { field: 'password' },
      );
    }
    const location = teamLocation(values);
    const login = requireOption(values, 'login');
    const member = {
      login,
      role: role(values),
      ...(typeof values.partner === 'string' ? { partner: values.partner } : {}),
    };
    const password = await readPassword(values);
    const added = await withTeamDatabase(values, (opened) => addTeamMember(opened.db, { ...member, password }));
    const what = added.partner === null ? added.role : `${added.role} for ${added.partner}`;
    out.stdout(`Added ${added.login} (${what}). They connect with ${urlFor(location, added.login)}\n`);
    return 0;
  },
};

const list: Command = {
  summary: 'list the people of a team database with their roles',
  usage: 'boardpack team list --db URL [--format text|json]',
  options: { db: { type: 'string' }, format: { type: 'string' } },
  async run(values, out) {
    const format = textOrJsonFormat(values);
    const members: TeamMember[] = await withTeamDatabase(values, (opened) => listTeamMembers(opened.db));
    if (format === 'json') {
      out.stdout(`${JSON.stringify({ members }, null, 2)}\n`);
    } else if (members.length === 0) {
      out.stdout('No one yet: add people with boardpack team add.\n');
    } else {
      out.stdout(
        `${renderTextTable(
          ['login', 'role', 'partner', 'added'],
          members.map((member) => [member.login, member.role, member.partner ?? '', member.createdAt.slice(0, 10)]),
        )}\n`,
      );
    }
    return 0;
  },
};

export const teamCommands: CommandGroup = {
  summary: 'who may do what on a team database: setup, add, list',
  subcommands: { setup, add, list },
};
