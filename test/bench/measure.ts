import { performance } from 'node:perf_hooks';

export interface Measurement {
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly budgetMs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs `setup` then times `run` `runs` times; reports the median, which noisy machines need. */
export async function measure<T>(
  name: string,
  options: { runs: number; budgetMs: number; warmup?: number },
  setup: () => Promise<T>,
  run: (context: T) => Promise<unknown>,
  teardown: (context: T) => Promise<void> = async () => {},
): Promise<Measurement> {
  const times: number[] = [];
  for (let index = 0; index < (options.warmup ?? 0) + options.runs; index += 1) {
    const context = await setup();
    const start = performance.now();
    await run(context);
    const elapsed = performance.now() - start;
    await teardown(context);
    if (index >= (options.warmup ?? 0)) times.push(elapsed);
  }
  return { name, runs: options.runs, medianMs: median(times), budgetMs: options.budgetMs };
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}
