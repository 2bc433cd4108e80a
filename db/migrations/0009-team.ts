import { sql, type Kysely } from 'kysely';
import { oneOf } from './column-helpers';

/**
 * Who may do what on a team database (issue 9, point 4):
 * - `indicator.partner_id`: the partner that owns the indicator's figures (its
 *   analysts enter them); none when the secretary keeps them;
 * - `team_member`: one row per login of the team database (a PostgreSQL role of
 *   the same name, made by `boardpack team add`), with its role and, for an
 *   analyst, the partner whose figures they enter. The database enforces the
 *   roles (db/postgres/team-roles.ts); in a file, which is one person's, the
 *   table stays empty.
 * A partner that still has analysts cannot be deleted (their logins would lose
 * what they may write). Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('indicator')
    .addColumn('partner_id', 'integer', (c) => c.references('partner.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('indicator_by_partner').on('indicator').column('partner_id').execute();

  await db.schema
    .createTable('team_member')
    .addColumn('login', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ['secretary', 'analyst', 'reader'])))
    .addColumn('partner_id', 'integer', (c) => c.references('partner.id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('team_member_partner_for_analysts', sql`(role = 'analyst') = (partner_id is not null)`)
    .execute();
}
