import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Annotation, NotesImportResult, PackFileInfo } from '../../../shared/api/notes-contract';
import type { Result } from '../../../shared/api/result';
import { formatError, type ErrorData } from '../../../shared/errors';
import { notesImportSource, notesImportText } from '../../../shared/notes/import-text';
import { StaleNotice } from '../../app/StaleNotice';
import { invalidateTables } from '../../data/api-context';
import { versionIn } from '../../data/use-versioned-save';
import { DeleteDialog } from '../../grid/DeleteDialog';
import { dateText } from './format';
import { NoteFormDialog } from './NoteFormDialog';
import { NotesExchange, type NotesMessage } from './NotesExchange';
import { NotesList, type NoteCommand } from './NotesList';
import { groupNotes, noteCount, numberText } from './notes-view';
import { usePlacedNotes } from './notes-queries';
import { PackPreview } from './PackPreview';
import { usePackBuild, usePackVersions } from './queries';
import { useWrite } from './use-write';
import './notes.css';

interface NotesPanelProps {
  readonly meetingId: number;
  /** The open file's pack when it is a reviewer's copy (its one version); null in the secretary's database. */
  readonly reviewer: PackFileInfo | null;
  /** Opens the Pack tab, where a version is issued. */
  readonly onGoToPack: () => void;
}

type Dialog =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly note: Annotation }
  | { readonly kind: 'delete'; readonly note: Annotation; readonly number: number | null };

/**
 * A change of a note refused because someone changed the note first: what they did, and the same change made
 * again from the version saved now (Keep mine), with what to say once it is saved.
 */
interface NoteConflict {
  readonly message: string;
  readonly version: number;
  readonly send: (version: number) => Promise<Result<unknown>>;
  readonly done: string;
}

const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text);

/**
 * The reviewers' notes on an issued version: the notes by agenda item with the
 * N-numbers the preview marks, add, edit, resolve or reopen, delete, settle a
 * note kept twice; the exchange files; and the version's preview with each
 * note beside its element. Notes are on issued versions only: a draft changes.
 */
export function NotesPanel({ meetingId, reviewer, onGoToPack }: NotesPanelProps) {
  const write = useWrite();
  const client = useQueryClient();
  const [conflict, setConflict] = useState<NoteConflict | null>(null);
  const { versions, isPending: versionsPending, error: versionsError } = usePackVersions(meetingId);
  const [chosen, setChosen] = useState<number | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [message, setMessage] = useState<NotesMessage>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const latest = versions.at(-1)?.number ?? null;
  const version =
    reviewer?.version ??
    (chosen !== null && versions.some((candidate) => candidate.number === chosen) ? chosen : latest);
  const built = usePackBuild(version === null ? null : meetingId, version);
  const notes = usePlacedNotes(meetingId, version, { includeResolved: showResolved });
  const groups = useMemo(
    () => groupNotes(notes.annotations, notes.targets, notes.placed),
    [notes.annotations, notes.targets, notes.placed],
  );
  const count = noteCount(groups);
  const numberOf = (note: Annotation) => notes.placed.find((placed) => placed.id === note.id)?.number ?? null;

  /**
   * A change refused as stale becomes the question beside the notes, Take theirs or Keep mine, and the notes are
   * read again to show theirs; true when it was one.
   */
  const askOnStale = (
    error: ErrorData,
    name: string,
    send: (version: number) => Promise<Result<unknown>>,
    done: string,
  ): boolean => {
    const version = error.code === 'stale' && error.current ? versionIn(error.current) : null;
    if (version === null) return false;
    setMessage(null);
    setConflict({ message: `${name}: ${error.message}`, version, send, done });
    void invalidateTables(client, ['annotations']);
    return true;
  };

  const keepMine = async () => {
    if (!conflict) return;
    setConflict(null);
    const result = await conflict.send(conflict.version);
    if (result.ok) return setMessage({ kind: 'ok', text: conflict.done });
    if (!askOnStale(result.error, 'Not saved', conflict.send, conflict.done))
      setMessage({ kind: 'error', text: formatError(result.error) });
  };

  const takeTheirs = () => {
    setConflict(null);
    void invalidateTables(client, ['annotations']);
  };

  const command = async (note: Annotation, kind: NoteCommand) => {
    if (kind === 'edit') return setDialog({ kind: 'edit', note });
    if (kind === 'delete') return setDialog({ kind: 'delete', note, number: numberOf(note) });
    setBusy(note.id);
    setMessage(null);
    setConflict(null);
    const name = numberText(numberOf(note));
    // Made from the note's version as listed: a note someone changed since is not written over unseen.
    const send = (version: number) =>
      kind === 'resolve' || kind === 'reopen'
        ? write('annotations.resolve', { id: note.id, version, resolved: kind === 'resolve' })
        : write('annotations.settleConflict', {
            id: note.id,
            version,
            keep: kind === 'keep-here' ? 'here' : 'incoming',
          });
    const result = await send(note.version);
    setBusy(null);
    const done: Record<Exclude<NoteCommand, 'edit' | 'delete'>, string> = {
      resolve: `Resolved ${name}${showResolved ? '' : ': it leaves the open notes (Show resolved shows it)'}.`,
      reopen: `Reopened ${name}.`,
      'keep-here': `Kept our version of ${name}.`,
      'keep-incoming': `Took the author’s version of ${name}.`,
    };
    if (result.ok) return setMessage({ kind: 'ok', text: done[kind] });
    if (!askOnStale(result.error, name, send, done[kind]))
      setMessage({ kind: 'error', text: `${name}: ${formatError(result.error)}` });
  };

  const imported = (result: NotesImportResult) => {
    if (!reviewer) setChosen(result.version);
    setMessage({ kind: 'ok', text: `${notesImportSource(result)}: ${notesImportText(result)}.` });
  };

  if (versionsError) {
    return (
      <p className="error-text" role="alert">
        The issued versions could not be read: {versionsError.message}
      </p>
    );
  }
  if (versionsPending && !reviewer) return <p className="help">Reading the issued versions…</p>;
  if (version === null) {
    return (
      <div className="notes-panel">
        <p className="help notes-no-version">
          Notes are written on an issued version of the pack, not on the draft, which changes with every edit. Issue the
          pack first, then add notes here or export it for a reviewer.
        </p>
        <div>
          <button type="button" className="button button-primary" onClick={onGoToPack}>
            Go to the Pack tab to issue it
          </button>
        </div>
      </div>
    );
  }
  const issued = versions.find((candidate) => candidate.number === version);

  return (
    <div className="notes-panel">
      <section className="notes-side" aria-labelledby="notes-heading">
        <div className="grid-toolbar notes-toolbar">
          <h3 id="notes-heading" className="section-title">
            Notes
          </h3>
          <span className="grid-count">
            {notes.isPending ? 'Reading…' : `${count} ${showResolved ? '' : 'open '}${count === 1 ? 'note' : 'notes'}`}
          </span>
          <span className="grid-toolbar-spacer" />
          {reviewer ? (
            <span className="notes-version-fixed">Version {version}</span>
          ) : (
            <label className="field field-inline">
              <span className="field-label">Version</span>
              <select value={version} onChange={(event) => setChosen(Number(event.target.value))}>
                {versions.map((candidate) => (
                  <option key={candidate.id} value={candidate.number}>
                    Version {candidate.number} (issued {dateText(candidate.issuedAt.slice(0, 10))})
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {issued && !reviewer && version !== latest ? (
          <p className="help">A later version has been issued: notes for the meeting are usually on the latest.</p>
        ) : null}

        <div className="notes-buttons">
          <button
            type="button"
            className="button button-primary"
            disabled={notes.targets.length === 0}
            onClick={() => setDialog({ kind: 'add' })}
          >
            Add a note…
          </button>
          <label className="note-choice">
            <input
              type="checkbox"
              checked={showResolved}
              onChange={(event) => {
                setShowResolved(event.target.checked);
                setMessage(null);
              }}
            />
            Show resolved
          </label>
          <span className="pack-divider" aria-hidden="true" />
          <NotesExchange
            meetingId={meetingId}
            version={version}
            reviewer={reviewer}
            onMessage={setMessage}
            onImported={imported}
          />
        </div>

        <div role="status" aria-live="polite" className="pack-message">
          {message?.kind === 'ok' ? <p className="ok-text">{message.text}</p> : null}
        </div>
        <div role="alert" className="pack-message">
          {message?.kind === 'error' ? <p className="error-text">{message.text}</p> : null}
        </div>
        {conflict ? (
          <StaleNotice message={conflict.message} onKeepMine={() => void keepMine()} onTakeTheirs={takeTheirs} />
        ) : null}

        {notes.error ? (
          <p className="error-text" role="alert">
            The notes could not be read: {notes.error.message}
          </p>
        ) : notes.isPending ? (
          <p className="help">Reading the notes…</p>
        ) : groups.length === 0 ? (
          <p className="help">
            {showResolved ? 'No notes on this version yet.' : 'No open notes on this version.'} Add one with “Add a
            note…”{reviewer ? '' : ', or import a reviewer’s notes'}.
          </p>
        ) : (
          <NotesList groups={groups} busy={busy} onCommand={(note, kind) => void command(note, kind)} />
        )}
      </section>

      <section className="pack-preview-section notes-preview" aria-labelledby="notes-preview-heading">
        <div className="grid-toolbar">
          <h3 id="notes-preview-heading" className="section-title">
            Version {version} with its notes
          </h3>
          {built.isFetching ? <span className="grid-count">Updating…</span> : null}
        </div>
        {built.error ? <p className="error-text">{built.error.message}</p> : null}
        {built.data ? (
          <PackPreview document={built.data.document} notes={notes.placed} />
        ) : (
          <p className="help">The preview appears once the pack is read.</p>
        )}
      </section>

      {dialog?.kind === 'add' || dialog?.kind === 'edit' ? (
        <NoteFormDialog
          meetingId={meetingId}
          version={version}
          targets={notes.targets}
          {...(dialog.kind === 'edit' ? { note: dialog.note } : {})}
          onClose={() => setDialog(null)}
          onDone={(text) => setMessage({ kind: 'ok', text })}
          onStale={(error, send) =>
            askOnStale(
              error,
              dialog.kind === 'edit' ? `Your edit of ${numberText(numberOf(dialog.note))}` : 'Your edit',
              send,
              'Saved your edit of the note over theirs.',
            )
          }
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDialog
          entity={null}
          id={0}
          what={`note ${numberText(dialog.number)} (“${shortText(dialog.note.text)}”)`}
          onConfirm={async () => {
            // Made from the note's version as listed: refused, and asked about beside the notes, when changed since.
            const send = (version: number) => write('annotations.delete', { id: dialog.note.id, version });
            const result = await send(dialog.note.version);
            const name = `Note ${numberText(dialog.number)} was not deleted`;
            if (!result.ok && askOnStale(result.error, name, send, `Deleted note ${numberText(dialog.number)}.`))
              setDialog(null);
            return result;
          }}
          onClose={(deleted) => {
            setDialog(null);
            if (deleted) setMessage({ kind: 'ok', text: `Deleted note ${numberText(dialog.number)}.` });
          }}
        />
      ) : null}
    </div>
  );
}
