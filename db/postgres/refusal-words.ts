/**
 * What a team database's refusal of a role (SQLSTATE 42501) means, in words
 * the person refused can act on. The roles and policies are those of
 * db/postgres/team-roles.ts: an analyst refused a figure of another partner's
 * indicator, anyone refused a table their role does not write, a secretary
 * refused only what is the owner's (who is in which role, the schema) or
 * nobody's (rewriting the change log). PostgreSQL's own words name the table:
 * "permission denied for table area", "new row violates row-level security
 * policy for table "figure"", and our trigger's (table "figure").
 */

const NOTHING_SAVED = 'nothing was saved';

/** The table a refusal names, from the error's table field or its message. */
function refusedTable(table: string, message: string): string | null {
  if (table !== '') return table;
  const match = /(?:for|on) table "?([A-Za-z0-9_]+)"?/.exec(message);
  return match?.[1] ?? null;
}

export function refusalMessage(table: string, message: string, describe: (table: string) => string): string {
  if (/permission denied for database/.test(message)) {
    return (
      'your login may not open this team database: a login is made for one team database, by its owner ' +
      '(boardpack team add)'
    );
  }
  if (/permission denied for schema/.test(message)) {
    return (
      `only the team database's owner can change its structure (a new version of Boardpack upgrades it when its ` +
      `owner opens it); ${NOTHING_SAVED}`
    );
  }
  const refused = refusedTable(table, message);
  // The figures' policy and trigger refuse an analyst another partner's figure; a plain grant refuses the rest.
  if (refused === 'figure' && /row-level security|partner owns/.test(message)) {
    return (
      "you may change only the figures of the indicators your partner owns, and this figure's indicator is not " +
      `one of them; ${NOTHING_SAVED}. The partnership secretary can change it, or make your partner the ` +
      'indicator\'s owner ("Figures by" on the Indicators screen)'
    );
  }
  switch (refused) {
    case null:
      return (
        `the team database does not let your role do this (${message}); ${NOTHING_SAVED}. ` +
        'Ask the partnership secretary, or whoever looks after the team database, if you need it'
      );
    case 'change_log':
      return `the change log is kept as written: each change is added as the login that made it, and no one rewrites it; ${NOTHING_SAVED}`;
    case 'team_member':
    case 'kysely_migration':
    case 'kysely_migration_lock':
      return (
        "who may do what on the team database, and its version, are its owner's to change " +
        `(boardpack team add); ${NOTHING_SAVED}`
      );
    default: {
      const camel = refused.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
      const word = describe(camel);
      return (
        `your role on the team database may read ${word === camel ? refused.replace(/_/g, ' ') : word} records ` +
        `but not change them; ${NOTHING_SAVED}. Ask the partnership secretary if one needs changing`
      );
    }
  }
}
