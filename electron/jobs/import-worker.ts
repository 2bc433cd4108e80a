/**
 * A worker thread that runs one import on its own connection to the database
 * (WAL lets the window keep reading meanwhile), reports progress, stops when
 * told, and says how it ended. Never touches Electron.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BoardpackError } from '../../shared/errors';
import { openDatabase } from '../../db/open-database';
import { fromDatabaseError } from '../../db/database-error';
import { localWriter } from '../../db/writer';
import type { FromWorker, JobWorkerData, ToWorker } from './job-messages';
import { runImportJob } from './run-import-job';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs as a worker thread');
const data = workerData as JobWorkerData;
const controller = new AbortController();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') controller.abort(new BoardpackError('conflict', 'the import was cancelled'));
});

/** One job, then the thread ends (no top-level await: the app bundles this file as CommonJS). */
async function run(): Promise<void> {
  try {
    const database = await openDatabase(data.databaseLocation);
    try {
      const outcome = await runImportJob(database.db, localWriter(data.actor), data.job, {
        signal: controller.signal,
        onProgress: (progress) => send({ type: 'progress', progress }),
      });
      send({ type: 'done', outcome });
    } finally {
      await database.close();
    }
  } catch (caught) {
    const error = fromDatabaseError(caught);
    send({
      type: 'failed',
      error:
        error instanceof BoardpackError
          ? error.toData()
          : { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    });
  }
  port?.close();
}

void run();
