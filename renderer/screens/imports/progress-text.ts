import type { ApiEvent } from '../../../shared/api/result';
import { timeLeft, wholeNumber } from './import-files';

type JobProgress = Extract<ApiEvent, { type: 'job-progress' }>;

/** What the progress bar says in words: rows read, the rate and the time left. */
export function progressText(progress: JobProgress | null): string {
  if (!progress) return 'Starting…';
  const parts = [`${wholeNumber(progress.done)} rows read`];
  if (progress.ratePerSecond !== null) parts.push(`${wholeNumber(progress.ratePerSecond)} rows a second`);
  const left = timeLeft(progress.secondsLeft);
  if (left) parts.push(left);
  if (progress.stage === 'writing') parts.push('writing');
  return parts.join(' · ');
}
