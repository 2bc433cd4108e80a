import { useState } from 'react';
import type { MeetingAction } from '../../../shared/api/actions-contract';
import type { ActionStatus } from '../../../shared/domain';
import { formatError } from '../../../shared/errors';
import { FormDialog } from './FormDialog';
import { dateText, todayIso } from './format';
import { staleRetry } from '../../data/use-versioned-save';
import { useWrite } from './use-write';

const TITLES: Readonly<Record<ActionStatus, string>> = {
  done: 'Mark the action done',
  dropped: 'Drop the action',
  open: 'Reopen the action',
};
const SUBMITS: Readonly<Record<ActionStatus, string>> = { done: 'Mark done', dropped: 'Drop action', open: 'Reopen' };

/** The action, quoted, at the top of a dialog about it. */
function Quoted({ action }: { action: MeetingAction }) {
  return <blockquote className="action-quote">{action.description}</blockquote>;
}

/** Who wrote it: left empty, the name the app writes under. */
function AuthorField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">By (optional)</span>
      <input
        className="text-input"
        value={value}
        maxLength={200}
        placeholder="Your name when left empty"
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

interface StatusDialogProps {
  readonly action: MeetingAction;
  readonly status: ActionStatus;
  readonly onClose: () => void;
}

/**
 * Marks an action done or dropped on a day (today unless said otherwise), or
 * reopens it, with an optional note; the trail keeps the change and the note.
 */
export function ActionStatusDialog({ action, status, onClose }: StatusDialogProps) {
  const write = useWrite();
  const [note, setNote] = useState('');
  const [author, setAuthor] = useState('');
  const [closedOn, setClosedOn] = useState(todayIso());
  // The action's version this change is made from; after a stale refusal, the version saved now.
  const [version, setVersion] = useState(action.version);
  const closing = status !== 'open';
  return (
    <FormDialog
      title={TITLES[status]}
      submitLabel={SUBMITS[status]}
      onClose={onClose}
      onSubmit={async () => {
        const result = await write('actions.setStatus', {
          id: action.id,
          version,
          status,
          note: orNull(note),
          author: orNull(author),
          ...(closing ? { closedOn } : {}),
        });
        if (result.ok) return null;
        const retry = staleRetry(result.error);
        if (retry.version !== null) setVersion(retry.version);
        return retry.message;
      }}
    >
      <Quoted action={action} />
      {closing ? (
        <label className="field">
          <span className="field-label">{status === 'done' ? 'Done on' : 'Dropped on'}</span>
          <input
            type="date"
            className="text-input"
            value={closedOn}
            required
            {...(action.raisedAt ? { min: action.raisedAt.heldOn } : {})}
            onChange={(event) => setClosedOn(event.target.value)}
          />
        </label>
      ) : (
        <p className="help">
          It was {action.status} on {action.closedOn ? dateText(action.closedOn) : 'a day not recorded'}; reopening
          clears that date.
        </p>
      )}
      <label className="field">
        <span className="field-label">Note (optional)</span>
        <textarea
          className="text-input"
          rows={3}
          value={note}
          autoFocus
          maxLength={2000}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <AuthorField value={author} onChange={setAuthor} />
    </FormDialog>
  );
}

/** Adds a note on the action's progress to its trail. */
export function ActionUpdateDialog({ action, onClose }: { action: MeetingAction; onClose: () => void }) {
  const write = useWrite();
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  return (
    <FormDialog
      title="Add an update"
      submitLabel="Add update"
      onClose={onClose}
      onSubmit={async () => {
        const result = await write('actions.addUpdate', { id: action.id, text, author: orNull(author) });
        return result.ok ? null : formatError(result.error);
      }}
    >
      <Quoted action={action} />
      <label className="field">
        <span className="field-label">Update</span>
        <textarea
          className="text-input"
          rows={4}
          value={text}
          required
          autoFocus
          maxLength={2000}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <AuthorField value={author} onChange={setAuthor} />
    </FormDialog>
  );
}
