import { execFile } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { loadDemoDataset } from '../../db/demo/load-demo';
import { openDatabase } from '../../db/open-database';
import { localWriter } from '../../db/writer';
import { median, type Measurement } from './measure';
import { writePoliceFile } from './police-synthetic-file';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./police-import-child.ts', import.meta.url));
export const POLICE_ROWS = 1_000_000;
export const POLICE_BUDGET_MS = 10_000;
export const POLICE_RSS_BUDGET_MB = 400;
const RUNS = 3;

export interface PoliceBench {
  readonly measurement: Measurement;
  readonly floor: Measurement;
  /** The largest peak resident set size of the import runs. */
  readonly peakRssMb: number;
}

/**
 * The police.uk import of 1,000,000 synthetic rows in the real column layout,
 * each run in a child process (its time measured inside it, its peak RSS from
 * process.resourceUsage().maxRSS), into a copy of a demo database; and beside
 * it the floor: the same file loaded by the sqlite3 shell's .import into a bare table.
 */
export async function benchPoliceImport(folder: string): Promise<PoliceBench> {
  const file = join(folder, 'police-street.csv');
  await writePoliceFile(file, {
    rows: POLICE_ROWS,
    month: '2024-04',
    authorities: ['Wycombe', 'Aylesbury Vale', 'Chiltern', 'South Bucks', 'Oxford', 'Reading'],
    withoutLsoaEvery: 500,
  });
  const template = join(folder, 'police-template.db');
  const demo = await openDatabase(template, { create: true });
  await loadDemoDataset(demo.db, localWriter('bench'));
  await demo.close();

  const times: number[] = [];
  const rss: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const path = join(folder, `police-${index}.db`);
    copyFileSync(template, path);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, file, path], {
      maxBuffer: 1024 * 1024,
    });
    const result = JSON.parse(stdout) as { ms: number; maxRssMb: number; rowsRead: number };
    if (result.rowsRead !== POLICE_ROWS) throw new Error(`read ${result.rowsRead} rows, not ${POLICE_ROWS}`);
    times.push(result.ms);
    rss.push(result.maxRssMb);
    rmSync(path, { force: true });
  }

  const floors: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const path = join(folder, `floor-${index}.db`);
    const start = performance.now();
    await run('/usr/bin/sqlite3', [path, '.mode csv', `.import '${file}' police`]);
    floors.push(performance.now() - start);
    rmSync(path, { force: true });
  }
  return {
    measurement: {
      name: `import ${POLICE_ROWS.toLocaleString('en-GB')} police.uk rows (child process)`,
      runs: RUNS,
      medianMs: median(times),
      budgetMs: POLICE_BUDGET_MS,
    },
    floor: {
      name: 'floor: sqlite3 .import of the same file',
      runs: RUNS,
      medianMs: median(floors),
      budgetMs: Number.POSITIVE_INFINITY,
    },
    peakRssMb: Math.max(...rss),
  };
}
