import { execFile, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import { openDatabase } from '../../../db/open-database';
import type { Database } from '../../../db/schema/database';
import { localWriter } from '../../../db/writer';
import { dispatch } from '../../../electron/api/dispatch';
import { DatabaseSession } from '../../../electron/app/database-session';
import { openDatabaseFile, type FileDialogs } from '../../../electron/app/file-commands';
import { settingsStore } from '../../../electron/app/settings';
import { apiOnDatabase } from '../../helpers/api-context';
import { boardpack } from '../../helpers/run-boardpack';
import { closeAfterTest, newDatabase, tempDir, tempPath } from '../../helpers/temp-files';

/**
 * Issue 8, point 3, beyond open-database.test.ts (not SQLite, another app's
 * SQLite, a newer Boardpack): a corrupt Boardpack file, a read-only one, and a
 * full disk. Each gets a clear message; the file is left as it was; the app,
 * and the database it had open, go on working.
 */

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO, 'electron/cli/boardpack.js');
const READ_ONLY_CHILD = fileURLToPath(new URL('./read-only-child.ts', import.meta.url));
const writer = { actor: 'test', now: () => '2026-11-26T10:00:00.000Z' };

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

async function pragma(db: Kysely<Database>, name: string): Promise<unknown> {
  const result = await sql.raw(`pragma ${name}`).execute(db);
  return Object.values(result.rows[0] as object)[0];
}

/** A closed demo database file, its write-ahead log folded in. */
async function demoFile(path = tempPath('demo.db')): Promise<string> {
  const database = await openDatabase(path, { create: true });
  await loadDemoDataset(database.db, writer);
  await database.close();
  return path;
}

/**
 * A demo database whose header and schema are intact but whose figure table's
 * root page, in the middle of the file, is overwritten with bytes of 0xA5.
 */
async function corruptFile(path?: string): Promise<string> {
  if (path === undefined) path = await demoFile(tempPath('corrupt.db'));
  const database = await openDatabase(path);
  const root = await sql<{ rootpage: number }>`select rootpage from sqlite_schema where name = 'figure'`.execute(
    database.db,
  );
  const pageSize = Number(await pragma(database.db, 'page_size'));
  await database.close();
  const page = root.rows[0]?.rootpage ?? 0;
  expect(page).toBeGreaterThan(1);
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  return path;
}

/** The figures a database file holds, after SQLite's integrity check says the file is sound. */
async function figureCount(path: string): Promise<number> {
  const database = await openDatabase(path);
  try {
    expect(await pragma(database.db, 'integrity_check')).toBe('ok');
    const { n } = await database.db
      .selectFrom('figure')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  } finally {
    await database.close();
  }
}

function fakeDialogs() {
  return {
    chooseDatabaseToOpen: vi.fn(() => Promise.resolve(null)),
    chooseNewDatabasePath: vi.fn(() => Promise.resolve(null)),
    chooseCopyPath: vi.fn(() => Promise.resolve(null)),
    chooseBackup: vi.fn(() => Promise.resolve(null)),
    confirm: vi.fn(() => Promise.resolve(false)),
    showError: vi.fn((_title: string, _message: string) => Promise.resolve()),
    showInfo: vi.fn(() => Promise.resolve()),
  } satisfies FileDialogs;
}

/** The app's session on a fresh database, as File ▸ Open finds it. */
async function appSession() {
  const session = new DatabaseSession(closeAfterTest(await newDatabase(tempPath('current.db'))), {
    version: 'test',
    writer: localWriter('test'),
    emit: () => undefined,
  });
  const dialogs = fakeDialogs();
  const deps = { session, settings: settingsStore(tempPath('settings.json')), dialogs, changed: vi.fn() };
  return { session, dialogs, deps };
}

/** The session still reads and writes its own database. */
async function expectUsable(session: DatabaseSession): Promise<void> {
  const written = await dispatch(session.context(), 'glossary.create', { term: 'Still here', definition: 'yes' });
  expect(written.ok).toBe(true);
  const listed = await dispatch(session.context(), 'glossary.list', {});
  expect(listed).toMatchObject({ ok: true, value: [expect.objectContaining({ term: 'Still here' })] });
}

describe('a corrupt Boardpack file (a valid header, garbage in the middle of a page of figures)', () => {
  it('is refused on opening, before any backup of it is taken, and left as it was', async () => {
    const path = await corruptFile();
    const before = sha256(path);
    const error = await openDatabase(path, { dailyBackup: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'corrupt', where: { file: path } });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^${path.replace(/[.]/g, '\\.')} is damaged, so Boardpack cannot use it \\(SQLite found: .+\\); nothing was changed\\. Restore one of its backups: boardpack backup restore --db "`,
      ),
    );
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-backups`)).toBe(false);
    expect(readdirSync(join(path, '..')).sort()).toEqual(['corrupt.db']);
  });

  it('the advice the refusal gives works: boardpack backup restore --latest brings back a file that opens', async () => {
    const path = tempPath('restorable.db');
    await demoFile(path);
    expect((await boardpack('backup', 'create', '--db', path)).code).toBe(0);
    await corruptFile(path);
    const error = await openDatabase(path, { dailyBackup: true }).catch((caught: unknown) => caught);
    const advice = /Restore one of its backups: (boardpack backup restore --db "(.+)" --latest)$/.exec(
      (error as Error).message,
    );
    expect(advice?.[2]).toBe(path);
    const restored = await boardpack('backup', 'restore', '--db', path, '--latest');
    expect(restored.code, restored.stderr).toBe(0);
    expect(await figureCount(path)).toBe(124);
  });

  it('File ▸ Open says why, and the database that was open stays open and usable', async () => {
    const path = await corruptFile();
    const before = sha256(path);
    const { session, dialogs, deps } = await appSession();
    const current = session.location;
    expect(await openDatabaseFile(deps, path)).toBe(false);
    expect(dialogs.showError).toHaveBeenCalledWith(
      'Boardpack could not open the file',
      expect.stringMatching(/is damaged, so Boardpack cannot use it/),
    );
    expect(session.location).toBe(current);
    await expectUsable(session);
    expect(sha256(path)).toBe(before);
  });

  it('a damaged page met while working says so in words, through the API and the command line', async () => {
    const path = await corruptFile();
    // Opened as the command line's reading commands open a file, without the check.
    const database = closeAfterTest(await openDatabase(path));
    const result = await dispatch(
      { db: database.db, writer, databaseLocation: path, version: 'test' },
      'figures.list',
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'corrupt',
        message:
          'the database file is damaged: nothing was saved. Restore one of its backups ' +
          '(File ▸ Restore from backup…, or boardpack backup restore)',
      },
    });
    const compared = await boardpack(
      'compare',
      '--db',
      path,
      '--indicator',
      'Domestic burglary',
      '--base',
      'Apr-Dec 2012',
      '--current',
      'Apr-Dec 2013',
    );
    expect(compared.code).toBe(1);
    expect(compared.stderr).toMatch(/^boardpack compare: the database file is damaged: nothing was saved\./);
  });
});

/** A util-linux tool the test runs, or a failure naming the Debian package that has it. */
function utilLinux(tool: 'setpriv' | 'prlimit'): string {
  if (spawnSync(tool, ['--version']).error) throw new Error(`${tool} is not installed: install Debian's util-linux`);
  return tool;
}

interface ReadOnlyReport {
  readonly fileWritable: boolean;
  readonly openDatabase: { code: string; message: string; where: unknown } | null;
  readonly fileOpen: { switched: boolean; errors: string[][]; sessionPath: string; writeAfter: boolean };
}

describe('a read-only file', () => {
  it('is refused with why, the file untouched, the open database still usable (checked where it is truly read-only)', async () => {
    const dir = tempDir();
    const current = await demoFile(join(dir, 'current.db'));
    const readOnly = await demoFile(join(dir, 'read-only.db'));
    // Root writes through chmod 0444: as root, the check runs without the capabilities that override file
    // permissions (util-linux's setpriv), so the file is read-only to it as to anyone else, wherever the clone is.
    const asRoot = process.getuid?.() === 0;
    chmodSync(readOnly, 0o444);
    const before = sha256(readOnly);
    const child = [process.execPath, '--import', 'tsx', READ_ONLY_CHILD, current, readOnly, join(dir, 'settings.json')];
    const [command = '', ...args] = asRoot
      ? [utilLinux('setpriv'), '--bounding-set', '-dac_override,-dac_read_search,-fowner', '--', ...child]
      : child;
    const { stdout } = await promisify(execFile)(command, args, { cwd: REPO, encoding: 'utf8' });
    const report = JSON.parse(stdout) as ReadOnlyReport;
    // The check cannot pass by accident: the file really was read-only to the process that tried it.
    expect(report.fileWritable).toBe(false);
    expect(report.openDatabase).toEqual({
      code: 'io',
      message:
        `${readOnly} is read-only: Boardpack saves each change into the file as it is made, so it must be able to ` +
        "write to it. Change the file's permissions, or copy it to a folder you can write to",
      where: { file: readOnly },
    });
    expect(report.fileOpen).toEqual({
      switched: false,
      errors: [['Boardpack could not open the file', expect.stringContaining(`${readOnly}: ${readOnly} is read-only`)]],
      sessionPath: current,
      writeAfter: true,
    });
    expect(sha256(readOnly)).toBe(before);
    expect(readdirSync(dir).filter((name) => name.startsWith('read-only.db'))).toEqual(['read-only.db']);
  }, 90_000);
});

describe('a full disk', () => {
  it('SQLITE_FULL on a write says "the disk is full", saves nothing, and the file and the session carry on', async () => {
    const { db } = await apiOnDatabase();
    const context = { db, writer, databaseLocation: '', version: 'test' };
    // The connection may not grow the file: a write that needs a new page fails as on a full disk.
    await sql.raw(`pragma max_page_count = ${Number(await pragma(db, 'page_count'))}`).execute(db);
    const term = (n: number) => ({ term: `Term ${n}`, definition: `${n} `.padEnd(1000, 'x') });
    let before: unknown = null;
    let failed: { n: number; result: unknown } | null = null;
    for (let n = 1; n <= 500 && failed === null; n++) {
      before = await dispatch(context, 'glossary.list', {});
      const result = await dispatch(context, 'glossary.create', term(n));
      if (!result.ok) failed = { n, result };
    }
    if (failed === null) throw new Error('the file grew past max_page_count');
    expect(failed.result).toEqual({
      ok: false,
      error: { code: 'io', message: 'the disk is full: nothing was saved. Make room on the disk, then try again' },
    });
    expect(await pragma(db, 'integrity_check')).toBe('ok');
    expect(await dispatch(context, 'glossary.list', {})).toEqual(before);
    // Room is made: the same write now works.
    await sql.raw('pragma max_page_count = 1073741823').execute(db);
    expect(await dispatch(context, 'glossary.create', term(failed.n))).toMatchObject({ ok: true });
  });

  it('boardpack import onto a full disk says so in words, writes nothing, and works once there is room', async () => {
    const dir = tempDir();
    const db = await demoFile(join(dir, 'demo.db'));
    // Today's backup, so the import under the limit only writes to the database.
    expect((await boardpack('backup', 'create', '--db', db)).code).toBe(0);
    const csv = join(dir, 'figures.csv');
    const lines = ['indicator,area,period,value'];
    for (let index = 0; index < 20_000; index++)
      lines.push(`Domestic burglary,Area ${index % 400},${2000 + Math.floor(index / 400)}-01,${index}`);
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const args = ['import', 'figures', csv, '--db', db, '--create-missing'];
    // The child may write files of at most 256 KB: its write-ahead log fills up part-way through the import.
    const full = await limitedBoardpack(256 * 1024, args);
    expect(full.code).toBe(1);
    expect(full.stderr).toBe(
      'boardpack import figures: the disk could not be written to or read (it may be full, or a network drive ' +
        'may be gone): nothing was saved. Check the disk, then try again\n',
    );
    expect(await figureCount(db)).toBe(124);
    const roomy = await boardpack(...args);
    expect(roomy.code, roomy.stderr).toBe(0);
    expect(await figureCount(db)).toBe(124 + 20_000);
  }, 120_000);

  it('boardpack export onto a full disk leaves no file, partial or whole, and says so', async () => {
    const dir = tempDir();
    const db = await demoFile(join(dir, 'demo.db'));
    const out = join(dir, 'pack.docx');
    // The Word pack is about 67 KB; the child may write files of at most 40 KB.
    const full = await limitedBoardpack(40_000, [
      'export',
      '--db',
      db,
      '--meeting',
      '1',
      '--format',
      'docx',
      '--out',
      out,
    ]);
    expect(full.code).toBe(1);
    expect(full.stderr).toContain(
      `boardpack export: ${out}: cannot write the pack: the disk is full (or the file is larger than it allows): nothing was written\n`,
    );
    expect(readdirSync(dir).sort()).toEqual(['demo.db']);
    const roomy = await boardpack('export', '--db', db, '--meeting', '1', '--format', 'docx', '--out', out);
    expect(roomy.code, roomy.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);
});

/**
 * Runs the real bin in a child process that may write files of at most `bytes`
 * (RLIMIT_FSIZE, set by util-linux's prlimit): a write past it fails with EFBIG,
 * as a write onto a full disk fails with ENOSPC.
 */
function limitedBoardpack(bytes: number, args: readonly string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(utilLinux('prlimit'), [`--fsize=${bytes}`, process.execPath, BIN, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
  });
}
