import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../shared/api/contract';
import type { ApiEvent } from '../../../shared/api/result';
import type { ErrorData } from '../../../shared/errors';
import type { ImportOutcome } from '../../../shared/imports';
import { useApi } from '../../data/api-context';

export type JobProgress = Extract<ApiEvent, { type: 'job-progress' }>;

export type JobState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      readonly jobId: string;
      readonly progress: JobProgress | null;
      readonly dryRun: boolean;
    }
  | { readonly kind: 'finished'; readonly outcome: ImportOutcome; readonly dryRun: boolean }
  | { readonly kind: 'failed'; readonly error: ErrorData };

/** An import job as the contract takes it. */
export type JobInput = InputOf<'imports.run'>['job'];

/**
 * One import job at a time: runs it with a fresh job id, follows its
 * 'job-progress' events, cancels it, and keeps how it ended.
 */
export function useImportJob() {
  const api = useApi();
  const [state, setState] = useState<JobState>({ kind: 'idle' });
  const running = useRef<string | null>(null);
  /** Cancel was pressed before the job had started (its file still uploading): cancel at its first progress. */
  const cancelPending = useRef(false);

  // A subscription to the API's event stream, not a fetch.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'job-progress' || event.jobId !== running.current) return;
        if (cancelPending.current) {
          cancelPending.current = false;
          void api['jobs.cancel']({ jobId: event.jobId });
        }
        setState((current) =>
          current.kind === 'running' && current.jobId === event.jobId ? { ...current, progress: event } : current,
        );
      }),
    [api],
  );

  const run = useCallback(
    async (job: JobInput): Promise<ImportOutcome | null> => {
      const jobId = crypto.randomUUID();
      const dryRun = job.kind === 'figures' && job.dryRun === true;
      running.current = jobId;
      cancelPending.current = false;
      setState({ kind: 'running', jobId, progress: null, dryRun });
      const result = await api['imports.run']({ jobId, job });
      running.current = null;
      cancelPending.current = false;
      if (!result.ok) {
        setState({ kind: 'failed', error: result.error });
        return null;
      }
      setState({ kind: 'finished', outcome: result.value, dryRun });
      return result.value;
    },
    [api],
  );

  const cancel = useCallback(async () => {
    const jobId = running.current;
    if (!jobId) return;
    const result = await api['jobs.cancel']({ jobId });
    if (result.ok && !result.value.cancelled && running.current === jobId) cancelPending.current = true;
  }, [api]);

  const reset = useCallback(() => setState({ kind: 'idle' }), []);

  return { state, run, cancel, reset };
}
