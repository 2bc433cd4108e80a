import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import type { Database } from '../../../db/schema/database';
import { checkDatabase } from '../../../db/services/check-database';
import { newDatabase } from '../../helpers/temp-files';
import { TEST_ENGINE } from '../../helpers/test-engine';

/**
 * `boardpack check` on either engine: the engine's own word on the stored data
 * (a file's pages and foreign keys; a team database's foreign keys, its storage
 * being its server's to check), then the figures.
 */

async function demo(): Promise<Kysely<Database>> {
  const { db } = await newDatabase();
  await loadDemoDataset(db, { actor: 'test', now: () => '2026-11-26T09:00:00.000Z' });
  return db;
}

/** Stores a figure of an area that does not exist, past the engine's own refusal (as a damaged or hand-edited database would). */
async function orphanFigure(db: Kysely<Database>): Promise<number> {
  const values = sql`(indicator_id, area_id, period_id, value, provisional, updated_at)
    select min(i.id), 9999, min(p.id), 1, 0, '2026-11-26T09:00:00.000Z' from indicator i, period p`;
  if (TEST_ENGINE === 'postgres') {
    // A superuser may switch the foreign keys' triggers off for a session, as a replica does.
    return db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      const row = await sql<{ id: number }>`insert into figure ${values} returning id`.execute(trx);
      return row.rows[0]?.id ?? 0;
    });
  }
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    const row = await sql<{ id: number }>`insert into figure ${values} returning id`.execute(db);
    return row.rows[0]?.id ?? 0;
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

describe('checkDatabase', () => {
  it('says what the engine checked of the stored data, and finds the demo’s two misprints', async () => {
    const report = await checkDatabase(await demo());
    expect(report.corrupt).toBe(false);
    expect(report.findings.find((finding) => finding.kind === 'integrity')).toEqual(
      TEST_ENGINE === 'postgres'
        ? {
            kind: 'integrity',
            status: 'unchecked',
            message: 'integrity check: a team database’s storage is checked by its PostgreSQL server, not by Boardpack',
          }
        : { kind: 'integrity', status: 'ok', message: 'integrity check: ok' },
    );
    expect(report.findings.find((finding) => finding.kind === 'foreign key')).toEqual({
      kind: 'foreign key',
      status: 'ok',
      message: 'foreign keys: ok',
    });
    expect(report.findings.filter((finding) => finding.status === 'mismatch').map((finding) => finding.kind)).toEqual([
      'stated total',
      'stated comparison',
    ]);
  });

  it('names a row whose foreign key points at nothing', async () => {
    const db = await demo();
    const id = await orphanFigure(db);
    const report = await checkDatabase(db);
    expect(report.corrupt).toBe(false);
    expect(report.findings.find((finding) => finding.kind === 'foreign key')).toEqual({
      kind: 'foreign key',
      status: 'mismatch',
      message: `foreign keys: figure row ${id} refers to a missing area`,
    });
  });
});
