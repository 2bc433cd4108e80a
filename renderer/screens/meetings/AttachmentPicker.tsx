import { useId, useState } from 'react';
import { formatError } from '../../../shared/errors';
import { useAttachments } from './queries';
import { useWrite } from './use-write';

interface AttachmentPickerProps {
  /** The chosen PDF, or null while none is. */
  readonly attachmentId: number | null;
  readonly onChange: (attachmentId: number) => void;
}

/** Reads a chosen file as base64 (without the data: URL's prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

const sizeText = (bytes: number) =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;

/** Choose a partner's PDF already stored, or upload one (checked by the API to be a PDF that opens). */
export function AttachmentPicker({ attachmentId, onChange }: AttachmentPickerProps) {
  const write = useWrite();
  const { attachments } = useAttachments();
  const uploadId = useId();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [title, setTitle] = useState('');

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    let base64: string;
    try {
      base64 = await readBase64(file);
    } catch (error) {
      return setMessage({ kind: 'error', text: (error as Error).message });
    }
    const result = await write('attachments.add', {
      title: title.trim() === '' ? file.name.replace(/\.pdf$/i, '') : title.trim(),
      fileName: file.name,
      base64,
    });
    if (!result.ok) return setMessage({ kind: 'error', text: formatError(result.error) });
    setMessage({ kind: 'ok', text: `Added ${result.value.fileName} (${result.value.pages} pages).` });
    setTitle('');
    onChange(result.value.id);
  };

  return (
    <div className="attachment-picker">
      <label className="field">
        <span className="field-label">Attached PDF</span>
        <select
          value={attachmentId ?? ''}
          onChange={(event) => event.target.value !== '' && onChange(Number(event.target.value))}
        >
          {attachmentId === null ? <option value="">Choose a PDF…</option> : null}
          {attachments.map((attachment) => (
            <option key={attachment.id} value={attachment.id}>
              {attachment.title} ({attachment.fileName}, {attachment.pages} pages, {sizeText(attachment.bytes)})
            </option>
          ))}
        </select>
      </label>
      <div className="upload-row">
        <label className="field">
          <span className="field-label">Title for a new PDF (optional)</span>
          <input className="text-input" value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <div className="field">
          <label className="field-label" htmlFor={uploadId}>
            Upload a PDF
          </label>
          <input
            id={uploadId}
            type="file"
            accept="application/pdf"
            className="file-input"
            onChange={(event) => {
              void upload(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </div>
      </div>
      <div role="status" aria-live="polite">
        {message?.kind === 'ok' ? <p className="ok-text">{message.text}</p> : null}
      </div>
      <div role="alert">{message?.kind === 'error' ? <p className="error-text">{message.text}</p> : null}</div>
    </div>
  );
}
