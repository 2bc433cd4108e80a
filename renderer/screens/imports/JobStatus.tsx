import { formatError } from '../../../shared/errors';
import { wholeNumber } from './import-files';
import { JobProgressBar } from './JobProgressBar';
import type { JobState } from './use-import-job';

/** What the person hears when a job ends: one sentence, in a live region. */
export function jobAnnouncement(state: JobState): string {
  if (state.kind !== 'finished') return '';
  const { outcome } = state;
  if (outcome.status === 'cancelled') return 'Cancelled: nothing was written.';
  if (outcome.status === 'unknown-names')
    return `${wholeNumber(outcome.unknown.length)} ${outcome.unknown.length === 1 ? 'name is' : 'names are'} not in the database: choose what each one is.`;
  const { summary } = outcome;
  switch (summary.kind) {
    case 'figures':
      return summary.dryRun
        ? `Checked: ${wholeNumber(summary.created)} figures would be created, ${wholeNumber(summary.updated)} updated, ${wholeNumber(summary.unchanged)} unchanged. Nothing was written.`
        : `Imported: ${wholeNumber(summary.created)} figures created, ${wholeNumber(summary.updated)} updated, ${wholeNumber(summary.unchanged)} unchanged.`;
    case 'police':
      return `Imported ${wholeNumber(summary.rowsCounted)} crimes from ${wholeNumber(summary.rowsRead)} rows of police.uk data.`;
    case 'population':
      return `Imported populations: ${wholeNumber(summary.inserted)} inserted, ${wholeNumber(summary.updated)} updated, ${wholeNumber(summary.unchanged)} unchanged.`;
  }
}

/**
 * A job's progress while it runs (with Cancel), and afterwards the sentence that
 * says how it ended (live) or its error in one line (an alert).
 */
export function JobStatus({
  state,
  label,
  onCancel,
}: {
  readonly state: JobState;
  readonly label: string;
  readonly onCancel: () => void;
}) {
  return (
    <>
      {state.kind === 'running' ? (
        <JobProgressBar
          label={state.dryRun ? `Checking ${label}` : `Importing ${label}`}
          progress={state.progress}
          onCancel={onCancel}
        />
      ) : null}
      <div role="status" aria-live="polite" className="import-announcement" data-testid="import-status">
        {jobAnnouncement(state)}
      </div>
      <div role="alert" className="import-alert">
        {state.kind === 'failed' ? <p className="error-text import-error">{formatError(state.error)}</p> : null}
      </div>
    </>
  );
}
