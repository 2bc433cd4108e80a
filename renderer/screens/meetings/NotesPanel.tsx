import { useMemo, useState } from 'react';
import type { Annotation, NotesImportResult, PackFileInfo } from '../../../shared/api/notes-contract';
import { formatError } from '../../../shared/errors';
import { notesImportSource, notesImportText } from '../../../shared/notes/import-text';
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

const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text);

/**
 * The reviewers' notes on an issued version: the notes by agenda item with the
 * N-numbers the preview marks, add, edit, resolve or reopen, delete, settle a
 * note kept twice; the exchange files; and the version's preview with each
 * note beside its element. Notes are on issued versions only: a draft changes.
 */
export function NotesPanel({ meetingId, reviewer, onGoToPack }: NotesPanelProps) {
  const write = useWrite();
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

  const command = async (note: Annotation, kind: NoteCommand) => {
    if (kind === 'edit') return setDialog({ kind: 'edit', note });
    if (kind === 'delete') return setDialog({ kind: 'delete', note, number: numberOf(note) });
    setBusy(note.id);
    setMessage(null);
    const name = numberText(numberOf(note));
    const result =
      kind === 'resolve' || kind === 'reopen'
        ? await write('annotations.resolve', { id: note.id, resolved: kind === 'resolve' })
        : await write('annotations.settleConflict', { id: note.id, keep: kind === 'keep-here' ? 'here' : 'incoming' });
    setBusy(null);
    if (!result.ok) return setMessage({ kind: 'error', text: `${name}: ${formatError(result.error)}` });
    const done: Record<Exclude<NoteCommand, 'edit' | 'delete'>, string> = {
      resolve: `Resolved ${name}${showResolved ? '' : ': it leaves the open notes (Show resolved shows it)'}.`,
      reopen: `Reopened ${name}.`,
      'keep-here': `Kept our version of ${name}.`,
      'keep-incoming': `Took the author’s version of ${name}.`,
    };
    setMessage({ kind: 'ok', text: done[kind] });
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
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDialog
          entity={null}
          id={0}
          what={`note ${numberText(dialog.number)} (“${shortText(dialog.note.text)}”)`}
          onConfirm={() => write('annotations.delete', { id: dialog.note.id })}
          onClose={(deleted) => {
            setDialog(null);
            if (deleted) setMessage({ kind: 'ok', text: `Deleted note ${numberText(dialog.number)}.` });
          }}
        />
      ) : null}
    </div>
  );
}
