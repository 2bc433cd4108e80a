/**
 * The team database's address as the Connect dialog asks for it, in parts,
 * and the postgres:// URL it hands to main (team.connect). Every part is
 * percent-encoded, so a password may hold any character.
 */
export interface TeamDatabaseFields {
  /** "db.council.example", or with a port: "db.council.example:5433". */
  readonly server: string;
  readonly database: string;
  readonly user: string;
  readonly password: string;
  /** Connection options as a URL's query writes them: "sslmode=require". */
  readonly options: string;
}

export const NO_TEAM_DATABASE: TeamDatabaseFields = { server: '', database: '', user: '', password: '', options: '' };

/** A host name, an IPv4 address or a bracketed IPv6 address, and an optional port. */
const SERVER = /^(\[[0-9a-f:.]+\]|[^\s/@?#:[\]]+)(:\d{1,5})?$/i;

/** Why the server cannot be used as typed, or null. */
export function serverProblem(server: string): string | null {
  const trimmed = server.trim();
  if (trimmed === '') return 'Name the server.';
  if (!SERVER.test(trimmed)) {
    return 'The server is a name such as db.council.example, with :port after it when the port is not 5432.';
  }
  return null;
}

export function teamDatabaseUrl(fields: TeamDatabaseFields): string {
  const user = encodeURIComponent(fields.user.trim());
  const password = fields.password === '' ? '' : `:${encodeURIComponent(fields.password)}`;
  const login = user === '' ? '' : `${user}${password}@`;
  const options = fields.options.trim().replace(/^\?/, '');
  return `postgres://${login}${fields.server.trim()}/${encodeURIComponent(fields.database.trim())}${options === '' ? '' : `?${options}`}`;
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The parts of a whole postgres:// URL pasted into the server's box; null when the text is not one. */
export function teamDatabaseFields(text: string): TeamDatabaseFields | null {
  const match = /^postgres(?:ql)?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]*)(?:\/([^?#]*))?(?:\?([^#]*))?$/i.exec(
    text.trim(),
  );
  if (!match) return null;
  return {
    server: match[3] ?? '',
    database: decode(match[4] ?? ''),
    user: decode(match[1] ?? ''),
    password: decode(match[2] ?? ''),
    options: match[5] ?? '',
  };
}
