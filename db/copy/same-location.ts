import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseLocation } from '../../shared/database-location';

/** A file's full path with links resolved, as far as it exists. */
function resolvedPath(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    try {
      return join(realpathSync(dirname(full)), basename(full));
    } catch {
      return full;
    }
  }
}

/** A team database as server and database name: the user and password do not change which database it is. */
function serverDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.toLowerCase()}:${parsed.port || '5432'}${decodeURIComponent(parsed.pathname)}`;
  } catch {
    return url;
  }
}

/** True when two locations name the same database: the same file however written, or the same server's database. */
export function sameLocation(first: string, second: string): boolean {
  const a = parseLocation(first);
  const b = parseLocation(second);
  if (a.engine === 'sqlite' && b.engine === 'sqlite') return resolvedPath(a.path) === resolvedPath(b.path);
  if (a.engine === 'postgres' && b.engine === 'postgres') return serverDatabase(a.url) === serverDatabase(b.url);
  return false;
}
