import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database';
import { listAreas } from '../../../db/repositories/areas';
import { listIndicators } from '../../../db/repositories/indicators';
import { listGlossaryTerms } from '../../../db/repositories/pack-sources';
import type { Database } from '../../../db/schema/database';
import { closeAfterTest, newDatabase } from '../../helpers/temp-files';
import { newPostgresDatabase, TEST_ENGINE } from '../../helpers/test-engine';

/**
 * Names are listed in the same order on both engines: byte by byte, as SQLite
 * compares text, even on a team database created with a language's collation
 * (a council's server is usually set up for en_GB, which puts "alcohol" before
 * "ASB"). The board pack lists indicators and glossary terms in this order.
 */

const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops.splice(0)) await drop();
});

/** A new database: a file, or a team database whose text collation is British English (ICU). */
async function databaseInEnglishOrder(): Promise<Kysely<Database>> {
  if (TEST_ENGINE === 'sqlite') return (await newDatabase()).db;
  const created = await newPostgresDatabase({ empty: true, icuLocale: 'en-GB' });
  drops.push(() => created.drop());
  return closeAfterTest(await openDatabase(created.url, { create: true })).db;
}

// Byte order: capitals before small letters, "-" (0x2D) before letters.
const BYTE_ORDER = ['ASB incidents', 'Anti-social behaviour', 'Antisocial driving', 'Zebra crossings', 'alcohol'];

describe('text order', () => {
  it('lists indicators, area aliases and glossary terms byte by byte, whatever the collation', async () => {
    const db = await databaseInEnglishOrder();
    const shuffled = [...BYTE_ORDER].reverse();
    await db
      .insertInto('indicator')
      .values(shuffled.map((name) => ({ name, unit: 'count', polarity: 'lower is better' })))
      .execute();
    await db
      .insertInto('glossaryTerm')
      .values(shuffled.map((term) => ({ term, definition: `${term}, defined` })))
      .execute();
    const { id: areaId } = await db
      .insertInto('area')
      .values({ name: 'Buckinghamshire', kind: 'county', parentId: null, code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('areaAlias')
      .values(shuffled.map((alias) => ({ alias, areaId })))
      .execute();

    expect((await listIndicators(db)).map((indicator) => indicator.name)).toEqual(BYTE_ORDER);
    expect((await listGlossaryTerms(db)).map((entry) => entry.term)).toEqual(BYTE_ORDER);
    expect((await listAreas(db))[0]?.aliases).toEqual(BYTE_ORDER);
  });
});
