import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { FigureWriteResult } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { formatError } from '../../../shared/errors';
import { PASTE_COLUMNS, PASTE_HEADERS, type PastePlan } from './paste-plan';

const SHOWN = 300;

interface PastePreviewDialogProps {
  readonly plan: PastePlan;
  /** Writes the plan's lines; refused as stale, the plan comes back with the lines saved since marked. */
  readonly onWrite: (plan: PastePlan) => Promise<Result<FigureWriteResult>>;
  /** Closes the dialog; after a write, with what was written. */
  readonly onClose: (written?: string) => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * Shows what a pasted block will add and change, with each cell's problem,
 * before one all-or-nothing write. A write refused because someone saved some
 * of the figures since shows who and what, marks those lines with what they
 * saved, and lets the user write over theirs or cancel and keep them.
 */
export function PastePreviewDialog({ plan, onWrite, onClose }: PastePreviewDialogProps) {
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const savedSince = plan.lines.filter((line) => line.savedSince !== undefined).length;
  // Lines with problems first, then lines someone saved since, then the rest in order.
  const rank = (line: PastePlan['lines'][number]) => (line.errorCount > 0 ? 0 : line.savedSince !== undefined ? 1 : 2);
  const ordered = [...plan.lines].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
  const shown = ordered.slice(0, SHOWN);

  const write = async () => {
    setWorking(true);
    setFailure(null);
    const result = await onWrite(plan);
    setWorking(false);
    if (result.ok) {
      onClose(
        `Pasted figures written: ${plural(result.value.inserted, 'figure')} added, ${result.value.updated} changed, ${result.value.unchanged} unchanged.`,
      );
    } else setFailure(result.error.code === 'stale' ? result.error.message : formatError(result.error));
  };

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className="modal modal-wide">
        <Dialog className="dialog" aria-describedby="paste-summary">
          <Heading slot="title" className="dialog-title">
            Paste figures
          </Heading>
          <p id="paste-summary" className={plan.errorCount > 0 ? 'error-text' : undefined}>
            This adds {plural(plan.adds, 'figure')} and changes {plural(plan.changes, 'figure')}.{' '}
            {plan.errorCount > 0
              ? `${plural(plan.errorCount, 'problem')} to fix first: nothing is written while any remain.`
              : 'Nothing is written until you choose Write.'}
          </p>
          <div className="preview-scroll">
            <table className="preview-table">
              <caption className="visually-hidden">Lines of the pasted block</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Action</th>
                  {PASTE_COLUMNS.map((column) => (
                    <th scope="col" key={column}>
                      {PASTE_HEADERS[column]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((line) => (
                  <tr
                    key={line.line}
                    className={
                      line.errorCount > 0 ? 'has-error' : line.savedSince !== undefined ? 'saved-since' : undefined
                    }
                  >
                    <th scope="row">{line.line}</th>
                    <td>
                      {line.errorCount > 0 ? 'Cannot write' : line.action === 'add' ? 'Add' : 'Change'}
                      {line.savedSince !== undefined ? (
                        <span className="preview-saved-since">Saved since by someone else: {line.savedSince}</span>
                      ) : null}
                    </td>
                    {PASTE_COLUMNS.map((column) => {
                      const cell = line.cells[column];
                      return (
                        <td
                          key={column}
                          className={cell.error ? 'cell-bad' : cell.changed ? 'cell-changed' : undefined}
                        >
                          {cell.text}
                          {cell.error ? <span className="preview-error">{cell.error}</span> : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            {ordered.length > SHOWN ? <p>… and {plural(ordered.length - SHOWN, 'more line')}.</p> : null}
          </div>
          <div aria-live="polite">
            {failure ? (
              <p className="error-text">
                Nothing was written: {failure}
                {savedSince > 0
                  ? `. ${savedSince === 1 ? 'The line saved since is' : `The ${plural(savedSince, 'line')} saved since are`} marked with what is saved now: write again to put yours over theirs, or cancel to keep theirs.`
                  : ''}
              </p>
            ) : null}
          </div>
          <div className="dialog-actions">
            <Button slot="close" className="button" autoFocus={plan.errorCount > 0}>
              Cancel
            </Button>
            <Button
              className="button button-primary"
              isDisabled={plan.errorCount > 0 || working || plan.lines.length === 0}
              autoFocus={plan.errorCount === 0}
              onPress={() => void write()}
            >
              {working
                ? 'Writing…'
                : savedSince > 0
                  ? `Write over theirs: ${plural(plan.adds + plan.changes, 'figure')}`
                  : `Write ${plural(plan.adds + plan.changes, 'figure')}`}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
