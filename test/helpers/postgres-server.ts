import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PostgreSQL server for the tests and benchmarks: Debian's `postgresql`
 * package, started as an ordinary user on a fresh data directory and a free
 * port on 127.0.0.1, and stopped afterwards. No shared server, no mock.
 *
 * As root (CI), the server runs as the `postgres` user the Debian package
 * creates, through util-linux's `runuser`: PostgreSQL refuses to run as root.
 */

const MISSING =
  "PostgreSQL's server programs (initdb, pg_ctl) were not found. Install Debian's packages: " +
  'apt-get install -y postgresql (and util-linux for runuser when running as root)';

/** The superuser of the test cluster, and its password (the cluster lives only as long as the test run). */
export const ADMIN_USER = 'boardpack_admin';
export const ADMIN_PASSWORD = 'boardpack-admin-test';

export interface PostgresServer {
  readonly host: string;
  readonly port: number;
  /** postgres://admin:password@127.0.0.1:port/NAME */
  urlFor(database: string, user?: string, password?: string): string;
  stop(): void;
}

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/N/bin). */
function binFolder(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) throw new Error(MISSING);
  return join(root, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function asRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs one of PostgreSQL's programs as an ordinary user; throws with its output when it fails. */
function runPostgresProgram(program: string, args: readonly string[]): void {
  const [command, fullArgs] = asRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, [...args]];
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) {
    throw new Error(`${command} could not run (${result.error.message}). ${MISSING}`);
  }
  if (result.status !== 0) {
    throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

export interface StartOptions {
  /**
   * Durable commits (fsync on). Tests run without them, which is safe for a
   * throwaway cluster; benchmarks and the load test keep them, as a real server would.
   */
  readonly durable?: boolean;
}

/** Starts a throwaway PostgreSQL cluster and returns where it listens. */
export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const bin = binFolder();
  const dir = mkdtempSync(join(tmpdir(), 'boardpack-pg-'));
  const data = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${ADMIN_PASSWORD}\n`);
  if (asRoot()) {
    const owner = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const group = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, owner, group);
    chownSync(passwordFile, owner, group);
  }
  chmodSync(dir, 0o700);
  runPostgresProgram(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    ADMIN_USER,
    '--pwfile',
    passwordFile,
    '--auth-host=scram-sha-256',
    '--auth-local=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dir}'`,
    '-c max_connections=200',
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  runPostgresProgram(join(bin, 'pg_ctl'), ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', 'start']);
  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    urlFor(database, user = ADMIN_USER, password = ADMIN_PASSWORD) {
      return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runPostgresProgram(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
