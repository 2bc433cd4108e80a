/**
 * `npm run bench`: one line per figure (name, median of several runs, budget, pass
 * or fail, and where there is one, the ratio to a floor measured in the same run),
 * separate from the tests because timings on shared machines are noisy.
 * Exits 1 when a figure is over budget. `npm run bench -- --only pack` (or a
 * comma-separated list of demo, million, police, renderer, pack, team) runs only those groups.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase, type OpenDatabase } from '../../db/open-database';
import { compareFigures } from '../../db/services/compare-figures';
import { localWriter } from '../../db/writer';
import { insertFloor, selectFloor } from './floors';
import { formatMs, measure, type Measurement } from './measure';
import { benchPoliceImport, POLICE_RSS_BUDGET_MB, type PoliceBench } from './police-import-bench';
import { benchPackExport, benchSyntheticPack } from './pack-export-bench';
import { benchRenderer, type RendererBench } from './renderer-bench';
import { buildSyntheticDatabase, MILLION } from './synthetic-database';
import { benchTeamDatabase, type TeamBench } from './team-bench';

const GROUPS = ['demo', 'million', 'police', 'renderer', 'pack', 'team'] as const;
type Group = (typeof GROUPS)[number];

/** The groups `--only` names, or every group. */
function chosenGroups(args: readonly string[]): ReadonlySet<Group> {
  const at = args.indexOf('--only');
  if (at < 0) return new Set(GROUPS);
  const names = (args[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !(GROUPS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    process.stderr.write(`--only takes one or more of ${GROUPS.join(', ')}, not "${args[at + 1] ?? ''}"\n`);
    process.exit(2);
  }
  return new Set(names as Group[]);
}
const groups = chosenGroups(process.argv.slice(2));

const folder = mkdtempSync(join(tmpdir(), 'boardpack-bench-'));
let counter = 0;
const nextPath = () => join(folder, `bench-${(counter += 1)}.db`);
const freshDatabase = () => openDatabase(nextPath(), { create: true });
const close = (database: OpenDatabase) => database.close();
const FIGURES = MILLION.areas * MILLION.indicators * MILLION.periods;

interface Line {
  readonly measurement: Measurement;
  readonly floor?: Measurement;
}

const lines: Line[] = [];
let police: PoliceBench | undefined;
let renderer: RendererBench | undefined;
let team: TeamBench | undefined;
try {
  if (groups.has('demo')) {
    lines.push({
      measurement: await measure(
        'load the demo dataset into a new file',
        { runs: 5, budgetMs: 2000, warmup: 1 },
        freshDatabase,
        (database) => loadDemoDataset(database.db, localWriter('bench')),
        close,
      ),
    });
  }
  if (groups.has('million')) await benchMillion();
  if (groups.has('police')) {
    police = await benchPoliceImport(folder);
    lines.push({ measurement: police.measurement, floor: police.floor });
  }
  if (groups.has('renderer')) {
    renderer = await benchRenderer(folder);
    lines.push(...renderer.lines);
  }
  if (groups.has('pack')) {
    for (const measurement of await benchPackExport(nextPath())) lines.push({ measurement });
    lines.push(...(await benchSyntheticPack()));
  }
  if (groups.has('team')) {
    team = await benchTeamDatabase();
    lines.push(...team.lines);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

/** The 1,000,000-figure database: building it, and one comparison against it. */
async function benchMillion(): Promise<void> {
  let written = 0;
  const build = await measure(
    `build a synthetic database of ${FIGURES.toLocaleString('en-GB')} figures`,
    { runs: 3, budgetMs: 15_000 },
    freshDatabase,
    async (database) => {
      written = await buildSyntheticDatabase(database.db, MILLION);
    },
    close,
  );
  if (written !== FIGURES) throw new Error(`wrote ${written} figures, not ${FIGURES}`);
  const bigPath = join(folder, `bench-${counter}.db`);
  const buildFloor = await measure(
    'floor: the same rows through one prepared statement',
    { runs: 3, budgetMs: Number.POSITIVE_INFINITY },
    () => Promise.resolve(nextPath()),
    (path) => Promise.resolve(insertFloor(path, MILLION)),
  );
  lines.push({ measurement: build, floor: buildFloor });

  const big = await openDatabase(bigPath);
  const raw = new BetterSqlite3(bigPath, { readonly: true });
  try {
    const request = { indicator: 'Indicator 17', base: '2023-01', current: '2024-01' };
    const first = await compareFigures(big.db, request);
    if (first.rows.length !== MILLION.areas + 1) throw new Error(`compared ${first.rows.length} rows`);
    const compare = await measure(
      `compare ${MILLION.areas} areas × 2 periods in the ${FIGURES.toLocaleString('en-GB')}-figure database`,
      { runs: 20, budgetMs: 50, warmup: 2 },
      () => Promise.resolve(big),
      (database) => compareFigures(database.db, request),
    );
    const ids = [first.indicator.id, first.base.id, first.current.id] as const;
    const compareFloor = await measure(
      'floor: the same figures through one prepared select',
      { runs: 20, budgetMs: Number.POSITIVE_INFINITY, warmup: 2 },
      () => Promise.resolve(raw),
      (sqlite) => Promise.resolve(selectFloor(sqlite, ids[0], [ids[1], ids[2]])),
    );
    lines.push({ measurement: compare, floor: compareFloor });
  } finally {
    raw.close();
    await big.close();
  }
}

const nameWidth = Math.max(...lines.map((line) => line.measurement.name.length));
process.stdout.write(
  `${'benchmark'.padEnd(nameWidth)}  ${'median'.padStart(9)}  ${'budget'.padStart(9)}  result  vs floor\n`,
);
for (const { measurement, floor } of lines) {
  const pass = measurement.medianMs <= measurement.budgetMs;
  const ratio = floor
    ? `${(measurement.medianMs / floor.medianMs).toFixed(1)}× (floor ${formatMs(floor.medianMs)})`
    : '';
  process.stdout.write(
    `${measurement.name.padEnd(nameWidth)}  ${formatMs(measurement.medianMs).padStart(9)}  ${(Number.isFinite(measurement.budgetMs) ? formatMs(measurement.budgetMs) : '–').padStart(9)}  ${pass ? 'pass  ' : 'FAIL  '}  ${ratio}\n`,
  );
}
process.stdout.write(
  `medians of 3 to 20 runs (the Figures screen: 5 first renders, 5 scrolls of ten screens, 10 edits); floors measured in the same run\n`,
);
if (renderer) process.stdout.write(`${renderer.frameNote}\n`);
if (team) {
  const { load } = team;
  process.stdout.write(
    `team database load: ${load.accepted.toLocaleString('en-GB')} saves accepted, ${load.refused.toLocaleString('en-GB')} ` +
      `refused as stale, none lost; save latency p50 ${formatMs(load.latency.p50Ms)}, p95 ${formatMs(load.latency.p95Ms)}, ` +
      `max ${formatMs(load.latency.maxMs)}; ${(load.edits / (load.elapsedMs / 1000)).toFixed(0)} edits/s\n`,
  );
}
const rssOk = !groups.has('police') || (police !== undefined && police.peakRssMb <= POLICE_RSS_BUDGET_MB);
if (groups.has('police')) {
  process.stdout.write(
    `peak RSS of the police.uk import: ${police?.peakRssMb.toFixed(0) ?? '?'} MB (budget ${POLICE_RSS_BUDGET_MB} MB)  ${rssOk ? 'pass' : 'FAIL'}\n`,
  );
}
process.exitCode = lines.every((line) => line.measurement.medianMs <= line.measurement.budgetMs) && rssOk ? 0 : 1;
