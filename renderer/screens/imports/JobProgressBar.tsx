import { progressText } from './progress-text';
import type { JobProgress } from './use-import-job';

/** A running job: a progress bar (role progressbar with its values in words) and a Cancel button. */
export function JobProgressBar({
  label,
  progress,
  onCancel,
}: {
  readonly label: string;
  readonly progress: JobProgress | null;
  readonly onCancel: () => void;
}) {
  const percent = progress?.fraction === null || progress === null ? null : Math.round(progress.fraction * 100);
  const text = progressText(progress);
  return (
    <div className="import-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === null ? {} : { 'aria-valuenow': percent })}
        aria-valuetext={percent === null ? text : `${percent}% · ${text}`}
        className="import-progress-track"
      >
        <div className="import-progress-fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <p className="import-progress-text" data-testid="import-progress-text">
        {percent === null ? '' : `${percent}% · `}
        {text}
      </p>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
