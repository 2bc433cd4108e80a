import { readdirSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { openDatabase } from '../../../db/open-database';
import type { Database } from '../../../db/schema/database';
import { closeAfterTest, newDatabase, tempPath } from '../../helpers/temp-files';

async function pragma(db: Kysely<Database>, name: string): Promise<unknown> {
  const result = await sql.raw(`pragma ${name}`).execute(db);
  return Object.values(result.rows[0] as object)[0];
}

describe('openDatabase', () => {
  it('creates a Boardpack file in WAL mode with foreign keys enforced and a busy timeout', async () => {
    const { db } = await newDatabase();
    expect(await pragma(db, 'journal_mode')).toBe('wal');
    expect(await pragma(db, 'foreign_keys')).toBe(1);
    expect(await pragma(db, 'busy_timeout')).toBe(5000);
    expect(await pragma(db, 'application_id')).toBe(0x42504b31);
  });

  it('applies every bundled migration to a new file', async () => {
    const { db } = await newDatabase();
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS).sort());
    const tables = await db.introspection.getTables();
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['figure', 'plan', 'priority', 'activity', 'change_log', 'grant_award', 'annotation']),
    );
  });

  it('bundles every migration file in the folder, so none is forgotten', () => {
    const folder = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));
    const files = readdirSync(folder)
      .filter((name) => /^\d{4}-.+\.ts$/.test(name))
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(MIGRATIONS).sort()).toEqual(files);
  });

  it('refuses to create over an existing file', async () => {
    const path = tempPath();
    await (await newDatabase(path)).close();
    await expect(openDatabase(path, { create: true })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a path that does not exist unless asked to create it', async () => {
    const path = tempPath('missing.db');
    await expect(openDatabase(path)).rejects.toMatchObject({ code: 'not-found', where: { file: path } });
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a file that is not SQLite, and leaves it untouched', async () => {
    const path = tempPath('notes.db');
    writeFileSync(path, 'Board minutes, not a database\n');
    await expect(openDatabase(path)).rejects.toMatchObject({ code: 'not-a-boardpack-file' });
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it("refuses another application's SQLite file", async () => {
    const path = tempPath('other.db');
    const other = new BetterSqlite3(path);
    other.exec('create table budget (id integer primary key, amount integer)');
    other.close();
    await expect(openDatabase(path)).rejects.toMatchObject({ code: 'not-a-boardpack-file' });
  });

  it('refuses a file written by a newer version of Boardpack', async () => {
    const path = tempPath();
    const database = await newDatabase(path);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', ${new Date().toISOString()})`.execute(
      database.db,
    );
    await database.close();
    await expect(openDatabase(path)).rejects.toMatchObject({
      code: 'newer-version',
      message: expect.stringContaining('newer version of Boardpack'),
    });
  });

  it('backs the file up before applying a pending migration, and the backup holds the old data', async () => {
    const path = tempPath();
    const first = await newDatabase(path);
    await first.db
      .insertInto('glossaryTerm')
      .values({ term: 'IDVA', definition: 'Independent Domestic Violence Advocate' })
      .execute();
    await first.close();

    const addSource: Migration = {
      up: async (db) => {
        await db.schema.alterTable('glossary_term').addColumn('source', 'text').execute();
      },
    };
    const next = { ...MIGRATIONS, '9000-add-glossary-source': addSource };
    const reopened = closeAfterTest(
      await openDatabase(path, { migrations: next, now: () => new Date('2026-11-26T10:00:00Z') }),
    );
    expect(reopened.backups).toHaveLength(1);
    const backup = reopened.backups[0] as string;
    expect(backup).toContain('before-9000-add-glossary-source');

    const copy = new BetterSqlite3(backup, { readonly: true });
    expect(copy.prepare('select term from glossary_term').all()).toEqual([{ term: 'IDVA' }]);
    expect(
      copy.prepare("select count(*) as n from pragma_table_info('glossary_term') where name = 'source'").get(),
    ).toEqual({ n: 0 });
    copy.close();
  });

  it('takes no backup when nothing is pending', async () => {
    const path = tempPath();
    await (await newDatabase(path)).close();
    const reopened = closeAfterTest(await openDatabase(path));
    expect(reopened.backups).toEqual([]);
  });
});
