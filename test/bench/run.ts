/**
 * `npm run bench`: one line per figure (name, median of several runs, budget, pass
 * or fail), separate from the tests because timings on shared machines are noisy.
 * Exits 1 when a figure is over budget.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase, type OpenDatabase } from '../../db/open-database';
import { compareFigures } from '../../db/services/compare-figures';
import { localWriter } from '../../db/writer';
import { formatMs, measure, type Measurement } from './measure';
import { buildSyntheticDatabase, MILLION } from './synthetic-database';

const folder = mkdtempSync(join(tmpdir(), 'boardpack-bench-'));
let counter = 0;
const freshDatabase = () => openDatabase(join(folder, `bench-${(counter += 1)}.db`), { create: true });
const close = (database: OpenDatabase) => database.close();

const results: Measurement[] = [];
try {
  results.push(
    await measure(
      'load the demo dataset into a new file',
      { runs: 5, budgetMs: 2000, warmup: 1 },
      freshDatabase,
      (database) => loadDemoDataset(database.db, localWriter('bench')),
      close,
    ),
  );

  let written = 0;
  results.push(
    await measure(
      `build a synthetic database of ${MILLION.areas * MILLION.indicators * MILLION.periods} figures`,
      { runs: 3, budgetMs: 15_000 },
      freshDatabase,
      async (database) => {
        written = await buildSyntheticDatabase(database.db, MILLION);
      },
      close,
    ),
  );
  if (written !== MILLION.areas * MILLION.indicators * MILLION.periods) throw new Error(`wrote ${written} figures`);

  const big = await openDatabase(join(folder, `bench-${counter}.db`));
  try {
    results.push(
      await measure(
        'compare 300 areas × 2 periods in the 1,000,000-figure database',
        { runs: 20, budgetMs: 50, warmup: 2 },
        () => Promise.resolve(big),
        async (database) => {
          const result = await compareFigures(database.db, {
            indicator: 'Indicator 17',
            base: '2023-01',
            current: '2024-01',
          });
          if (result.rows.length !== MILLION.areas + 1) throw new Error(`compared ${result.rows.length} rows`);
        },
      ),
    );
  } finally {
    await big.close();
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const nameWidth = Math.max(...results.map((result) => result.name.length));
process.stdout.write(`${'benchmark'.padEnd(nameWidth)}  ${'median'.padStart(9)}  ${'budget'.padStart(9)}  result\n`);
for (const result of results) {
  const pass = result.medianMs <= result.budgetMs;
  process.stdout.write(
    `${result.name.padEnd(nameWidth)}  ${formatMs(result.medianMs).padStart(9)}  ${formatMs(result.budgetMs).padStart(9)}  ${pass ? 'pass' : 'FAIL'}  (median of ${result.runs})\n`,
  );
}
process.exitCode = results.every((result) => result.medianMs <= result.budgetMs) ? 0 : 1;
