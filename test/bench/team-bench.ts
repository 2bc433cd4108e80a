import pg from 'pg';
import { openDatabase } from '../../db/open-database';
import { compareFigures } from '../../db/services/compare-figures';
import { startPostgres } from '../helpers/postgres-server';
import { runTeamLoad, type LoadResult } from '../helpers/team-load';
import { measure, type Measurement } from './measure';
import { buildSyntheticDatabase, MILLION } from './synthetic-database';

/**
 * The team database's benchmarks (issue 9 point 6), on a throwaway PostgreSQL
 * server with durable commits, as a real server runs: the 1,000,000-figure
 * comparison beside its floor (the same figures through one plain select on a
 * pg client), and the 20-client load with its save latency.
 */

export interface TeamBench {
  readonly lines: readonly { readonly measurement: Measurement; readonly floor?: Measurement }[];
  readonly load: LoadResult;
}

const FIGURES = MILLION.areas * MILLION.indicators * MILLION.periods;

export async function benchTeamDatabase(): Promise<TeamBench> {
  const server = await startPostgres({ durable: true });
  try {
    const admin = new pg.Client(server.urlFor('postgres'));
    await admin.connect();
    await admin.query('create database bench_million');
    await admin.query('create database bench_load');
    await admin.end();

    const million = server.urlFor('bench_million');
    const big = await openDatabase(million, { create: true });
    const raw = new pg.Client(million);
    await raw.connect();
    try {
      const started = performance.now();
      const written = await buildSyntheticDatabase(big.db, MILLION);
      if (written !== FIGURES) throw new Error(`wrote ${written} figures, not ${FIGURES}`);
      const build: Measurement = {
        name: `build the ${FIGURES.toLocaleString('en-GB')}-figure database on PostgreSQL (once)`,
        runs: 1,
        medianMs: performance.now() - started,
        budgetMs: Number.POSITIVE_INFINITY,
      };
      await raw.query('analyze');
      const request = { indicator: 'Indicator 17', base: '2023-01', current: '2024-01' };
      const first = await compareFigures(big.db, request);
      if (first.rows.length !== MILLION.areas + 1) throw new Error(`compared ${first.rows.length} rows`);
      const compare = await measure(
        `compare ${MILLION.areas} areas × 2 periods in the ${FIGURES.toLocaleString('en-GB')}-figure PostgreSQL database`,
        { runs: 20, budgetMs: 50, warmup: 2 },
        () => Promise.resolve(big),
        (database) => compareFigures(database.db, request),
      );
      const floor = await measure(
        'floor: the same figures through one plain select on a pg client',
        { runs: 20, budgetMs: Number.POSITIVE_INFINITY, warmup: 2 },
        () => Promise.resolve(raw),
        (client) =>
          client.query(
            'select area_id, period_id, value, provisional from figure where indicator_id = $1 and period_id in ($2, $3)',
            [first.indicator.id, first.base.id, first.current.id],
          ),
      );

      const loadUrl = server.urlFor('bench_load');
      const loadDatabase = await openDatabase(loadUrl, { create: true });
      await buildSyntheticDatabase(loadDatabase.db, { areas: 20, indicators: 10, periods: 10 });
      await loadDatabase.close();
      const load = await runTeamLoad({ url: loadUrl, clients: 20, editsPerClient: 500, hotFigures: 50 });
      if (load.problems.length > 0) throw new Error(`the load lost updates: ${load.problems.join('; ')}`);
      const p95: Measurement = {
        name: `save a figure, 20 clients × 500 edits at once (p95 of ${load.edits.toLocaleString('en-GB')})`,
        runs: load.edits,
        medianMs: load.latency.p95Ms,
        budgetMs: 250,
      };
      return { lines: [{ measurement: build }, { measurement: compare, floor }, { measurement: p95 }], load };
    } finally {
      await raw.end();
      await big.close();
    }
  } finally {
    server.stop();
  }
}
