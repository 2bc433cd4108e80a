import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open-database';
import { tempPath } from '../../helpers/temp-files';

/**
 * Issue 8, point 1: a child process edits the database through the real
 * dispatch and is killed with SIGKILL at a random moment, 50 times. After each
 * kill the file opens, `PRAGMA integrity_check` says ok, and every edit the child
 * reported as committed is there, with its change-log entry.
 */

const SOURCE = fileURLToPath(new URL('../../helpers/crash-editor.ts', import.meta.url));
/** Bundled once, so each of the 50 lives starts in a fraction of a second (out/ resolves node_modules). */
const EDITOR = fileURLToPath(new URL('../../../out/test/crash-editor.mjs', import.meta.url));
const KILLS = 50;

beforeAll(async () => {
  await build({
    entryPoints: [SOURCE],
    outfile: EDITOR,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', '@resvg/resvg-js'],
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
});

/** Runs the editor until it has reported `atLeast` edits, then kills it a random moment later. */
function editThenKill(args: readonly string[], start: number, atLeast: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EDITOR, ...args], {
      env: { ...process.env, CRASH_EDITOR_START: String(start) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!armed && out.split('\n').length > atLeast) {
        armed = true;
        // Within the next few transactions: before, during or after a commit.
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 12);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the editor stopped by itself: ${err}`));
      else
        resolve(
          out
            .split('\n')
            .filter((line) => /^\d+$/.test(line))
            .map(Number),
        );
    });
  });
}

describe('crash safety', () => {
  it(`keeps every committed edit and a sound file through ${KILLS} kills at random moments`, async () => {
    const path = tempPath();
    const setup = await openDatabase(path, { create: true });
    const area = await setup.db
      .insertInto('area')
      .values({ name: 'Crashville', kind: 'district', parentId: null, code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const indicator = await setup.db
      .insertInto('indicator')
      .values({
        name: 'Crash count',
        unit: 'count',
        ratePer: null,
        denominator: null,
        polarity: 'lower is better',
        source: null,
        definition: null,
        numeratorIndicatorId: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const period = await setup.db
      .insertInto('period')
      .values({ label: '2026/27', kind: 'financial year', startDate: '2026-04-01', endDate: '2027-03-31', note: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setup.close();
    const args = [path, String(indicator.id), String(area.id), String(period.id)];

    let next = 1;
    let committed = 0;
    const reportedEver: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const reported = await editThenKill(args, next, 1 + Math.floor(Math.random() * 4));
      reportedEver.push(...reported);
      const lastReported = reported.at(-1) ?? committed;
      const opened = await openDatabase(path);
      const { db } = opened;
      try {
        const integrity = await sql<{ integrityCheck: string }>`PRAGMA integrity_check`.execute(db);
        expect(integrity.rows.map((row) => Object.values(row)[0])).toEqual(['ok']);
        const terms = await db.selectFrom('glossaryTerm').select('term').where('term', 'like', 'crash %').execute();
        const present = new Set(terms.map((row) => Number(row.term.slice('crash '.length))));
        for (const edit of reportedEver) expect(present.has(edit), `edit ${edit} lost`).toBe(true);
        const figure = await db
          .selectFrom('figure')
          .select(['value'])
          .where('indicatorId', '=', indicator.id)
          .executeTakeFirstOrThrow();
        // The figure's value is the last committed edit: the reported one, or one the kill cut off after commit.
        expect(figure.value).toBeGreaterThanOrEqual(lastReported);
        committed = Math.max(lastReported, figure.value, present.size === 0 ? 0 : Math.max(...present));
      } finally {
        await opened.close();
      }
      next = committed + 1;
    }
    expect(reportedEver.length).toBeGreaterThanOrEqual(KILLS);
  }, 240_000);
});
