import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copyDatabase } from '../../../db/copy/copy-database';
import type { RawDatabase } from '../../../db/copy/raw-database';
import { insertRows } from '../../../db/copy/insert-rows';
import { MIGRATIONS } from '../../../db/migrations';
import { openDatabase } from '../../../db/open-database';
import { closeAfterTest, newDatabase, tempPath } from '../../helpers/temp-files';

/** A file whose areas each have the next one as parent: every child's id is smaller than its parent's. */
async function fileWithAreaChain(areas: number): Promise<string> {
  const path = tempPath('chain.db');
  const { db } = await newDatabase(path);
  const raw = db.withoutPlugins() as RawDatabase;
  const ids = Array.from({ length: areas }, (_, index) => index + 1);
  await insertRows(
    raw,
    'area',
    ids.map((id) => ({ id, name: `LSOA ${id}`, kind: 'lsoa' })),
  );
  await raw
    .updateTable('area')
    .set((eb) => ({ parent_id: eb('id', '+', 1) }))
    .where('id', '<', areas)
    .execute();
  return path;
}

describe('copyDatabase between files', () => {
  it('inserts a self-referencing table larger than one statement parents first', async () => {
    const from = await fileWithAreaChain(7000);
    const to = tempPath('copy.db');
    const report = await copyDatabase(from, to);
    expect(report.tables.find((table) => table.table === 'area')?.rows).toBe(7000);
    const copy = closeAfterTest(await openDatabase(to));
    const ward = await copy.db.selectFrom('area').select('parentId').where('id', '=', 1).executeTakeFirstOrThrow();
    expect(ward.parentId).toBe(2);
  }, 60_000);

  it('brings a source from an older Boardpack up to date first, backing it up, and says so', async () => {
    const names = Object.keys(MIGRATIONS).sort();
    const older = Object.fromEntries(names.slice(0, -1).map((name) => [name, MIGRATIONS[name] as never]));
    const from = tempPath('older.db');
    const old = await openDatabase(from, { create: true, migrations: older });
    await old.db
      .insertInto('glossaryTerm')
      .values({ term: 'CSP', definition: 'Community Safety Partnership' })
      .execute();
    await old.close();

    const to = tempPath('copy.db');
    const report = await copyDatabase(from, to);
    expect(report.sourceBackups).toHaveLength(1);
    expect(report.sourceBackups[0]).toContain(`before-${names.at(-1) ?? ''}`);
    const copy = closeAfterTest(await openDatabase(to));
    expect(await copy.db.selectFrom('glossaryTerm').select('term').execute()).toEqual([{ term: 'CSP' }]);
  });

  it('refuses a target file that exists, or a partial copy left beside it, writing nothing', async () => {
    const { location: from } = await newDatabase(tempPath());
    const existing = tempPath('existing.db');
    writeFileSync(existing, 'kept');
    await expect(copyDatabase(from, existing)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already exists'),
    });
    expect(readFileSync(existing, 'utf8')).toBe('kept');

    const interrupted = tempPath('interrupted.db');
    writeFileSync(`${interrupted}.partial`, 'left over');
    await expect(copyDatabase(from, interrupted)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('another copy is writing it, or one was interrupted'),
    });
    expect(existsSync(interrupted)).toBe(false);
    expect(readFileSync(`${interrupted}.partial`, 'utf8')).toBe('left over');
  });

  it('rolls back a copy that does not verify and leaves neither the file nor its partial copy', async () => {
    const { location: from, db } = await newDatabase(tempPath());
    await db.insertInto('glossaryTerm').values({ term: 'CSP', definition: 'Community Safety Partnership' }).execute();
    const to = tempPath('copy.db');
    await expect(
      copyDatabase(from, to, {
        beforeVerify: async (target) => {
          await target.updateTable('glossary_term').set({ definition: 'Community Safety Plan' }).execute();
        },
      }),
    ).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(
        /^the copy did not read back the same as the source.*glossary_term \(source 1 rows/,
      ),
    });
    expect(existsSync(to)).toBe(false);
    expect(existsSync(`${to}.partial`)).toBe(false);
  });
});
