import './stale-notice.css';

interface StaleNoticeProps {
  /** The refusal's sentence: who changed what, when, and what was not saved. */
  readonly message: string;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
}

/**
 * A form's save refused because someone else saved the record first (issue 9),
 * shown where the form is: who saved what and when, what was not saved, and
 * the choice: keep mine (saved over theirs) or take theirs (the form shows it).
 * The meeting and agenda item forms and the Comparisons screen's saved views use it.
 */
export function StaleNotice({ message, onKeepMine, onTakeTheirs }: StaleNoticeProps) {
  return (
    <div role="alert" className="stale-notice">
      <p>
        <strong>Someone else saved this first.</strong> {message}.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onTakeTheirs}>
          Take theirs
        </button>
        <button type="button" className="button button-primary" onClick={onKeepMine}>
          Keep mine
        </button>
      </div>
    </div>
  );
}
