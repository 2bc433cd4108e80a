import { sql, type Kysely, type Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import { resolveName } from '../repositories/resolve-name';
import type { Database } from '../schema/database';
import type { TeamRole } from '../schema/team-member.table';
import { scramVerifier } from './scram-verifier';
import { GROUP_ROLES, requireTeamDatabase, TEAM_ROLES, teamRolesAreSetUp } from './team-roles';

/**
 * The people of a team database: each a PostgreSQL login in one of the team
 * roles (db/postgres/team-roles.ts), recorded in `team_member`.
 */

export interface NewTeamMember {
  readonly login: string;
  readonly password: string;
  readonly role: TeamRole;
  /** An analyst's partner, by name or short name; only analysts have one. */
  readonly partner?: string | undefined;
}

export interface TeamMember {
  readonly login: string;
  readonly role: TeamRole;
  /** An analyst's partner's name; null for the other roles. */
  readonly partner: string | null;
  readonly createdAt: string;
}

/** Lower case, so the login is the same in a URL, in SQL and in the change log. */
const LOGIN = /^[a-z][a-z0-9_.-]{0,62}$/;
const MIN_PASSWORD = 8;

function checkLogin(login: string): void {
  if (!LOGIN.test(login)) {
    throw new BoardpackError(
      'invalid-input',
      `"${login}" cannot be a login: use lower-case letters, digits, ".", "_" or "-", starting with a letter ` +
        '(at most 63 characters)',
      { field: 'login' },
    );
  }
  if (login.startsWith('pg_') || login.startsWith('boardpack_')) {
    throw new BoardpackError(
      'invalid-input',
      `"${login}" cannot be a login: names starting "pg_" or "boardpack_" are reserved`,
      {
        field: 'login',
      },
    );
  }
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD) {
    throw new BoardpackError('invalid-input', `a password needs at least ${MIN_PASSWORD} characters`, {
      field: 'password',
    });
  }
  if (/[\r\n\0]/.test(password)) {
    throw new BoardpackError('invalid-input', 'a password is one line', { field: 'password' });
  }
}

/** The partner an analyst works for: a name or short name of a partner of this database; others have none. */
async function partnerFor(
  trx: Transaction<Database>,
  member: NewTeamMember,
): Promise<{ id: number; name: string } | null> {
  if (member.role !== 'analyst') {
    if (member.partner !== undefined) {
      throw new BoardpackError(
        'invalid-input',
        `only an analyst works for a partner; a ${member.role} reads (and ${member.role === 'secretary' ? 'changes' : 'annotates'}) everything`,
        { field: 'partner' },
      );
    }
    return null;
  }
  if (member.partner === undefined || member.partner.trim() === '') {
    throw new BoardpackError(
      'invalid-input',
      'an analyst enters the figures of one partner: name it (the partner that owns their indicators)',
      { field: 'partner' },
    );
  }
  const partners = await trx.selectFrom('partner').select(['id', 'name', 'shortName']).orderBy('name').execute();
  const found = resolveName(
    'partner',
    member.partner,
    partners.map((partner) => ({
      id: partner.id,
      name: partner.name,
      names: partner.shortName ? [partner.name, partner.shortName] : [partner.name],
    })),
    { field: 'partner' },
  );
  return { id: found.id, name: found.name };
}

async function requireNewLogin(trx: Transaction<Database>, login: string): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_roles where rolname = ${login}`.execute(
    trx,
  );
  const listed = await trx.selectFrom('teamMember').select('login').where('login', '=', login).executeTakeFirst();
  if ((rows[0]?.n ?? 0) > 0 || listed) {
    throw new BoardpackError(
      'conflict',
      `the login "${login}" already exists on this server; logins are the server's, not one database's, ` +
        'so each person needs a login of their own for each team database: choose another',
      { field: 'login' },
    );
  }
}

async function requireRoleMaker(trx: Transaction<Database>): Promise<void> {
  const { rows } = await sql<{ allowed: boolean; login: string }>`
    select rolcreaterole or rolsuper as allowed, rolname as login from pg_roles where rolname = current_user`.execute(
    trx,
  );
  const me = rows[0];
  if (!me?.allowed) {
    throw new BoardpackError(
      'forbidden',
      `adding a login needs a PostgreSQL user allowed to create roles (CREATEROLE), such as the team database's owner; ` +
        `you are connected as ${me?.login ?? 'another user'}`,
    );
  }
}

/**
 * Adds a person to the team database, all or nothing: a PostgreSQL login with
 * the password (sent as its SCRAM-SHA-256 verifier, never as itself), a member
 * of its role's group, allowed to connect to this database only, and its row in
 * `team_member`. Refused: a login the server already has, an analyst without a
 * partner or with one this database does not know, a partner for another role.
 */
export async function addTeamMember(db: Kysely<Database>, member: NewTeamMember): Promise<TeamMember> {
  requireTeamDatabase(db);
  checkLogin(member.login);
  checkPassword(member.password);
  if (!TEAM_ROLES.includes(member.role)) {
    throw new BoardpackError('invalid-input', `the role is one of ${TEAM_ROLES.join(', ')}, not "${member.role}"`, {
      field: 'role',
    });
  }
  return db.transaction().execute(async (trx) => {
    if (!(await teamRolesAreSetUp(trx))) {
      throw new BoardpackError(
        'invalid-input',
        'the team roles are not set up on this database yet: run boardpack team setup --db URL first',
      );
    }
    await requireRoleMaker(trx);
    const partner = await partnerFor(trx, member);
    await requireNewLogin(trx, member.login);
    const { rows } = await sql<{ database: string }>`select current_database() as database`.execute(trx);
    const database = rows[0]?.database ?? '';
    const login = sql.id(member.login);
    await sql`create role ${login} login password ${sql.lit(scramVerifier(member.password))}
      in role ${sql.id(GROUP_ROLES[member.role])}`.execute(trx);
    await sql`grant connect on database ${sql.id(database)} to ${login}`.execute(trx);
    const createdAt = new Date().toISOString();
    await trx
      .insertInto('teamMember')
      .values({ login: member.login, role: member.role, partnerId: partner?.id ?? null, createdAt })
      .execute();
    return { login: member.login, role: member.role, partner: partner?.name ?? null, createdAt };
  });
}

/** The people of the team database, by role then login. */
export async function listTeamMembers(db: Kysely<Database>): Promise<TeamMember[]> {
  requireTeamDatabase(db);
  const rows = await db
    .selectFrom('teamMember')
    .leftJoin('partner', 'partner.id', 'teamMember.partnerId')
    .select(['teamMember.login', 'teamMember.role', 'partner.name as partner', 'teamMember.createdAt'])
    .execute();
  const order = (role: TeamRole) => TEAM_ROLES.indexOf(role);
  return rows.sort((a, b) => order(a.role) - order(b.role) || a.login.localeCompare(b.login));
}
