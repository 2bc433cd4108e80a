import { Button } from 'react-aria-components';

interface FormFooterProps {
  /** The sentence saying why the work was refused, if it was. */
  readonly failure: string | null;
  readonly working: boolean;
  readonly submitLabel: string;
  /** What the submit button says while the work runs. */
  readonly workingLabel?: string;
}

/** The end of a dialog's form: the reason a submit was refused (announced), Cancel, and the submit button. */
export function FormFooter({ failure, working, submitLabel, workingLabel = 'Working…' }: FormFooterProps) {
  return (
    <>
      <div role="alert" className="dialog-failure">
        {failure ? <p className="error-text">{failure}</p> : null}
      </div>
      <div className="dialog-actions">
        <Button slot="close" className="button">
          Cancel
        </Button>
        <button type="submit" className="button button-primary" disabled={working}>
          {working ? workingLabel : submitLabel}
        </button>
      </div>
    </>
  );
}
