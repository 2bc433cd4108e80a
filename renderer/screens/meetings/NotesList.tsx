import type { Annotation } from '../../../shared/api/notes-contract';
import { noteKindText } from '../../../shared/pack/pack-notes';
import { dateTimeText } from './format';
import { numberText, type NoteEntry, type NoteGroup } from './notes-view';

/** What can be done to a note from the list. */
export type NoteCommand = 'edit' | 'resolve' | 'reopen' | 'delete' | 'keep-here' | 'keep-incoming';

interface NotesListProps {
  readonly groups: readonly NoteGroup[];
  readonly onCommand: (note: Annotation, command: NoteCommand) => void;
  /** A command under way (its note's id), so its buttons wait. */
  readonly busy: string | null;
}

/** The kind in words, and a proposed RAG in its colour beside the word. */
function KindBadge({ note }: { note: Pick<Annotation, 'kind' | 'rag'> }) {
  const rag = note.kind === 'proposed rag' ? note.rag : null;
  return (
    <span className={`note-kind note-kind-${note.kind.replace(' ', '-')}${rag ? ` note-rag-${rag}` : ''}`}>
      {rag ? <span className="note-rag-swatch" aria-hidden="true" /> : null}
      {noteKindText(note)}
    </span>
  );
}

/** Who, when, shared or private, resolved. */
function Byline({ note }: { note: Annotation }) {
  return (
    <p className="note-by">
      {note.author} · {dateTimeText(note.updatedAt)} · {note.shared ? 'Shared' : 'Private'}
      {note.resolved ? ' · Resolved' : ''}
    </p>
  );
}

/** Both versions of a note kept twice (or kept though its author deleted it), and the two ways to settle it. */
function Conflict({
  entry,
  headId,
  busy,
  onCommand,
}: { entry: NoteEntry; headId: string } & Omit<NotesListProps, 'groups'>) {
  const { note, theirs } = entry;
  const deleted = note.conflict?.kind === 'deleted by its author';
  const waiting = busy === note.id;
  return (
    <div className="note-conflict" role="group" aria-labelledby={`${headId}-conflict`}>
      <p id={`${headId}-conflict`} className="note-conflict-title">
        {deleted
          ? `Conflict: ${note.author} deleted this note after it was changed here`
          : 'Conflict: changed here and by its author since they last met'}
      </p>
      <div className="note-conflict-sides">
        <div className="note-side">
          <p className="note-side-title">Ours (as changed here)</p>
          <KindBadge note={note} />
          <p className="note-text">{note.text}</p>
          <Byline note={note} />
        </div>
        <div className="note-side">
          {theirs ? (
            <>
              <p className="note-side-title">Theirs (as changed by {theirs.note.author})</p>
              <KindBadge note={theirs.note} />
              <p className="note-text">{theirs.note.text}</p>
              <Byline note={theirs.note} />
            </>
          ) : (
            <>
              <p className="note-side-title">Theirs</p>
              <p className="note-text note-deleted">Deleted by {note.author}.</p>
            </>
          )}
        </div>
      </div>
      <div className="note-actions">
        <button
          type="button"
          className="button button-small"
          disabled={waiting}
          aria-describedby={headId}
          onClick={() => onCommand(note, 'keep-here')}
        >
          Keep ours
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={waiting}
          aria-describedby={headId}
          onClick={() => onCommand(note, 'keep-incoming')}
        >
          {deleted ? 'Take theirs (delete it)' : 'Take theirs'}
        </button>
      </div>
    </div>
  );
}

/** What a note is on, said under its item's heading: "the item as a whole", or the element without the item's name. */
function placeInItem(label: string, itemTitle: string): string {
  if (label === itemTitle) return 'the item as a whole';
  return label.startsWith(`${itemTitle}: `) ? label.slice(itemTitle.length + 2) : label;
}

function NoteCard({
  entry,
  itemTitle,
  busy,
  onCommand,
}: { entry: NoteEntry; itemTitle: string } & Omit<NotesListProps, 'groups'>) {
  const { note, number } = entry;
  const headId = `note-${note.id}`;
  const copy = note.conflict?.kind === 'incoming copy';
  const waiting = busy === note.id;
  const place = placeInItem(note.targetLabel, itemTitle);
  return (
    <li className={`note-card${note.resolved ? ' is-resolved' : ''}${note.conflict ? ' is-conflict' : ''}`}>
      <p className="note-head" id={headId}>
        <span className="note-number">{numberText(number)}</span> <KindBadge note={note} />{' '}
        <span className="note-on">on {place}</span>
      </p>
      {note.conflict && !copy ? (
        <Conflict entry={entry} headId={headId} busy={busy} onCommand={onCommand} />
      ) : (
        <>
          <p className="note-text">{note.text}</p>
          <Byline note={note} />
          {copy ? (
            <p className="help">The author’s version of a note changed on both sides: settle it on that note.</p>
          ) : null}
        </>
      )}
      {copy ? null : (
        <div className="note-actions">
          <button
            type="button"
            className="button button-small"
            disabled={waiting}
            aria-describedby={headId}
            onClick={() => onCommand(note, 'edit')}
          >
            Edit…
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={waiting}
            aria-describedby={headId}
            onClick={() => onCommand(note, note.resolved ? 'reopen' : 'resolve')}
          >
            {note.resolved ? 'Reopen' : 'Resolve'}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={waiting}
            aria-describedby={headId}
            onClick={() => onCommand(note, 'delete')}
          >
            Delete…
          </button>
        </div>
      )}
    </li>
  );
}

/** The notes by agenda item, in reading order, each with its N-number as the preview marks it. */
export function NotesList({ groups, busy, onCommand }: NotesListProps) {
  return (
    <div className="notes-groups">
      {groups.map((group) => {
        const headingId = `notes-group-${group.sectionId ?? 'lost'}`;
        return (
          <section key={group.sectionId ?? 'lost'} className="notes-group" aria-labelledby={headingId}>
            <h4 id={headingId} className="notes-group-title">
              {group.title}
            </h4>
            <ul className="notes-cards" aria-labelledby={headingId}>
              {group.entries.map((entry) => (
                <NoteCard key={entry.note.id} entry={entry} itemTitle={group.title} busy={busy} onCommand={onCommand} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
