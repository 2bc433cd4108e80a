import { useState } from 'react';
import { AGENDA_ITEM_KINDS, type AgendaItemKind } from '../../../shared/domain';
import { formatError } from '../../../shared/errors';
import type { Plan, Priority } from '../../../shared/model';
import type { AgendaContent } from '../../../shared/pack/agenda-content';
import { useRecords } from '../../data/queries';
import { useSavedViews } from '../comparisons/queries';
import { AttachmentPicker } from './AttachmentPicker';
import { ContentFields } from './ContentFields';
import { FormDialog } from './FormDialog';
import { firstContent, KIND_LABELS } from './item-kinds';
import { useAttachments } from './queries';
import { useWrite } from './use-write';

interface AddItemDialogProps {
  readonly meetingId: number;
  /** Where the new item goes (1-based); the end when absent. */
  readonly position?: number;
  readonly onAdded: (id: number) => void;
  readonly onClose: () => void;
}

/** A new agenda item: its kind, title, presenter and time, and (for a table, chart …) what it shows. */
export function AddItemDialog({ meetingId, position, onAdded, onClose }: AddItemDialogProps) {
  const write = useWrite();
  const views = useSavedViews();
  const plans = useRecords<Plan>('plans');
  const priorities = useRecords<Priority>('priorities');
  const { attachments } = useAttachments();
  const [kind, setKind] = useState<AgendaItemKind>('paper');
  const [title, setTitle] = useState('');
  const [presenter, setPresenter] = useState('');
  const [minutes, setMinutes] = useState('');
  const [chosen, setChosen] = useState<AgendaContent | null>(null);

  const first = firstContent(kind, {
    viewId: views.views[0]?.id ?? null,
    planId: plans.rows[0]?.id ?? null,
    priorityId: priorities.rows[0]?.id ?? null,
    attachmentId: attachments[0]?.id ?? null,
  });
  const content = chosen?.kind === kind ? chosen : typeof first === 'string' ? null : first;

  return (
    <FormDialog
      title="Add an agenda item"
      submitLabel="Add item"
      wide
      onClose={onClose}
      onSubmit={async () => {
        if (content === null) return typeof first === 'string' ? first : 'Choose what the item shows.';
        const result = await write('agenda.create', {
          meetingId,
          title,
          presenter: presenter.trim() === '' ? null : presenter.trim(),
          minutes: minutes === '' ? null : Math.round(Number(minutes)),
          content,
          ...(position === undefined ? {} : { position }),
        });
        if (!result.ok) return formatError(result.error);
        onAdded(result.value.id);
        return null;
      }}
    >
      <div className="dialog-grid">
        <label className="field">
          <span className="field-label">Kind</span>
          <select
            value={kind}
            autoFocus
            onChange={(event) => {
              setKind(event.target.value as AgendaItemKind);
              setChosen(null);
            }}
          >
            {AGENDA_ITEM_KINDS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {KIND_LABELS[candidate]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Title</span>
          <input
            className="text-input"
            value={title}
            required
            placeholder={KIND_LABELS[kind]}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Presenter</span>
          <input className="text-input" value={presenter} onChange={(event) => setPresenter(event.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Minutes</span>
          <input
            className="text-input text-input-short"
            type="number"
            min={0}
            max={600}
            step={5}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
        </label>
      </div>
      {kind === 'paper' ? (
        <p className="help">The paper opens in the editor once added.</p>
      ) : content === null ? (
        kind === 'attachment' ? (
          <AttachmentPicker
            attachmentId={null}
            onChange={(attachmentId) => setChosen({ kind: 'attachment', attachmentId })}
          />
        ) : (
          <p className="error-text">{typeof first === 'string' ? first : ''}</p>
        )
      ) : (
        <ContentFields content={content} onChange={setChosen} />
      )}
    </FormDialog>
  );
}
