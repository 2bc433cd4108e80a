import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import type { Result } from '../../../shared/api/result';
import { formatError, type ErrorData } from '../../../shared/errors';
import type { SavedView, ViewSpec } from '../../../shared/views/view-spec';
import { StaleNotice } from '../../app/StaleNotice';
import { useApi } from '../../data/api-context';
import { useVersionedSave } from '../../data/use-versioned-save';
import { draftOf, EMPTY_DRAFT, type ViewDraft } from './draft';
import { useViewMutations } from './queries';
import { staleViewText } from './stale-view';

export type ViewMessage = { readonly kind: 'ok' | 'error'; readonly text: string } | null;

interface ViewControlsProps {
  readonly draft: ViewDraft;
  /** The draft as a spec, or why it is not one yet. */
  readonly built: { readonly spec: ViewSpec } | { readonly problem: string };
  readonly views: readonly SavedView[];
  readonly message: ViewMessage;
  /** Opens a saved view by id ('' for a new view). */
  readonly onOpen: (value: string) => void;
  /** A change the user typed (it clears the message). */
  readonly onEdit: (next: ViewDraft) => void;
  /** The draft as saved, taken or deleted. */
  readonly onDraft: Dispatch<SetStateAction<ViewDraft>>;
  readonly onMessage: (message: ViewMessage) => void;
}

type ViewChanges = { readonly name: string; readonly spec: ViewSpec };

/**
 * The saved view being edited: which one, its name, Save / Save as new /
 * Delete, and what came of it. A save or delete is made from the view's
 * version the draft was opened at; when someone else saved the view since, it
 * is refused and said here, and the user keeps theirs (saved over the version
 * saved now) or takes the other's (the editor shows the view as saved now).
 * Mounted afresh for each view opened (`key`), so its version is that view's.
 */
export function ViewControls({ draft, built, views, message, onOpen, onEdit, onDraft, onMessage }: ViewControlsProps) {
  const api = useApi();
  const { create, update, remove } = useViewMutations();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const id = draft.savedId;

  const send = useCallback(
    (version: number, changes: ViewChanges) => update({ id: id ?? 0, version, ...changes }),
    [id, update],
  );
  const versioned = useVersionedSave(draft.savedVersion ?? 0, send);

  const saved = (view: SavedView, text: string) => {
    onDraft((current) => ({ ...current, savedId: view.id, savedVersion: view.version, name: view.name }));
    onMessage({ kind: 'ok', text });
  };
  const refused = (error: ErrorData) => onMessage({ kind: 'error', text: formatError(error) });

  const save = async (asNew: boolean) => {
    const name = draft.name.trim();
    if (!('spec' in built)) return onMessage({ kind: 'error', text: built.problem });
    if (name === '') return onMessage({ kind: 'error', text: 'Give the view a name to save it.' });
    onMessage(null);
    const result: Result<SavedView> =
      id !== null && !asNew
        ? await versioned.save({ name, spec: built.spec })
        : await create({ name, spec: built.spec });
    if (result.ok) saved(result.value, `Saved the view "${result.value.name}".`);
    // A stale refusal is the notice's to say.
    else if (result.error.code !== 'stale') refused(result.error);
  };

  /** The view as saved now, into the editor (dropping the unsaved edit), and its version to save or delete from. */
  const showSaved = async (): Promise<SavedView | null> => {
    if (id === null) return null;
    const now = await api['views.get']({ id });
    if (!now.ok) {
      refused(now.error);
      return null;
    }
    versioned.takeTheirs(now.value);
    onDraft(draftOf(now.value));
    return now.value;
  };

  const keepMine = async () => {
    const result = await versioned.keepMine();
    if (!result) return;
    if (result.ok) saved(result.value, `Saved the view "${result.value.name}" over the other change.`);
    else if (result.error.code !== 'stale') refused(result.error);
  };

  const takeTheirs = async () => {
    const view = await showSaved();
    if (view) onMessage({ kind: 'ok', text: `Showing the view "${view.name}" as saved now; your edit was dropped.` });
  };

  const deleteView = async () => {
    if (id === null) return;
    const result = await remove({ id, version: versioned.versionNow() });
    setConfirmingDelete(false);
    if (result.ok) {
      onDraft(EMPTY_DRAFT);
      return onMessage({ kind: 'ok', text: `Deleted the view "${draft.name}".` });
    }
    if (result.error.code !== 'stale' || !result.error.current) return refused(result.error);
    const text = `${staleViewText(result.error.current)}. It was not deleted: the view as saved now is shown; delete it again to delete it.`;
    if (await showSaved()) onMessage({ kind: 'error', text });
  };

  return (
    <>
      <div className="view-editor-head">
        <h2 id="view-editor-heading" className="section-title">
          View
        </h2>
        <label className="field">
          <span className="field-label">Saved views</span>
          <select value={draft.savedId ?? ''} onChange={(event) => onOpen(event.target.value)}>
            <option value="">New view</option>
            {views.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Name</span>
          <input
            type="text"
            className="text-input"
            value={draft.name}
            maxLength={120}
            onChange={(event) => onEdit({ ...draft, name: event.target.value })}
          />
        </label>
        <div className="view-actions">
          <button type="button" className="button button-primary" onClick={() => void save(false)}>
            {id === null ? 'Save view' : 'Save changes'}
          </button>
          {id !== null ? (
            <>
              <button type="button" className="button" onClick={() => void save(true)}>
                Save as new view
              </button>
              <button type="button" className="button" onClick={() => setConfirmingDelete(true)}>
                Delete view…
              </button>
            </>
          ) : null}
        </div>
      </div>
      {confirmingDelete ? (
        <div className="confirm-delete" role="group" aria-label="Confirm delete">
          <span>Delete the saved view &quot;{draft.name}&quot;? The figures are not touched.</span>
          <button type="button" className="button button-danger" onClick={() => void deleteView()}>
            Delete
          </button>
          <button type="button" className="button" onClick={() => setConfirmingDelete(false)}>
            Cancel
          </button>
        </div>
      ) : null}
      {versioned.conflict ? (
        <StaleNotice
          message={`${staleViewText(versioned.conflict.current)}. Your changes were not saved`}
          onKeepMine={() => void keepMine()}
          onTakeTheirs={() => void takeTheirs()}
        />
      ) : null}
      <div role="status" aria-live="polite" className="view-message-slot">
        {message?.kind === 'ok' ? <p className="ok-text view-message">{message.text}</p> : null}
      </div>
      <div role="alert" className="view-message-slot">
        {message?.kind === 'error' ? <p className="error-text view-message">{message.text}</p> : null}
      </div>
    </>
  );
}
