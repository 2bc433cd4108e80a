import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COPY_TABLES, MIGRATION_TABLES } from '../../../db/copy/copy-tables';
import type { RawDatabase } from '../../../db/copy/raw-database';
import { copyDatabase, type CopyReport } from '../../../db/copy/copy-database';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import { openDatabase, type OpenDatabase } from '../../../db/open-database';
import type { Database } from '../../../db/schema/database';
import { dispatch, type DispatchContext } from '../../../electron/api/dispatch';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import { boardpack, boardpackProcess } from '../../helpers/run-boardpack';
import { suitePath, tempPath } from '../../helpers/temp-files';
import { asPostgresAdmin, newPostgresDatabase, postgresUrlFor } from '../../helpers/test-engine';

const MARCH_2014 = 1;
const PDF_PAGES = 2;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database opened by the test, closed after it. */
async function opened(location: string): Promise<OpenDatabase> {
  const database = await openDatabase(location);
  cleanups.push(() => database.close());
  return database;
}

/** A database on the test server (migrated, or with no tables at all), dropped after the test. */
async function teamDatabase(options: { empty?: boolean } = {}): Promise<{ url: string; name: string }> {
  const created = await newPostgresDatabase(options);
  cleanups.push(() => created.drop());
  return created;
}

async function tablesOf(name: string): Promise<string[]> {
  return asPostgresAdmin(async (client) => {
    const result = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
    );
    return result.rows.map((row) => row.name);
  }, name);
}

/** Calls methods through the real dispatcher on an open database, as the app does. */
function apiOn(database: OpenDatabase) {
  const context: DispatchContext = {
    db: database.db,
    writer: { actor: 'secretary', now: () => '2026-11-26T10:00:00.000Z' },
    databaseLocation: database.location,
    version: '0.0.0-test',
  };
  return async <Name extends MethodName>(name: Name, input: InputOf<Name>): Promise<OutputOf<Name>> => {
    const result = await dispatch(context, name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as OutputOf<Name>;
  };
}

let demoFile = '';
let pdfBytes = Buffer.alloc(0);

/**
 * The demo database as a file, with what the demo alone lacks: a partner's PDF,
 * an issued pack, a note and its conflicting copy (whose id sorts before the
 * note it copies), an area whose parent has a larger id than itself, aliases
 * whose order depends on case, and police.uk counts filling more than one
 * page of a composite text key.
 */
beforeAll(async () => {
  demoFile = suitePath('demo.db');
  const database = await openDatabase(demoFile, { create: true });
  try {
    await loadDemoDataset(database.db, { actor: 'test', now: () => '2026-11-26T09:00:00.000Z' });
    const call = apiOn(database);
    const pdf = await PDFDocument.create();
    for (let page = 0; page < PDF_PAGES; page += 1) pdf.addPage().drawText(`Thames Valley Police page ${page + 1}`);
    pdfBytes = Buffer.from(await pdf.save());
    await call('attachments.add', { title: 'TVP report', fileName: 'tvp.pdf', base64: pdfBytes.toString('base64') });
    await call('pack.issue', { meetingId: MARCH_2014 });

    const raw = database.db.withoutPlugins() as RawDatabase;
    const { id: uk } = (await raw
      .insertInto('area')
      .values({ name: 'United Kingdom', kind: 'country' })
      .returning('id')
      .executeTakeFirstOrThrow()) as { id: number };
    await raw.updateTable('area').set({ parent_id: uk }).where('name', '=', 'England').execute();
    await raw
      .insertInto('area_alias')
      .values([
        { alias: 'aylesbury town', area_id: 5 },
        { alias: 'High Wycombe', area_id: 7 },
      ])
      .execute();
    const note = {
      meeting_id: MARCH_2014,
      target_kind: 'item',
      target_ref: 'item:1',
      author: 'Chair',
      kind: 'comment',
      created_at: '2026-11-26T09:30:00.000Z',
      updated_at: '2026-11-26T09:30:00.000Z',
    };
    await raw
      .insertInto('annotation')
      .values({ ...note, id: 'zz-original', text: 'Burglary is down by a fifth' })
      .execute();
    await raw
      .insertInto('annotation')
      .values({ ...note, id: 'aa-conflict', text: 'Burglary is down by 20%', conflict_of: 'zz-original' })
      .execute();
    await raw
      .insertInto('police_month')
      .values({
        id: 1,
        month: '2024-01',
        reported_by: 'Thames Valley Police',
        file: '2024-01-thames-valley-street.csv',
        rows_read: 3000,
        rows_counted: 2990,
        rows_outside_areas: 6,
        rows_without_lsoa: 4,
        imported_at: '2024-03-01T09:00:00.000Z',
      })
      .execute();
    const crimeTypes = Array.from({ length: 300 }, (_, index) => (index % 2 ? `crime ${index}` : `Crime ${index}`));
    await raw
      .insertInto('police_count')
      .values(
        crimeTypes.flatMap((crimeType, index) =>
          [5, 6, 7, 8, 9, 10, 11].map((areaId) => ({
            police_month_id: 1,
            crime_type: crimeType,
            area_id: areaId,
            count: index + areaId,
          })),
        ),
      )
      .execute();
  } finally {
    await database.close();
  }
}, 60_000);

/** Every row of every copied table of a file, as sqlite3 dumps it, sorted: an independent reading of its content. */
function dumpedRows(file: string): string[] {
  const dump = execFileSync('sqlite3', [file, '.dump'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return dump
    .split('\n')
    .filter((line) => line.startsWith('INSERT INTO') && !/kysely_migration|sqlite_sequence/.test(line))
    .sort();
}

function parseReport(stdout: string): CopyReport {
  return JSON.parse(stdout) as CopyReport;
}

describe('COPY_TABLES, against the tables the migrations create on PostgreSQL', () => {
  it('names every table with its primary key, generated id and self-reference, and lists them in foreign-key order', async () => {
    const { name } = await teamDatabase();
    const facts = await asPostgresAdmin(async (client) => {
      const keys = await client.query<{ table: string; column: string; type: string; identity: string }>(`
        select k.table_name as table, k.column_name as column, c.data_type as type, c.is_identity as identity
        from information_schema.table_constraints t
        join information_schema.key_column_usage k using (constraint_schema, constraint_name, table_name)
        join information_schema.columns c on c.table_schema = k.table_schema and c.table_name = k.table_name
          and c.column_name = k.column_name
        where t.constraint_type = 'PRIMARY KEY' and t.table_schema = 'public'
        order by k.table_name, k.ordinal_position`);
      const references = await client.query<{ table: string; column: string; refers_to: string }>(`
        select cl.relname as table, a.attname as column, rl.relname as refers_to
        from pg_constraint co
        join pg_class cl on cl.oid = co.conrelid
        join pg_class rl on rl.oid = co.confrelid
        join pg_attribute a on a.attrelid = co.conrelid and a.attnum = co.conkey[1]
        where co.contype = 'f' and cl.relnamespace = 'public'::regnamespace`);
      return { keys: keys.rows, references: references.rows };
    }, name);
    const tables = [...new Set(facts.keys.map((key) => key.table))].filter(
      (table) => !MIGRATION_TABLES.includes(table),
    );
    const found = tables.map((table) => {
      const key = facts.keys.filter((row) => row.table === table);
      return {
        name: table,
        key: Object.fromEntries(key.map((row) => [row.column, row.type === 'text' ? 'text' : 'integer'])),
        generatedId: key.some((row) => row.identity === 'YES'),
        parent: facts.references.find((row) => row.table === table && row.refers_to === table)?.column,
      };
    });
    const declared = COPY_TABLES.map((table) => ({
      name: table.name,
      key: { ...table.key },
      generatedId: table.generatedId === true,
      parent: table.parent,
    }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(found.sort(byName)).toEqual(declared.sort(byName));
    expect(await tablesOf(name)).toEqual(
      [...COPY_TABLES.map((table) => table.name), ...MIGRATION_TABLES].sort((a, b) => (a < b ? -1 : 1)),
    );

    const position = new Map(COPY_TABLES.map((table, index) => [table.name, index]));
    const outOfOrder = facts.references
      .filter((row) => row.refers_to !== row.table)
      .filter((row) => (position.get(row.refers_to) ?? -1) > (position.get(row.table) ?? -1))
      .map((row) => `${row.table} refers to ${row.refers_to}, listed after it`);
    expect(outOfOrder).toEqual([]);
  });
});

describe('boardpack copy', () => {
  it('moves the demo database to PostgreSQL and back with identical content, through the bin', async () => {
    const team = await teamDatabase({ empty: true });
    const back = tempPath('back.db');

    const up = await boardpackProcess('copy', '--from', demoFile, '--to', team.url, '--format', 'json');
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    const down = await boardpackProcess('copy', '--from', team.url, '--to', back, '--format', 'json');
    expect(down.stderr).toBe('');
    expect(down.code).toBe(0);

    const there = parseReport(up.stdout);
    const returned = parseReport(down.stdout);
    expect(there.to).toBe(team.url.replace(/:[^:@/]*@/, '@'));
    expect(there.tables.map((table) => table.table)).toEqual(COPY_TABLES.map((table) => table.name));
    // What was read from the file and what was read from PostgreSQL: the same rows, table by table.
    expect(returned.tables).toEqual(there.tables);
    const rows = Object.fromEntries(there.tables.map((table) => [table.table, table.rows]));
    expect(rows).toMatchObject({ area: 12, figure: 124, attachment: 1, pack_version: 1, annotation: 2 });
    expect(rows.police_count).toBe(2100);
    expect(there.rows).toBe(there.tables.reduce((sum, table) => sum + table.rows, 0));
    // And read independently, by sqlite3: the file that came back holds exactly the rows of the original.
    const original = dumpedRows(demoFile);
    expect(original).toHaveLength(there.rows);
    expect(dumpedRows(back)).toEqual(original);
    expect(existsSync(`${back}.partial`)).toBe(false);

    const teamCopy = await opened(team.url);
    const burglary = await teamCopy.db
      .selectFrom('figure')
      .innerJoin('indicator', 'indicator.id', 'figure.indicatorId')
      .innerJoin('area', 'area.id', 'figure.areaId')
      .innerJoin('period', 'period.id', 'figure.periodId')
      .select(['period.label', 'figure.value'])
      .where('indicator.name', '=', 'Domestic burglary')
      .where('area.name', '=', 'Wycombe')
      .orderBy('period.startDate')
      .execute();
    expect(burglary).toEqual([
      { label: 'Apr-Dec 2012', value: 367 },
      { label: 'Apr-Dec 2013', value: 201 },
    ]);
    const funding = await teamCopy.db
      .selectFrom('fundingLine')
      .select('amountPence')
      .where('description', '=', 'Independent Domestic Violence Advocates')
      .executeTakeFirstOrThrow();
    expect(funding.amountPence).toBe(7_500_000);
    for (const database of [teamCopy, await opened(back)]) {
      const attachment = await database.db.selectFrom('attachment').select('blob').executeTakeFirstOrThrow();
      expect(Buffer.from(attachment.blob).equals(pdfBytes)).toBe(true);
    }
    const file = await opened(demoFile);
    const identity = await file.db.selectFrom('databaseIdentity').selectAll().execute();
    expect(await teamCopy.db.selectFrom('databaseIdentity').selectAll().execute()).toEqual(identity);

    // The ids go on from the largest copied, on the team database as in the file.
    const largest = await teamCopy.db
      .selectFrom('glossaryTerm')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const added = await teamCopy.db
      .insertInto('glossaryTerm')
      .values({ term: 'Team database', definition: 'The partnership database on a PostgreSQL server' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(added.id).toBe(Number(largest.id) + 1);
  }, 120_000);

  it('answers the same comparison through the app API on the team database as on the file', async () => {
    const team = await teamDatabase({ empty: true });
    await copyDatabase(demoFile, team.url);
    const onFile = apiOn(await opened(demoFile));
    const onTeam = apiOn(await opened(team.url));
    const question = { indicator: 'Domestic burglary', base: 'Apr-Dec 2012', current: 'Apr-Dec 2013' };
    const fromFile = await onFile('comparison.compare', question);
    const fromTeam = await onTeam('comparison.compare', question);
    expect(fromTeam).toEqual(fromFile);
    expect(JSON.stringify(fromTeam)).toContain('Wycombe');
    expect(await onTeam('attachments.list', {})).toEqual(await onFile('attachments.list', {}));
    expect(await onTeam('meetings.list', {})).toEqual(await onFile('meetings.list', {}));
  }, 60_000);

  it('refuses a team database that is not empty, and leaves it as it was', async () => {
    const { url } = await teamDatabase();
    const team = await opened(url);
    await team.db
      .insertInto('glossaryTerm')
      .values({ term: 'CSP', definition: 'Community Safety Partnership' })
      .execute();
    const before = await team.db.selectFrom('databaseIdentity').selectAll().execute();

    const refused = await boardpack('copy', '--from', demoFile, '--to', url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^boardpack copy: .*is not empty \(\d+ tables\).*\n$/);
    expect(refused.stderr.split('\n')).toHaveLength(2);
    expect(refused.stdout).toBe('');
    expect(await team.db.selectFrom('glossaryTerm').select('term').execute()).toEqual([{ term: 'CSP' }]);
    expect(await team.db.selectFrom('databaseIdentity').selectAll().execute()).toEqual(before);
    expect(await team.db.selectFrom('figure').select('id').execute()).toEqual([]);
  });

  it('rolls back a copy that does not verify, leaving the team database empty, and copies into it afterwards', async () => {
    const team = await teamDatabase({ empty: true });
    const failing = copyDatabase(demoFile, team.url, {
      beforeVerify: async (target) => {
        await target.updateTable('figure').set({ value: 368 }).where('value', '=', 367).execute();
      },
    });
    await expect(failing).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/did not read back the same as the source.*figure \(source 124 rows/),
    });
    expect(await tablesOf(team.name)).toEqual([]);

    const copied = await copyDatabase(demoFile, team.url);
    expect(copied.tables.find((table) => table.table === 'figure')?.rows).toBe(124);
  }, 60_000);

  it('rolls back a copy into a file that does not verify, leaving no file behind', async () => {
    const team = await teamDatabase({ empty: true });
    await copyDatabase(demoFile, team.url);
    const file = tempPath('back.db');
    const failing = copyDatabase(team.url, file, {
      beforeVerify: async (target) => {
        await target.deleteFrom('annotation').where('id', '=', 'aa-conflict').execute();
      },
    });
    await expect(failing).rejects.toMatchObject({ message: expect.stringMatching(/annotation \(source 2 rows/) });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
  }, 60_000);

  it('refuses the same database, a file that exists, a server it cannot reach and a source that is not Boardpack’s', async () => {
    const team = await teamDatabase({ empty: true });
    const other = postgresUrlFor(team.name, { name: 'someone', password: 'else' });
    const existing = tempPath('existing.db');
    writeFileSync(existing, 'a note, not a database');
    const fromEmpty = tempPath('from-empty.db');
    const notOurs = tempPath('notes.txt');
    writeFileSync(notOurs, 'minutes of the last meeting');
    const foreign = await teamDatabase({ empty: true });
    await asPostgresAdmin((client) => client.query('create table ledger (id integer primary key)'), foreign.name);

    const cases: [string[], RegExp][] = [
      [['--from', demoFile, '--to', `${demoFile}/../demo.db`], /are the same database/],
      [['--from', team.url, '--to', other], /are the same database/],
      [['--from', demoFile, '--to', existing], /already exists/],
      [['--from', demoFile, '--to', 'postgres://nobody@127.0.0.1:1/boardpack'], /cannot reach the team database/],
      [['--from', notOurs, '--to', team.url], /not a Boardpack database/],
      [['--from', foreign.url, '--to', team.url], /not a Boardpack database/],
      [['--from', team.url, '--to', fromEmpty], /holds no Boardpack data yet/],
    ];
    for (const [args, message] of cases) {
      const refused = await boardpack('copy', ...args);
      expect({ args, code: refused.code, stdout: refused.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(refused.stderr).toMatch(message);
      expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(await tablesOf(team.name)).toEqual([]);
    }
    expect(readFileSync(existing, 'utf8')).toBe('a note, not a database');
    expect(existsSync(`${existing}.partial`)).toBe(false);
    expect(existsSync(fromEmpty)).toBe(false);
    expect(existsSync(`${fromEmpty}.partial`)).toBe(false);
    expect(await tablesOf(foreign.name)).toEqual(['ledger']);
  }, 60_000);

  it('keeps text keys in byte order on a server that sorts text by language', async () => {
    const name = `bp_icu_${Date.now()}`;
    await asPostgresAdmin((client) =>
      client.query(`create database ${name} locale_provider icu icu_locale 'en-GB' template template0`),
    );
    cleanups.push(() => asPostgresAdmin((client) => client.query(`drop database ${name} with (force)`)).then(() => {}));
    const url = postgresUrlFor(name);
    const copied = await copyDatabase(demoFile, url);
    expect(copied.tables.find((table) => table.table === 'area_alias')?.rows).toBe(8);
    const team = await opened(url);
    const byLanguage = await sql<{ alias: string }>`select alias from area_alias order by alias`.execute(team.db);
    const byByte = await sql<{ alias: string }>`select alias from area_alias order by alias collate "C"`.execute(
      team.db,
    );
    // The server's own order differs from SQLite's, which is what the copy had to allow for.
    expect(byLanguage.rows.map((row) => row.alias)).not.toEqual(byByte.rows.map((row) => row.alias));
  }, 60_000);
});

describe('boardpack copy --format text', () => {
  it('prints a line per table with its rows and checksum, and the totals', async () => {
    const team = await teamDatabase({ empty: true });
    const copied = await boardpack('copy', '--from', demoFile, '--to', team.url);
    expect(copied.code).toBe(0);
    const lines = copied.stdout.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^Copied .*demo\\.db to postgres://boardpack_admin@127\\.0\\.0\\.1:\\d+/bp_\\w+: \\d+ rows in ${COPY_TABLES.length} tables`,
      ),
    );
    expect(copied.stdout).not.toContain('boardpack-admin-test');
    expect(lines).toContainEqual(expect.stringMatching(/^figure +124 {2}[0-9a-f]{12}$/));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${COPY_TABLES.length} tables +\\d+$`)));
    const database: Kysely<Database> = (await opened(team.url)).db;
    expect(await database.selectFrom('figure').select('id').execute()).toHaveLength(124);
  }, 60_000);
});
