import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEEP_BACKUPS, listBackups, restoreBackup, takeBackup } from '../../../db/backups';
import { openDatabase } from '../../../db/open-database';
import { openSqliteFile } from '../../../db/sqlite/sqlite-file';
import { boardpack } from '../../helpers/run-boardpack';
import { tempPath } from '../../helpers/temp-files';

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9, 0, 0));

/** A database holding one glossary term with the given definition. */
async function databaseWith(path: string, definition: string): Promise<void> {
  const database = await openDatabase(path, { create: true });
  await database.db.insertInto('glossaryTerm').values({ term: 'ASB', definition }).execute();
  await database.close();
}

async function definitionIn(path: string): Promise<string> {
  const database = await openDatabase(path);
  try {
    return (await database.db.selectFrom('glossaryTerm').select('definition').executeTakeFirstOrThrow()).definition;
  } finally {
    await database.close();
  }
}

async function setDefinition(path: string, definition: string): Promise<void> {
  const database = await openDatabase(path);
  await database.db.updateTable('glossaryTerm').set({ definition }).execute();
  await database.close();
}

describe('backups', () => {
  it('takes a daily backup when the file is opened, at most once a day', async () => {
    const path = tempPath();
    await databaseWith(path, 'Anti-social behaviour');
    const first = await openDatabase(path, { dailyBackup: true, now: () => day(1) });
    await first.close();
    const again = await openDatabase(path, { dailyBackup: true, now: () => new Date(day(1).getTime() + 3_600_000) });
    await again.close();
    const nextDay = await openDatabase(path, { dailyBackup: true, now: () => day(2) });
    await nextDay.close();
    expect(first.backups).toHaveLength(1);
    expect(again.backups).toEqual([]);
    expect(nextDay.backups).toHaveLength(1);
    expect(listBackups(path).map((backup) => [backup.takenAt, backup.reason])).toEqual([
      ['2026-11-02T09:00:00.000Z', 'daily'],
      ['2026-11-01T09:00:00.000Z', 'daily'],
    ]);
  });

  it(`keeps the newest ${KEEP_BACKUPS}`, async () => {
    const path = tempPath();
    await databaseWith(path, 'Anti-social behaviour');
    const sqlite = openSqliteFile(path, { create: false });
    try {
      for (let n = 1; n <= KEEP_BACKUPS + 3; n++) await takeBackup(sqlite, path, 'manual', day(n));
    } finally {
      sqlite.close();
    }
    const kept = listBackups(path);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept[0]?.takenAt).toBe(day(KEEP_BACKUPS + 3).toISOString());
    expect(kept.at(-1)?.takenAt).toBe(day(4).toISOString());
  });

  it('restores a backup after backing the current file up, and the restored file opens', async () => {
    const path = tempPath();
    await databaseWith(path, 'before');
    const sqlite = openSqliteFile(path, { create: false });
    const backup = await takeBackup(sqlite, path, 'manual', day(1));
    sqlite.close();
    await setDefinition(path, 'after');

    const safety = await restoreBackup(path, backup.file, day(2));
    expect(await definitionIn(path)).toBe('before');
    expect(safety.reason).toBe('before-restore');
    expect(await definitionIn(safety.file)).toBe('after');
  });

  it('refuses a backup that is not a Boardpack database, and leaves the file as it was', async () => {
    const path = tempPath();
    await databaseWith(path, 'kept');
    const bogus = tempPath('not-a-backup.bak');
    writeFileSync(bogus, 'this is not SQLite');
    await expect(restoreBackup(path, bogus, day(3))).rejects.toThrow(/not a Boardpack database/);
    expect(await definitionIn(path)).toBe('kept');
    expect(listBackups(path)).toEqual([]);
  });

  it('boardpack backup create, list and restore --latest', async () => {
    const path = tempPath();
    await databaseWith(path, 'first');
    const created = await boardpack('backup', 'create', '--db', path, '--format', 'json');
    expect(created.code, created.stderr).toBe(0);
    await setDefinition(path, 'second');

    const listed = await boardpack('backup', 'list', '--db', path, '--format', 'json');
    expect((JSON.parse(listed.stdout) as { reason: string }[]).map((backup) => backup.reason)).toEqual(['manual']);

    const restored = await boardpack('backup', 'restore', '--db', path, '--latest');
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(
      /^restored .*manual\.bak into .*; the file as it was is kept in .*before-restore\.bak\n$/,
    );
    expect(await definitionIn(path)).toBe('first');

    const none = await boardpack('backup', 'restore', '--db', tempPath('other.db'));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give --file BACKUP/);
  });

  it('refuses a team database, which its server backs up, without showing its password', async () => {
    const url = 'postgres://ana:s3cret@db.council.example/csp';
    for (const [kind, ...rest] of [['list'], ['create'], ['restore', '--latest']] as const) {
      const result = await boardpack('backup', kind, '--db', url, ...rest);
      expect(result.code, kind).toBe(2);
      expect(result.stderr).toContain(
        `boardpack backup ${kind}: field db: postgres://ana@db.council.example/csp is a team database: its PostgreSQL server backs it up (pg_dump), not Boardpack`,
      );
      expect(result.stderr).not.toContain('s3cret');
    }
  });
});
