import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import { openDatabase } from '../../../db/open-database';
import { boardpack, type CliRun } from '../../helpers/run-boardpack';
import { asPostgresAdmin, newPostgresDatabase, postgresUrlFor } from '../../helpers/test-engine';
import { tempPath } from '../../helpers/temp-files';

/** `boardpack team setup | add | list` on a team database of the demo partnership, run by its owner. */

const BIN = fileURLToPath(new URL('../../../electron/cli/boardpack.js', import.meta.url));

let team: Awaited<ReturnType<typeof newPostgresDatabase>>;
let suffix = '';

/** The real bin in a child process, with `input` on its standard input. */
function boardpackWithInput(input: string, ...argv: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** `boardpack team add` of a login with a role on a database, then the rest of the command line. */
function teamAdd(db: string, login: string, role: string, ...rest: string[]): string[] {
  return ['team', 'add', '--db', db, '--login', login, '--role', role, ...rest];
}

function passwordFile(password: string): string {
  const path = tempPath('password.txt');
  writeFileSync(path, `${password}\n`);
  return path;
}

/** Whether a login may connect with a password: the server's answer, through the app's own opener. */
async function connects(login: string, password: string): Promise<boolean> {
  try {
    const opened = await openDatabase(postgresUrlFor(team.name, { name: login, password }));
    await opened.close();
    return true;
  } catch {
    return false;
  }
}

/** Every grant and policy on the database's tables, and which roles may connect to it. */
async function securitySnapshot(): Promise<unknown> {
  return asPostgresAdmin(async (client) => {
    const grants = await client.query(
      `select grantee, table_name, privilege_type from information_schema.role_table_grants
       where table_schema = current_schema() and grantee like 'boardpack\\_%' order by 1, 2, 3`,
    );
    const policies = await client.query(
      'select tablename, policyname, cmd, roles::text, qual, with_check from pg_policies order by 1, 2',
    );
    const database = await client.query('select datacl::text from pg_database where datname = current_database()');
    return { grants: grants.rows, policies: policies.rows, database: database.rows };
  }, team.name);
}

beforeAll(async () => {
  team = await newPostgresDatabase();
  suffix = team.name.slice(-8);
  const owner = await openDatabase(team.url);
  try {
    await loadDemoDataset(owner.db, { actor: 'owner', now: () => '2026-11-26T09:00:00.000Z' });
  } finally {
    await owner.close();
  }
});

afterAll(async () => {
  await team?.drop();
});

describe('boardpack team', () => {
  it('refuses to add anyone before the roles are set up', async () => {
    const run = await boardpack(
      'team',
      'add',
      '--db',
      team.url,
      '--login',
      `early_${suffix}`,
      '--role',
      'reader',
      '--password-file',
      passwordFile('a good long password'),
    );
    expect(run).toMatchObject({ code: 2, stderr: expect.stringMatching(/run boardpack team setup --db URL first/) });
  });

  it('sets up the roles, and setting them up again changes nothing', async () => {
    const run = await boardpack('team', 'setup', '--db', team.url);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Set up the team roles on postgres:\/\/boardpack_admin@127\.0\.0\.1:\d+\/bp_\w+:\n/);
    expect(run.stdout).not.toContain('boardpack-admin-test');
    expect(run.stdout).toContain('boardpack_analyst');
    const first = await securitySnapshot();
    expect(first).toMatchObject({ database: [{ datacl: expect.not.stringMatching(/(^\{|,)=[A-Za-z]*c/) }] });
    expect(await boardpack('team', 'setup', '--db', team.url)).toMatchObject({ code: 0 });
    expect(await securitySnapshot()).toEqual(first);
  });

  it('adds an analyst for a partner named by its short name, who can then connect with their password', async () => {
    const login = `ana_${suffix}`;
    const password = passwordFile('police figures 2026');
    const run = await boardpack(
      ...teamAdd(team.url, login, 'analyst', '--partner', 'tvp', '--password-file', password),
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      new RegExp(`^Added ${login} \\(analyst for Thames Valley Police\\)\\. They connect with postgres://${login}@127`),
    );
    expect(await connects(login, 'police figures 2026')).toBe(true);
    expect(await connects(login, 'police figures 2025')).toBe(false);
  });

  it('reads the password from standard input, never from the command line', async () => {
    const login = `ray_${suffix}`;
    const refused = await boardpack(...teamAdd(team.url, login, 'reader', '--password', 'in the history'));
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringMatching(/never given on the command line/) });
    expect(await connects(login, 'in the history')).toBe(false);

    // Not only ASCII: the password is hashed as PostgreSQL and its clients prepare it (SASLprep, NFKC).
    const password = 'lire le dossier, café ½';
    const run = await boardpackWithInput(`${password}\n`, ...teamAdd(team.url, login, 'reader'));
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^Added ${login} \\(reader\\)`)) });
    expect(await connects(login, password)).toBe(true);
    expect(await connects(login, 'lire le dossier, cafe 1/2')).toBe(false);
  }, 60_000);

  it('refuses an analyst without a partner, an unknown partner, a partner for a reader and a login that exists', async () => {
    const password = passwordFile('a good long password');
    // A login made for something else on the same server.
    await asPostgresAdmin((client) => client.query(`create role srv_${suffix} login`));
    const add = (login: string, role: string, ...rest: string[]) =>
      teamAdd(team.url, login, role, '--password-file', password, ...rest);
    const refusals: { name: string; argv: string[]; says: RegExp }[] = [
      {
        name: 'no partner',
        argv: add(`x1_${suffix}`, 'analyst'),
        says: /^2 .*an analyst enters the figures of one partner: name it/,
      },
      {
        name: 'unknown partner',
        argv: add(`x2_${suffix}`, 'analyst', '--partner', 'Thames Valley Polise'),
        says: /^1 .*unknown partner "Thames Valley Polise".*Thames Valley Police/,
      },
      {
        name: 'reader with a partner',
        argv: add(`x3_${suffix}`, 'reader', '--partner', 'TVP'),
        says: /^2 .*only an analyst works for a partner/,
      },
      {
        name: 'existing login',
        argv: add(`ana_${suffix}`, 'reader'),
        says: /^1 .*the login "ana_\w+" already exists on this server/,
      },
      {
        name: "the server's own login",
        argv: add(`srv_${suffix}`, 'secretary'),
        says: /^1 .*the login "srv_\w+" already exists on this server/,
      },
      {
        name: 'bad login',
        argv: add('Ana Smith', 'reader'),
        says: /^2 .*"Ana Smith" cannot be a login/,
      },
      {
        name: 'short password',
        argv: teamAdd(team.url, `x4_${suffix}`, 'reader', '--password-file', passwordFile('short')),
        says: /^2 .*a password needs at least 8 characters/,
      },
      {
        name: 'unknown role',
        argv: add(`x5_${suffix}`, 'chair'),
        says: /^2 .*--role is one of secretary, analyst, reader, not "chair"/,
      },
    ];
    const answers: [string, string][] = [];
    for (const { name, argv } of refusals) {
      const run = await boardpack(...argv);
      answers.push([name, `${run.code} ${run.stderr.trim()}`]);
    }
    // Each refusal's exit code and message, all shown at once when any differs.
    expect(Object.fromEntries(answers)).toEqual(
      Object.fromEntries(refusals.map(({ name, says }) => [name, expect.stringMatching(says)])),
    );
    for (const number of [1, 2, 3, 4, 5])
      expect(await connects(`x${number}_${suffix}`, 'a good long password')).toBe(false);
  });

  it('lists the team, and leaves setting it up to the owner', async () => {
    const listed = await boardpack('team', 'list', '--db', team.url);
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').slice(0, 4)).toEqual([
      expect.stringMatching(/^login\s+role\s+partner\s+added$/),
      expect.stringMatching(/^-+/),
      expect.stringMatching(new RegExp(`^ana_${suffix}\\s+analyst\\s+Thames Valley Police\\s+\\d{4}-\\d\\d-\\d\\d$`)),
      expect.stringMatching(new RegExp(`^ray_${suffix}\\s+reader\\s+\\d{4}-\\d\\d-\\d\\d$`)),
    ]);
    const json = await boardpack('team', 'list', '--db', team.url, '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      members: [{ login: `ana_${suffix}`, role: 'analyst', partner: 'Thames Valley Police' }, { role: 'reader' }],
    });
    const asAnalyst = postgresUrlFor(team.name, { name: `ana_${suffix}`, password: 'police figures 2026' });
    expect(await boardpack('team', 'setup', '--db', asAnalyst)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/set up by the team database's owner \(boardpack_admin\).*connected as ana_/),
    });
    expect(
      await boardpack(
        ...teamAdd(asAnalyst, `x6_${suffix}`, 'reader', '--password-file', passwordFile('a good long password')),
      ),
    ).toMatchObject({ code: 1, stderr: expect.stringMatching(/needs a PostgreSQL user allowed to create roles/) });
  });

  it("refuses a file: roles are a team database's", async () => {
    for (const argv of [['setup'], ['list'], ['add', '--login', 'ana', '--role', 'reader']]) {
      const run = await boardpack('team', ...argv, '--db', tempPath('partnership.db'));
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: expect.stringMatching(/roles are a team database's; a file is one person's/),
      });
    }
  });
});
