import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiEvent } from '../../shared/api/result';
import { BoardpackError } from '../../shared/errors';
import type { ImportOutcome } from '../../shared/imports';
import type { FromWorker, JobWorkerData, ToWorker } from './job-messages';

/** Starts a job worker; the app points it at the bundled worker, tests and the preview at the TypeScript one. */
export type SpawnWorker = (data: JobWorkerData) => Worker;

/** The TypeScript worker run through tsx: for the preview, the CLI and tests. */
export const spawnTypeScriptWorker: SpawnWorker = (data) =>
  new Worker(new URL('./typescript-worker.js', import.meta.url), { workerData: data });

/** The worker the app's build bundles beside main.cjs (see electron/build/build-main.ts). */
export const spawnBundledWorker =
  (outDir: string): SpawnWorker =>
  (data) =>
    new Worker(join(outDir, 'import-worker.cjs'), { workerData: data });

/**
 * Runs imports in worker threads, one per job: the UI thread stays free, progress
 * goes out as 'job-progress' events, and a job can be cancelled by its id.
 */
export class JobRunner {
  readonly #workers = new Map<string, Worker>();

  constructor(
    private readonly spawn: SpawnWorker,
    private readonly emit: (event: ApiEvent) => void,
  ) {}

  run(jobId: string, data: JobWorkerData): Promise<ImportOutcome> {
    if (this.#workers.has(jobId)) {
      return Promise.reject(new BoardpackError('conflict', `a job with id ${jobId} is already running`));
    }
    const worker = this.spawn(data);
    this.#workers.set(jobId, worker);
    return new Promise<ImportOutcome>((resolve, reject) => {
      let settled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        this.#workers.delete(jobId);
        action();
      };
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'progress') {
          const { progress } = message;
          this.emit({
            type: 'job-progress',
            jobId,
            done: progress.rowsRead,
            total: null,
            fraction:
              progress.totalBytes && progress.totalBytes > 0
                ? Math.min(1, progress.bytesRead / progress.totalBytes)
                : null,
            ratePerSecond: progress.rowsPerSecond,
            secondsLeft: progress.remainingMs === null ? null : progress.remainingMs / 1000,
            stage: progress.stage,
          });
        } else if (message.type === 'done') {
          settle(() => resolve(message.outcome));
        } else {
          settle(() => reject(new BoardpackError(message.error.code, message.error.message, message.error.where)));
        }
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) =>
        settle(() => reject(new BoardpackError('internal', `the import stopped unexpectedly (exit code ${code})`))),
      );
    });
  }

  /** Asks a running job to stop; it then ends as 'cancelled' with nothing written. */
  cancel(jobId: string): boolean {
    const worker = this.#workers.get(jobId);
    if (!worker) return false;
    worker.postMessage({ type: 'cancel' } satisfies ToWorker);
    return true;
  }

  /** Stops every running job (the app is closing or another database opened). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#workers.values()].map((worker) => worker.terminate()));
    this.#workers.clear();
  }
}
