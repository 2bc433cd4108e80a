import { useState } from 'react';
import type { NotesImportResult, PackFileInfo } from '../../../shared/api/notes-contract';
import { formatError, type ErrorData } from '../../../shared/errors';
import { useApi } from '../../data/api-context';
import { downloadFile } from '../../data/download';
import { useAppInfo } from '../../data/queries';
import { FileChoice } from '../imports/FileChoice';
import type { ChosenFiles } from '../imports/import-files';
import { FormDialog } from './FormDialog';
import { useWrite } from './use-write';

/** A refusal in words, its file named once (the import's messages name the file themselves). */
const refusalText = (error: ErrorData): string =>
  error.where?.file !== undefined && error.message.includes(error.where.file) ? error.message : formatError(error);

/** What the tab's status line (or its alert) says after an exchange. */
export type NotesMessage = { readonly kind: 'ok' | 'error'; readonly text: string } | null;

interface NotesExchangeProps {
  readonly meetingId: number;
  readonly version: number;
  /** The open file's pack when it is a reviewer's copy: then only "Export my notes…" is offered. */
  readonly reviewer: PackFileInfo | null;
  readonly onMessage: (message: NotesMessage) => void;
  readonly onImported: (result: NotesImportResult) => void;
}

/** Asks the reviewer's name, then saves the version as a `.boardpack` file for them (as the pack's exports save). */
function ExportPackDialog({
  meetingId,
  version,
  onMessage,
  onClose,
}: Pick<NotesExchangeProps, 'meetingId' | 'version' | 'onMessage'> & { onClose: () => void }) {
  const api = useApi();
  const [reviewer, setReviewer] = useState('');
  const submit = async (): Promise<string | null> => {
    const name = reviewer.trim();
    const result = await api['exchange.exportPackFile']({ meetingId, version, reviewer: name === '' ? null : name });
    if (!result.ok) return `The pack file was refused: ${formatError(result.error)}`;
    downloadFile(result.value);
    onMessage({
      kind: 'ok',
      text: `Exported ${result.value.fileName}${name === '' ? '' : ` for ${name}`}: it opens in Boardpack, read-only except for notes.`,
    });
    return null;
  };
  return (
    <FormDialog title="Export pack for reviewer" submitLabel="Export pack file" onClose={onClose} onSubmit={submit}>
      <p className="help">
        A <code>.boardpack</code> file of version {version} and nothing else of this database. The reviewer opens it in
        Boardpack, adds notes, and sends back a <code>.boardnotes</code> file to import here.
      </p>
      <label className="field">
        <span className="field-label">Reviewer’s name</span>
        <input
          className="text-input"
          value={reviewer}
          maxLength={200}
          autoFocus
          placeholder="e.g. Cllr Jane Chair"
          onChange={(event) => setReviewer(event.target.value)}
        />
      </label>
    </FormDialog>
  );
}

/** Chooses a `.boardnotes` file (the native dialog in the desktop app, an upload in the preview) and merges it. */
function ImportNotesDialog({
  meetingId,
  onImported,
  onClose,
}: Pick<NotesExchangeProps, 'meetingId' | 'onImported'> & { onClose: () => void }) {
  const write = useWrite();
  const info = useAppInfo();
  const [chosen, setChosen] = useState<ChosenFiles | null>(null);
  const submit = async (): Promise<string | null> => {
    const source = chosen?.sources[0];
    if (!source) return 'Choose a .boardnotes file first.';
    const result = await write('exchange.importNotes', { source, meetingId });
    if (!result.ok) return `Nothing was imported: ${refusalText(result.error)}`;
    onImported(result.value);
    return null;
  };
  return (
    <FormDialog title="Import notes" submitLabel="Import notes" onClose={onClose} onSubmit={submit}>
      <p className="help">
        A reviewer’s <code>.boardnotes</code> file, exported from their pack file of this meeting. Importing the same
        file twice changes nothing; a note changed on both sides is kept twice for you to settle.
      </p>
      <FileChoice
        label="Annotations file (.boardnotes)"
        purpose="boardnotes"
        accept=".boardnotes,application/json"
        nativeDialogs={info.data?.nativeFileDialogs ?? false}
        chosen={chosen}
        onChosen={setChosen}
      />
    </FormDialog>
  );
}

/**
 * The offline exchange from the Notes tab (the browser preview has no File
 * menu): the secretary exports a version for a reviewer and imports the notes
 * that come back; a reviewer exports their notes.
 */
export function NotesExchange({ meetingId, version, reviewer, onMessage, onImported }: NotesExchangeProps) {
  const api = useApi();
  const [dialog, setDialog] = useState<'export' | 'import' | null>(null);
  const [working, setWorking] = useState(false);

  const exportMine = async () => {
    setWorking(true);
    onMessage(null);
    const result = await api['exchange.exportNotes']({});
    setWorking(false);
    if (!result.ok)
      return onMessage({ kind: 'error', text: `The notes were not exported: ${formatError(result.error)}` });
    downloadFile(result.value);
    onMessage({
      kind: 'ok',
      text: `Exported ${result.value.fileName}: send it to the secretary. Private notes stay in this file.`,
    });
  };

  if (reviewer) {
    return (
      <div className="notes-exchange" role="group" aria-label="Exchange">
        <button type="button" className="button" disabled={working} onClick={() => void exportMine()}>
          {working ? 'Exporting…' : 'Export my notes…'}
        </button>
      </div>
    );
  }
  return (
    <div className="notes-exchange" role="group" aria-label="Exchange">
      <button type="button" className="button" onClick={() => setDialog('export')}>
        Export pack for reviewer…
      </button>
      <button type="button" className="button" onClick={() => setDialog('import')}>
        Import notes…
      </button>
      {dialog === 'export' ? (
        <ExportPackDialog
          meetingId={meetingId}
          version={version}
          onMessage={onMessage}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'import' ? (
        <ImportNotesDialog meetingId={meetingId} onImported={onImported} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}
