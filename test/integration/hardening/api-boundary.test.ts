import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type DispatchContext } from '../../../electron/api/dispatch';
import { JobRunner, spawnTypeScriptWorker } from '../../../electron/jobs/job-runner';
import { loadDemoDataset } from '../../../db/demo/load-demo';
import { METHOD_NAMES } from '../../../shared/api/contract';
import { ERROR_CODES } from '../../../shared/errors';
import { openDatabase, type OpenDatabase } from '../../../db/open-database';
import { suitePath } from '../../helpers/temp-files';

/**
 * Issue 8, point 4: random and malformed payloads sent to every API method
 * through dispatch, the path both transports (Electron's IPC and the preview's
 * HTTP bridge) take. Every refusal is a typed error with a sentence, nothing
 * crashes into an 'internal' error, and a refused call writes nothing.
 */

/** Names our payloads use, so random objects often carry the right keys with the wrong values. */
const KEYS = [
  'id',
  'ids',
  'changes',
  'where',
  'name',
  'title',
  'spec',
  'meetingId',
  'version',
  'format',
  'indicatorId',
  'areaId',
  'periodId',
  'value',
  'figures',
  'jobId',
  'job',
  'source',
  'kind',
  'heldOn',
  'itemIds',
  'content',
  'mapping',
  'base64',
  'fileName',
  'purpose',
  'view',
  'from',
  'to',
] as const;

const payload = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom(...KEYS), fc.anything(), { maxKeys: 4 }),
  fc.dictionary(
    fc.constantFrom(...KEYS),
    fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.double(), fc.array(fc.integer(), { maxLength: 3 })),
    { maxKeys: 4 },
  ),
);

let context: DispatchContext;
let database: OpenDatabase;

/** Rows changed on this connection since it opened: every write the handlers make goes through it. */
async function changes(): Promise<number> {
  const result = await sql<{ n: number }>`select total_changes() as n`.execute(context.db);
  return result.rows[0]?.n ?? 0;
}

beforeAll(async () => {
  const path = suitePath();
  // Open for the whole file (newDatabase would close it after the first test).
  database = await openDatabase(path, { create: true });
  const { db } = database;
  await loadDemoDataset(db, { actor: 'test', now: () => '2026-11-26T09:00:00.000Z' });
  context = {
    db,
    jobs: new JobRunner(spawnTypeScriptWorker, () => undefined),
    writer: { actor: 'fuzz', now: () => '2026-11-26T10:00:00.000Z' },
    databaseLocation: path,
    version: '0.0.0-test',
  };
}, 60_000);

afterAll(() => database.close());

describe('the API boundary under random payloads', () => {
  it.each(METHOD_NAMES.map((name) => [name]))('%s: a typed error, never a crash, nothing written', async (name) => {
    await fc.assert(
      fc.asyncProperty(payload, async (input) => {
        const before = await changes();
        const result = await dispatch(context, name, input);
        if (result.ok) return; // a random payload that happens to be valid (an empty filter) may succeed
        expect(ERROR_CODES).toContain(result.error.code);
        expect(result.error.code, result.error.message).not.toBe('internal');
        expect(result.error.message.length).toBeGreaterThan(0);
        expect(await changes()).toBe(before);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a method that is not in the contract, whatever its payload', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((name) => !(METHOD_NAMES as readonly string[]).includes(name)),
        payload,
        async (name, input) => {
          const result = await dispatch(context, name, input);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe('invalid-input');
        },
      ),
      { numRuns: 200 },
    );
  });
});
