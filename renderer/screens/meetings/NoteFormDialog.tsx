import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Annotation } from '../../../shared/api/notes-contract';
import type { Result } from '../../../shared/api/result';
import { ANNOTATION_KINDS, RAGS, type AnnotationKind, type Rag } from '../../../shared/domain';
import { formatError, type ErrorData } from '../../../shared/errors';
import type { LocatedTarget } from '../../../shared/notes/targets';
import { FormDialog } from './FormDialog';
import { elementLabel, elementsOf, itemTargets, noteChanges } from './notes-view';
import { useWrite } from './use-write';

interface NoteFormDialogProps {
  readonly meetingId: number;
  readonly version: number;
  /** The version's elements in reading order (annotations.targets). */
  readonly targets: readonly LocatedTarget[];
  /** The note to edit; a new note is added when absent. */
  readonly note?: Annotation;
  readonly onClose: () => void;
  /**
   * An edit refused because someone changed the note since it was read: the panel asks, Take theirs or Keep mine,
   * where `send` makes the same edit again from a version (the one saved now, to keep mine).
   */
  readonly onStale: (error: ErrorData, send: (version: number) => Promise<Result<unknown>>) => void;
  /** Says what was done, for the tab's status line. */
  readonly onDone: (text: string) => void;
}

type Field = 'target' | 'kind' | 'rag' | 'text' | 'shared' | 'author';
const FIELD_NAMES: Readonly<Record<Field, string>> = {
  target: 'Element',
  kind: 'Kind of note',
  rag: 'Proposed RAG',
  text: 'Text',
  shared: 'Shared',
  author: 'By',
};
const isField = (field: string | undefined): field is Field => field !== undefined && Object.hasOwn(FIELD_NAMES, field);

const KIND_LABELS: Readonly<Record<AnnotationKind, string>> = {
  comment: 'Comment',
  'proposed rag': 'Proposed RAG',
  question: 'Question for the meeting',
};
const RAG_LABELS: Readonly<Record<Rag, string>> = { red: 'Red', amber: 'Amber', green: 'Green' };
const TEXT_LABELS: Readonly<Record<AnnotationKind, string>> = {
  comment: 'Comment',
  'proposed rag': 'Reason for the proposed RAG',
  question: 'Question',
};

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One field's problem, beside it, read out with the field (aria-describedby). */
function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="error-text note-field-error">
      {sentence(message)}
    </p>
  ) : null;
}

function Choices({
  legend,
  errorId,
  error,
  children,
}: {
  legend: string;
  errorId: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset
      className="note-choices"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="field-label">{legend}</legend>
      <div className="note-choice-row">{children}</div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

/**
 * Adds a note on an element of an issued version, or edits one: the element
 * (the agenda item, then an element of it, narrowed by words typed), the kind
 * (a comment, a proposed RAG with red, amber or green, a question for the
 * meeting), the text, and whether it is shared. A refusal is shown beside the
 * field it is about, and named in the dialog's alert.
 */
export function NoteFormDialog({ meetingId, version, targets, note, onClose, onDone, onStale }: NoteFormDialogProps) {
  const write = useWrite();
  const ids = useId();
  const id = (field: string) => `${ids}-${field}`;
  const items = useMemo(() => itemTargets(targets), [targets]);
  const [sectionId, setSectionId] = useState(items[0]?.sectionId ?? '');
  const [search, setSearch] = useState('');
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<AnnotationKind>(note?.kind ?? 'comment');
  const [rag, setRag] = useState<Rag | null>(note?.rag ?? null);
  const [text, setText] = useState(note?.text ?? '');
  const [shared, setShared] = useState(note?.shared ?? true);
  const [author, setAuthor] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const item = items.find((candidate) => candidate.sectionId === sectionId);
  const elements = useMemo(() => elementsOf(targets, sectionId, search), [targets, sectionId, search]);
  // The element chosen, or the item itself when the words typed hide it (or none was chosen yet).
  const chosen = elements.find((element) => element.target === target) ?? elements[0];

  const refused = (error: ErrorData): string => {
    const field = error.where?.field;
    if (!isField(field)) return formatError(error);
    setErrors({ [field]: error.message });
    setTimeout(() => document.getElementById(id(field))?.focus(), 0);
    return `Not saved: see “${field === 'text' ? TEXT_LABELS[kind] : FIELD_NAMES[field]}” below.`;
  };

  const submit = async (): Promise<string | null> => {
    setErrors({});
    const form = { kind, rag: kind === 'proposed rag' ? rag : null, text: text.trim(), shared };
    if (note) {
      const changes = noteChanges(note, form);
      if (Object.keys(changes).length === 0) return null;
      // Made from the note's version as read: a note someone changed since is not written over unseen.
      const send = (from: number) => write('annotations.edit', { id: note.id, version: from, changes });
      const result = await send(note.version);
      if (!result.ok && result.error.code === 'stale') {
        onStale(result.error, send);
        return null;
      }
      if (!result.ok) return refused(result.error);
      onDone(`Saved the changes to the note on ${note.targetLabel}.`);
      return null;
    }
    const result = await write('annotations.add', {
      meetingId,
      version,
      target: chosen?.target ?? '',
      ...form,
      ...(author.trim() === '' ? {} : { author: author.trim() }),
    });
    if (!result.ok) return refused(result.error);
    onDone(`Added a note on ${result.value.targetLabel}.`);
    return null;
  };

  const describe = (field: Field) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': id(`${field}-error`) } : {};

  return (
    <FormDialog
      title={note ? 'Edit the note' : 'Add a note'}
      submitLabel={note ? 'Save note' : 'Add note'}
      wide
      onClose={onClose}
      onSubmit={submit}
    >
      {note ? (
        <p className="note-form-on">
          On <strong>{note.targetLabel}</strong>
        </p>
      ) : (
        <div className="note-form-target">
          <label className="field">
            <span className="field-label">Agenda item</span>
            <select
              value={sectionId}
              autoFocus
              onChange={(event) => {
                setSectionId(event.target.value);
                setTarget('');
                setSearch('');
              }}
            >
              {items.map((candidate) => (
                <option key={candidate.sectionId} value={candidate.sectionId}>
                  {candidate.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Find an element (words in its name)</span>
            <input
              type="search"
              className="text-input"
              value={search}
              placeholder="e.g. Wycombe change"
              onChange={(event) => setSearch(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field-label">
              Element ({elements.length === 1 ? 'the item only' : `${elements.length} to choose from`})
            </span>
            <select
              id={id('target')}
              value={chosen?.target ?? ''}
              {...describe('target')}
              onChange={(event) => setTarget(event.target.value)}
            >
              {elements.map((element) => (
                <option key={element.target} value={element.target}>
                  {elementLabel(element, item)}
                </option>
              ))}
            </select>
            <FieldError id={id('target-error')} message={errors.target} />
          </label>
        </div>
      )}

      <Choices legend="Kind of note" errorId={id('kind-error')} error={errors.kind}>
        {ANNOTATION_KINDS.map((candidate, index) => (
          <label key={candidate} className="note-choice">
            <input
              type="radio"
              name={id('kind')}
              {...(index === 0 ? { id: id('kind') } : {})}
              value={candidate}
              checked={kind === candidate}
              onChange={() => setKind(candidate)}
            />
            {KIND_LABELS[candidate]}
          </label>
        ))}
      </Choices>

      {kind === 'proposed rag' ? (
        <Choices legend="Proposed RAG (required)" errorId={id('rag-error')} error={errors.rag}>
          {RAGS.map((candidate, index) => (
            <label key={candidate} className={`note-choice note-rag-choice note-rag-${candidate}`}>
              <input
                type="radio"
                name={id('rag')}
                {...(index === 0 ? { id: id('rag') } : {})}
                value={candidate}
                checked={rag === candidate}
                onChange={() => setRag(candidate)}
              />
              <span className="note-rag-swatch" aria-hidden="true" />
              {RAG_LABELS[candidate]}
            </label>
          ))}
        </Choices>
      ) : null}

      <label className="field">
        <span className="field-label">{TEXT_LABELS[kind]}</span>
        <textarea
          id={id('text')}
          className="text-input note-text-input"
          value={text}
          rows={4}
          aria-required
          {...(note ? { autoFocus: true } : {})}
          {...describe('text')}
          onChange={(event) => setText(event.target.value)}
        />
        <FieldError id={id('text-error')} message={errors.text} />
      </label>

      <div className={note ? 'note-form-row' : 'dialog-grid'}>
        <label className="note-choice note-shared">
          <input
            id={id('shared')}
            type="checkbox"
            checked={shared}
            {...describe('shared')}
            onChange={(event) => setShared(event.target.checked)}
          />
          Shared: goes back to the secretary with the notes exported
        </label>
        {note ? null : (
          <label className="field">
            <span className="field-label">By (optional)</span>
            <input
              id={id('author')}
              className="text-input"
              value={author}
              maxLength={200}
              placeholder="Your name when left empty"
              {...describe('author')}
              onChange={(event) => setAuthor(event.target.value)}
            />
            <FieldError id={id('author-error')} message={errors.author} />
          </label>
        )}
      </div>
      {shared ? null : <p className="help">A private note stays in this file: it is never exported.</p>}
      <FieldError id={id('shared-error')} message={errors.shared} />
    </FormDialog>
  );
}
