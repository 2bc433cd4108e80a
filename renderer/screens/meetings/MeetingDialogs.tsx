import { useState } from 'react';
import type { MeetingSummary } from '../../../shared/api/meetings-contract';
import { formatError } from '../../../shared/errors';
import { FormDialog } from './FormDialog';
import { addMonths, todayIso } from './format';
import { useWrite } from './use-write';

interface NewMeetingDialogProps {
  readonly onCreated: (id: number) => void;
  readonly onClose: () => void;
}

/** Asks for the new meeting's title and date; the rest is filled in on the Meeting tab. */
export function NewMeetingDialog({ onCreated, onClose }: NewMeetingDialogProps) {
  const write = useWrite();
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(todayIso());
  return (
    <FormDialog
      title="New meeting"
      submitLabel="Create meeting"
      onClose={onClose}
      onSubmit={async () => {
        const result = await write('meetings.create', { title, heldOn });
        if (!result.ok) return formatError(result.error);
        onCreated(result.value.id);
        return null;
      }}
    >
      <label className="field">
        <span className="field-label">Title</span>
        <input
          className="text-input"
          value={title}
          required
          autoFocus
          placeholder="Safer Buckinghamshire Board — October 2022"
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">Date</span>
        <input
          type="date"
          className="text-input"
          value={heldOn}
          required
          onChange={(event) => setHeldOn(event.target.value)}
        />
      </label>
    </FormDialog>
  );
}

interface DuplicateDialogProps {
  readonly meeting: MeetingSummary;
  readonly onCreated: (id: number) => void;
  readonly onClose: () => void;
}

/** Next quarter's meeting from this one: same board, people and agenda, on the date asked for. */
export function DuplicateDialog({ meeting, onCreated, onClose }: DuplicateDialogProps) {
  const write = useWrite();
  const [heldOn, setHeldOn] = useState(addMonths(meeting.heldOn, 3));
  const [title, setTitle] = useState('');
  return (
    <FormDialog
      title={`Duplicate "${meeting.title}" as next quarter`}
      submitLabel="Duplicate meeting"
      onClose={onClose}
      onSubmit={async () => {
        const result = await write('meetings.duplicate', {
          id: meeting.id,
          heldOn,
          ...(title.trim() === '' ? {} : { title: title.trim() }),
        });
        if (!result.ok) return formatError(result.error);
        onCreated(result.value.id);
        return null;
      }}
    >
      <p className="help">
        The new meeting keeps the board, venue, marking, attendees and agenda; papers are copied, and tables and charts
        use the same saved views. Its quarter moves on to the next one.
      </p>
      <label className="field">
        <span className="field-label">Date of the new meeting</span>
        <input
          type="date"
          className="text-input"
          value={heldOn}
          required
          autoFocus
          onChange={(event) => setHeldOn(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">Title (optional)</span>
        <input
          className="text-input"
          value={title}
          placeholder="Worked out from the board and date"
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
    </FormDialog>
  );
}
