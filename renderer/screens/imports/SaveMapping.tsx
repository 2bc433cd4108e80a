import { useId, useState } from 'react';

/** "Save this mapping as…": a name, and the mapping the import used saved under it (replacing one of that name). */
export function SaveMapping({
  defaultName,
  saving,
  onSave,
}: {
  readonly defaultName: string;
  readonly saving: boolean;
  /** Saves and answers the stored name. */
  readonly onSave: (name: string) => Promise<string>;
}) {
  const inputId = useId();
  const [name, setName] = useState(defaultName);
  const [message, setMessage] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const save = async () => {
    if (name.trim() === '') return setMessage({ ok: false, text: 'Give the mapping a name to save it.' });
    try {
      const stored = await onSave(name.trim());
      setMessage({ ok: true, text: `Saved the mapping "${stored}" for next time.` });
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
  };
  return (
    <form
      className="save-mapping"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={inputId}>
          Save this mapping as…
        </label>
        <input
          id={inputId}
          className="text-input"
          value={name}
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={saving}>
        Save mapping
      </button>
      <div role="status" aria-live="polite" className="save-mapping-message">
        {message?.ok ? <span className="ok-text">{message.text}</span> : null}
      </div>
      <div role="alert" className="save-mapping-message">
        {message && !message.ok ? <span className="error-text">{message.text}</span> : null}
      </div>
    </form>
  );
}
