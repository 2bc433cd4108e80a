import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { BoardpackError } from '../../shared/errors';
import { engineOf } from '../engine';
import type { Database } from '../schema/database';
import type { TeamRole } from '../schema/team-member.table';

/**
 * Who may do what on a team database (issue 9, point 4), enforced by
 * PostgreSQL itself, not only by the app:
 * - secretary: reads and writes every table the app edits;
 * - analyst: reads everything, writes only the figures of the indicators their
 *   partner owns (`indicator.partner_id` = their `team_member.partner_id`);
 * - reader: reads everything, and adds, edits, resolves and deletes notes.
 * Every role appends to the change log, as itself (`db_role = current_user`);
 * nobody but the owner rewrites it. Who is in which role (`team_member`) and
 * the schema are the owner's: the PostgreSQL user that created the tables and
 * runs `boardpack team setup` and `team add`.
 *
 * Each role is a NOLOGIN group role, cluster-wide, so several team databases on
 * one server share them; a login belongs to exactly one group and may connect
 * to exactly one database (CONNECT is revoked from PUBLIC and granted per login),
 * so a secretary of one partnership is nothing in another's database.
 *
 * Row-level security is enabled but not forced: the owner is not subject to it,
 * as it must not be when it migrates or copies the database (a forced policy
 * would make its updates skip rows silently), and it could switch it off anyway.
 */

export const TEAM_ROLES: readonly TeamRole[] = ['secretary', 'analyst', 'reader'];

export const GROUP_ROLES = {
  secretary: 'boardpack_secretary',
  analyst: 'boardpack_analyst',
  reader: 'boardpack_reader',
} as const satisfies Record<TeamRole, string>;

/** What each role may do, in words (`boardpack team` prints them). */
export const ROLE_WORDS: Readonly<Record<TeamRole, string>> = {
  secretary: 'reads and changes everything',
  analyst: 'reads everything; enters the figures of the indicators their partner owns, and nothing else',
  reader: 'reads everything; adds, edits, resolves and deletes notes',
};

/** Why a file refuses roles. */
export const FILE_HAS_NO_ROLES = "roles are a team database's; a file is one person's";

const ALL_GROUPS = Object.values(GROUP_ROLES);
const groups = (names: readonly string[]) => sql.join(names.map((name) => sql.id(name)));

/** Refuses anything but a team database. */
export function requireTeamDatabase(db: Kysely<Database>): void {
  if (engineOf(db).engine !== 'postgres') throw new BoardpackError('invalid-input', FILE_HAS_NO_ROLES);
}

/** The tables only the owner writes: who is in which role, and which migrations ran. */
const OWNERS_TABLES = ['team_member', 'kysely_migration', 'kysely_migration_lock'];

/** Beyond reading every table: what each role writes, table by table. */
const WRITES: Readonly<Record<'analyst' | 'reader', Readonly<Record<string, readonly string[]>>>> = {
  analyst: { figure: ['insert', 'update', 'delete'], change_log: ['insert'] },
  reader: {
    annotation: ['insert', 'update', 'delete'],
    annotation_tombstone: ['insert', 'update', 'delete'],
    change_log: ['insert'],
  },
};

/** Tables with a generated id that a role inserts into: it needs the id's sequence. */
const GENERATED_IDS = new Set(['figure', 'change_log']);

interface Place {
  readonly schema: string;
  readonly database: string;
  /** Who is connected. */
  readonly login: string;
}

async function placeOf(db: Kysely<Database> | Transaction<Database>): Promise<Place> {
  const { rows } = await sql<Place>`
    select current_schema() as schema, current_database() as database, current_user as login`.execute(db);
  const place = rows[0];
  if (!place) throw new BoardpackError('internal', 'PostgreSQL did not say which database this is');
  return place;
}

/** The owner of the tables (or a superuser) may set up roles; anyone else is told who can. */
async function requireOwner(trx: Transaction<Database>, place: Place): Promise<void> {
  const { rows } = await sql<{ owner: string; allowed: boolean }>`
    select pg_get_userbyid(c.relowner) as owner, pg_has_role(current_user, c.relowner, 'USAGE') as allowed
    from pg_class c where c.oid = to_regclass(quote_ident(${place.schema}) || '.figure')`.execute(trx);
  const table = rows[0];
  if (!table) throw new BoardpackError('not-found', 'this database holds no Boardpack figures table');
  if (!table.allowed) {
    throw new BoardpackError(
      'forbidden',
      `the team roles are set up by the team database's owner (${table.owner}), who created its tables; ` +
        `you are connected as ${place.login}`,
    );
  }
}

async function createMissingGroups(trx: Transaction<Database>): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select rolname as name from pg_roles where rolname in (${sql.join(ALL_GROUPS)})`.execute(trx);
  const present = new Set(rows.map((row) => row.name));
  for (const name of ALL_GROUPS.filter((group) => !present.has(group))) {
    // Another team database's setup may create it at the same moment: then it exists, which is all we need.
    // (The names are our constants, so they can be written into the block: DO takes no parameters.)
    await sql`do $$ begin create role ${sql.id(name)} nologin;
      exception when duplicate_object or unique_violation then null; end $$`.execute(trx);
  }
}

/** The sequence behind a table's generated id, as PostgreSQL names it (already quoted). */
async function idSequence(trx: Transaction<Database>, place: Place, table: string): Promise<RawBuilder<unknown>> {
  const { rows } = await sql<{ name: string | null }>`
    select pg_get_serial_sequence(quote_ident(${place.schema}) || '.' || ${table}, 'id') as name`.execute(trx);
  const name = rows[0]?.name;
  if (!name) throw new BoardpackError('internal', `the ${table} table has no generated id`);
  return sql.raw(name);
}

async function grantTables(trx: Transaction<Database>, place: Place): Promise<void> {
  const schema = sql.id(place.schema);
  const { secretary, analyst, reader } = GROUP_ROLES;
  // Start from nothing, so running setup again converges on exactly these grants.
  await sql`revoke all on all tables in schema ${schema} from ${groups(ALL_GROUPS)}`.execute(trx);
  await sql`revoke all on all sequences in schema ${schema} from ${groups(ALL_GROUPS)}`.execute(trx);
  await sql`grant usage on schema ${schema} to ${groups(ALL_GROUPS)}`.execute(trx);

  await sql`grant select, insert, update, delete on all tables in schema ${schema} to ${sql.id(secretary)}`.execute(
    trx,
  );
  await sql`grant usage, select on all sequences in schema ${schema} to ${sql.id(secretary)}`.execute(trx);
  await sql`revoke update, delete on ${sql.id(place.schema, 'change_log')} from ${sql.id(secretary)}`.execute(trx);
  for (const table of OWNERS_TABLES) {
    await sql`revoke insert, update, delete on ${sql.id(place.schema, table)} from ${sql.id(secretary)}`.execute(trx);
  }

  await sql`grant select on all tables in schema ${schema} to ${groups([analyst, reader])}`.execute(trx);
  for (const [role, tables] of Object.entries(WRITES) as ['analyst' | 'reader', Record<string, string[]>][]) {
    for (const [table, verbs] of Object.entries(tables)) {
      await sql`grant ${sql.raw(verbs.join(', '))} on ${sql.id(place.schema, table)} to ${sql.id(GROUP_ROLES[role])}`.execute(
        trx,
      );
      if (GENERATED_IDS.has(table) && verbs.includes('insert')) {
        await sql`grant usage on sequence ${await idSequence(trx, place, table)} to ${sql.id(GROUP_ROLES[role])}`.execute(
          trx,
        );
      }
    }
  }

  // Tables a later Boardpack adds (migrations run as the owner) are readable by all, and the secretary's.
  await sql`alter default privileges in schema ${schema}
    grant select, insert, update, delete on tables to ${sql.id(secretary)}`.execute(trx);
  await sql`alter default privileges in schema ${schema}
    grant usage, select on sequences to ${sql.id(secretary)}`.execute(trx);
  await sql`alter default privileges in schema ${schema} grant select on tables to ${groups([analyst, reader])}`.execute(
    trx,
  );
}

/** Only the logins `team add` names may connect; imports stage files in temporary tables. */
async function grantDatabase(trx: Transaction<Database>, place: Place): Promise<void> {
  const database = sql.id(place.database);
  await sql`revoke connect on database ${database} from public`.execute(trx);
  await sql`grant temporary on database ${database} to ${groups([GROUP_ROLES.secretary, GROUP_ROLES.analyst])}`.execute(
    trx,
  );
}

async function dropPolicies(trx: Transaction<Database>, place: Place, table: string): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select policyname as name from pg_policies where schemaname = ${place.schema} and tablename = ${table}`.execute(
    trx,
  );
  for (const { name } of rows) await sql`drop policy ${sql.id(name)} on ${sql.id(place.schema, table)}`.execute(trx);
}

/**
 * Figures: everyone reads them; a secretary writes any; an analyst writes only
 * those of the indicators their partner owns. The policies check the row as it
 * will be (an insert, or an update's new row: refused out loud, "new row
 * violates row-level security policy"); a trigger checks the row as it was (an
 * update or a delete of another partner's figure), because a policy's USING
 * would skip that row silently, and a save that changed nothing must not look
 * like one that succeeded, or like someone else's edit.
 */
async function secureFigures(trx: Transaction<Database>, place: Place): Promise<void> {
  const figure = sql.id(place.schema, 'figure');
  const owns = sql.id(place.schema, 'boardpack_partner_owns');
  const wasTheirs = sql.id(place.schema, 'boardpack_figure_was_theirs');
  const { secretary, analyst } = GROUP_ROLES;
  // A standard SQL body: its tables are bound when it is created, whatever the caller's search_path.
  await sql`create or replace function ${owns}(figure_indicator_id integer) returns boolean
    language sql stable
    begin atomic
      select exists (
        select 1 from ${sql.id(place.schema, 'team_member')} m
        join ${sql.id(place.schema, 'indicator')} i on i.partner_id = m.partner_id
        where m.login = current_user and m.role = 'analyst' and i.id = figure_indicator_id);
    end`.execute(trx);
  await sql`create or replace function ${wasTheirs}() returns trigger
    language plpgsql set search_path = ${sql.id(place.schema)}, pg_temp
    as $$
    begin
      if exists (select 1 from team_member where login = current_user and role = 'analyst')
         and not boardpack_partner_owns(old.indicator_id) then
        raise exception 'analyst % may change only the figures of the indicators their partner owns', current_user
          using errcode = 'insufficient_privilege', table = 'figure';
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$`.execute(trx);
  await sql`drop trigger if exists figure_was_theirs on ${figure}`.execute(trx);
  await sql`create trigger figure_was_theirs before update or delete on ${figure}
    for each row execute function ${wasTheirs}()`.execute(trx);

  await dropPolicies(trx, place, 'figure');
  await sql`alter table ${figure} enable row level security`.execute(trx);
  await sql`create policy figure_read on ${figure} for select using (true)`.execute(trx);
  await sql`create policy figure_secretary on ${figure} for all to ${sql.id(secretary)}
    using (true) with check (true)`.execute(trx);
  await sql`create policy figure_analyst_insert on ${figure} for insert to ${sql.id(analyst)}
    with check (${owns}(indicator_id))`.execute(trx);
  await sql`create policy figure_analyst_update on ${figure} for update to ${sql.id(analyst)}
    using (true) with check (${owns}(indicator_id))`.execute(trx);
  await sql`create policy figure_analyst_delete on ${figure} for delete to ${sql.id(analyst)}
    using (true)`.execute(trx);
}

/** The change log: everyone reads it and appends to it as themselves; nobody but the owner rewrites it. */
async function secureChangeLog(trx: Transaction<Database>, place: Place): Promise<void> {
  const changeLog = sql.id(place.schema, 'change_log');
  await dropPolicies(trx, place, 'change_log');
  await sql`alter table ${changeLog} enable row level security`.execute(trx);
  await sql`create policy change_log_read on ${changeLog} for select using (true)`.execute(trx);
  await sql`create policy change_log_append on ${changeLog} for insert to ${groups(ALL_GROUPS)}
    with check (db_role = current_user)`.execute(trx);
}

/**
 * Sets up the team roles on this database, all or nothing, run by its owner:
 * the group roles (made if missing), their grants, row-level security on
 * figures and the change log. Running it again changes nothing; run it again
 * after an upgrade adds tables or columns.
 */
export async function setUpTeamRoles(db: Kysely<Database>): Promise<void> {
  requireTeamDatabase(db);
  await db.transaction().execute(async (trx) => {
    const place = await placeOf(trx);
    await requireOwner(trx, place);
    await createMissingGroups(trx);
    await grantDatabase(trx, place);
    await grantTables(trx, place);
    await secureFigures(trx, place);
    await secureChangeLog(trx, place);
  });
}

/** True once setUpTeamRoles has run on this database. */
export async function teamRolesAreSetUp(db: Kysely<Database> | Transaction<Database>): Promise<boolean> {
  const place = await placeOf(db);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_policies
    where schemaname = ${place.schema} and tablename = 'figure' and policyname = 'figure_analyst_insert'`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}
