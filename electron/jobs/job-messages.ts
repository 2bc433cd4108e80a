import type { ErrorData } from '../../shared/errors';
import type { ImportOutcome } from '../../shared/imports';
import type { ImportProgress } from '../../db/imports/progress';
import type { FileImportJob } from './run-import-job';

/** What a job worker is started with. */
export interface JobWorkerData {
  readonly databaseLocation: string;
  readonly actor: string;
  readonly job: FileImportJob;
}

/** Main → worker. */
export type ToWorker = { readonly type: 'cancel' };

/** Worker → main. */
export type FromWorker =
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly type: 'done'; readonly outcome: ImportOutcome }
  | { readonly type: 'failed'; readonly error: ErrorData };
