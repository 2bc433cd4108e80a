import { useCallback, useState } from 'react';
import type { AgendaItem } from '../../../shared/api/meetings-contract';
import { formatError } from '../../../shared/errors';
import type { AgendaContent, PaperDoc } from '../../../shared/pack/agenda-content';
import type { PackProblem } from '../../../shared/pack/document';
import { useApi } from '../../data/api-context';
import { ContentFields } from './ContentFields';
import { KIND_LABELS } from './item-kinds';
import { PaperEditor } from './PaperEditor';
import { StaleNotice } from '../../app/StaleNotice';
import { useDebouncedChanges } from './use-debounced-changes';
import { formChoices, useVersionedSave } from '../../data/use-versioned-save';
import { useWrite } from './use-write';

type ItemChanges = Partial<{
  title: string;
  presenter: string | null;
  minutes: number | null;
  content: AgendaContent;
}>;

interface ItemEditorProps {
  readonly item: AgendaItem;
  /** The pack's problems in this item's section. */
  readonly problems: readonly PackProblem[];
  readonly onDelete: () => void;
}

/**
 * One agenda item: its title, presenter and time, and what it puts in the
 * pack, by kind. Saves as it goes, from the item's version the editor shows:
 * when someone else saved the item first, the user keeps theirs or takes the other's.
 */
export function ItemEditor({ item, problems, onDelete }: ItemEditorProps) {
  const api = useApi();
  const write = useWrite();
  const [draft, setDraft] = useState(item);
  const [takeFailure, setTakeFailure] = useState<string | null>(null);
  // The paper editor reads its text once; a new one opens on the text as saved now when a conflict settles.
  const [shown, setShown] = useState(0);
  const send = useCallback(
    (version: number, changes: ItemChanges) => write('agenda.update', { id: item.id, version, changes }),
    [item.id, write],
  );
  const versioned = useVersionedSave(item.version, send);
  const saveInTurn = versioned.save;
  const save = useCallback((changes: ItemChanges) => void saveInTurn(changes), [saveInTurn]);
  /** The item as saved now, with `mine` over it: the editor then shows what the other person saved too. */
  const showSaved = async (mine: ItemChanges): Promise<AgendaItem | null> => {
    const meeting = await api['meetings.get']({ id: item.meetingId });
    const saved = meeting.ok ? meeting.value.items.find((candidate) => candidate.id === item.id) : undefined;
    if (!saved) {
      setTakeFailure(meeting.ok ? 'the item has been deleted' : formatError(meeting.error));
      return null;
    }
    setTakeFailure(null);
    setDraft({ ...saved, ...mine });
    setShown((count) => count + 1);
    return saved;
  };
  const { takeTheirs, keepMine } = formChoices(versioned, showSaved);
  const failure = versioned.conflict ? null : (takeFailure ?? versioned.failure);
  const { schedule, flush } = useDebouncedChanges(save);
  const change = (changes: ItemChanges, at: 'now' | 'later' = 'later') => {
    setDraft((current) => ({ ...current, ...changes }));
    schedule(changes);
    if (at === 'now') flush();
  };

  return (
    <section className="item-editor" aria-labelledby="item-editor-heading">
      <div className="item-editor-head">
        <h3 id="item-editor-heading" className="section-title">
          Item {item.position}: {KIND_LABELS[item.kind]}
        </h3>
        <span className="grid-toolbar-spacer" />
        <button type="button" className="button" onClick={onDelete}>
          Delete item…
        </button>
      </div>
      <div className="item-fields">
        <label className="field item-title-field">
          <span className="field-label">Title</span>
          <input
            className="text-input text-input-wide"
            value={draft.title}
            required
            onChange={(event) => change({ title: event.target.value })}
            onBlur={flush}
          />
        </label>
        <label className="field">
          <span className="field-label">Presenter</span>
          <input
            className="text-input"
            value={draft.presenter ?? ''}
            onChange={(event) => change({ presenter: event.target.value.trim() === '' ? null : event.target.value })}
            onBlur={flush}
          />
        </label>
        <label className="field">
          <span className="field-label">Minutes</span>
          <input
            className="text-input text-input-short"
            type="number"
            min={0}
            max={600}
            step={5}
            value={draft.minutes ?? ''}
            onChange={(event) => {
              const minutes = event.target.value === '' ? null : Math.round(Number(event.target.value));
              if (minutes === null || (Number.isFinite(minutes) && minutes >= 0)) change({ minutes });
            }}
            onBlur={flush}
          />
        </label>
      </div>
      <div role="alert" className="item-failure">
        {failure ? <p className="error-text">{failure}</p> : null}
      </div>
      {versioned.conflict ? (
        <StaleNotice
          message={versioned.conflict.message}
          onKeepMine={() => void keepMine()}
          onTakeTheirs={() => void takeTheirs()}
        />
      ) : null}
      {draft.content.kind === 'paper' ? (
        <PaperEditor
          key={shown}
          title={draft.title}
          doc={draft.content.doc}
          problems={problems}
          onSave={(doc: PaperDoc) => save({ content: { kind: 'paper', doc } })}
        />
      ) : (
        <>
          <ContentFields content={draft.content} onChange={(content) => change({ content }, 'now')} />
          {problems.length > 0 ? (
            <ul className="problem-list">
              {problems.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
